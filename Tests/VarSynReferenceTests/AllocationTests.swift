import CVarSynAllocationCounter
import Testing

@testable import VarSynReference

/// Lookups on the memory-mapped table must not allocate (the normalizer calls them in its hot path).
@Suite struct AllocationTests {
    /// malloc calls made by `body` on this thread.
    func allocations(_ body: () -> Void) -> UInt {
        varsyn_allocation_counting_begin()
        body()
        return varsyn_allocation_counting_end()
    }

    @Test func counterSeesAllocations() {
        let n = allocations { _ = [Int](repeating: 1, count: Int.random(in: 100...200)) }
        #expect(n >= 1)
    }

    @Test func lookupsAllocateNothing() throws {
        let table = try ReferenceTable.embeddedDefault()
        let accession = "NM_003156.3"
        let versionless = "NM_003156"
        let newer = "NM_003156.4"
        let lrg = "LRG_164t1"
        let protein = "NP_003147.2"
        let gene = "stim1"
        let chromosome = "NC_000011.10"
        let name = "chr11"
        var buffer = [UInt8](repeating: 0, count: 64)
        // Warm up lazily initialised globals.
        _ = table.transcript(accession: accession)
        let stim1 = try #require(table.transcript(accession: accession)?.record)
        var checksum = 0
        let operations: [(String, () -> Void)] = [
            (
                "transcript(accession:) exact",
                { checksum &+= table.transcript(accession: accession)?.record.index ?? 0 }
            ),
            (
                "transcript(accession:) versionless",
                { checksum &+= table.transcript(accession: versionless)?.record.index ?? 0 }
            ),
            (
                "transcript(accession:) equivalent version",
                { checksum &+= table.transcript(accession: newer)?.record.index ?? 0 }
            ),
            ("transcript(accession:) LRG name", { checksum &+= table.transcript(accession: lrg)?.record.index ?? 0 }),
            ("transcript(protein:)", { checksum &+= table.transcript(protein: protein)?.index ?? 0 }),
            ("exons.count", { checksum &+= stim1.exons.count }),
            ("for exons", { for e in stim1.exons { checksum &+= e.interval.end } }),
            ("exons[0]", { checksum &+= stim1.exons[0].interval.end }),
            ("gene ==", { checksum &+= stim1.gene == "STIM1" ? 1 : 0 }),
            ("cds", { checksum &+= stim1.cds?.start ?? 0 }),
            ("alignment(on:)", { checksum &+= stim1.alignment(on: .grch38)?.index ?? 0 }),
            (
                "record fields",
                {
                    checksum &+=
                        stim1.exons.count + (stim1.cds?.start ?? 0) + stim1.length + (stim1.gene == "STIM1" ? 1 : 0)
                    for e in stim1.exons { checksum &+= e.interval.end }
                }
            ),
            (
                "alignment",
                {
                    if let a = stim1.alignment(on: .grch38) {
                        checksum &+= a.genomicPosition(ofTranscriptPosition: 1061) ?? 0
                        for e in a.exons { checksum &+= e.genomic.start }
                    }
                }
            ),
            (
                "copySequence",
                { checksum &+= buffer.withUnsafeMutableBufferPointer { stim1.copySequence(1060..<1063, into: $0) } }
            ),
            ("transcripts(gene:)", { for t in table.transcripts(gene: gene) { checksum &+= t.index } }),
            (
                "features(overlapping:) accession",
                {
                    for f in table.features(
                        overlapping: GenomicInterval(start: 4_055_633, end: 4_055_634), on: chromosome)
                    {
                        if case .alignment(let a) = f { checksum &+= a.index }
                    }
                }
            ),
            (
                "features(overlapping:) chromosome name",
                {
                    for f in table.features(
                        overlapping: GenomicInterval(start: 4_055_633, end: 4_055_634), on: name, assembly: .grch38)
                    {
                        if case .placement(let p) = f { checksum &+= p.index }
                    }
                }
            ),
            ("alleles(rsid:)", { for a in table.alleles(rsid: 184_479_614) { checksum &+= a.allele.count } }),
        ]
        for (label, operation) in operations {
            operation()  // warm up
            let count = allocations { for _ in 0..<10 { operation() } }
            #expect(count == 0, "\(label)")
        }
        #expect(checksum != 0)
    }
}
