import Testing
import VarSynReference

@testable import VarSynNormalize

/// End to end on the embedded default table: the STIM1 seeds all reach one key.
@Suite struct SeedTests {
    static let table = try! ReferenceTable.embeddedDefault()
    let normalizer = Normalizer(table: SeedTests.table)

    @Test(arguments: [
        "NM_003156.3:c.494C>A", "NM_003156.4:c.494C>A", "NC_000011.10:g.4055634C>A", "chr11:4055634 C>A",
        "NC_000011.10:4055633:C:A", "LRG_164t1:c.494C>A", "NC_000011.9:g.4076864C>A",
    ])
    func seedsReachTheKey(_ input: String) throws {
        let v = try normalizer.normalize(input)
        #expect(v.key == "NC_000011.10:4055633:C:A")
        #expect(v.vcfGRCh38 == "11-4055634-C-A")
        #expect(v.vcfGRCh37 == "11-4076864-C-A")
        #expect(v.hgvsG == "NC_000011.10:g.4055634C>A")
        #expect(v.hgvsGGRCh37 == "NC_000011.9:g.4076864C>A")
    }

    @Test func vcfOnGRCh37() throws {
        var options = NormalizeOptions()
        options.assembly = .grch37
        let v = try Normalizer(table: SeedTests.table, options: options).normalize("11-4076864-C-A")
        #expect(v.key == "NC_000011.10:4055633:C:A")
        #expect(v.hgvsC == "NM_003156.3:c.494C>A")
    }

    @Test func versionFallbackWarns() throws {
        let v = try normalizer.normalize("NM_003156.4:c.494C>A")
        #expect(v.warnings.contains { $0.contains("NM_003156.4 is not in the table; resolved through NM_003156.3") })
        #expect(v.hgvsC == "NM_003156.3:c.494C>A")
    }

    @Test func mismatchNamesExpectedAndFound() {
        #expect {
            try normalizer.normalize("NM_003156.3:c.494G>A")
        } throws: { error in
            guard let e = error as? NormalizeError else { return false }
            return e.code == .referenceMismatch && e.expected == "C" && e.found == "G"
                && e.message == "NM_003156.3:c.494: the input states G but the reference is C"
        }
    }

    @Test func exonDeletion() throws {
        let v = try normalizer.normalize("STIM1 exon 2 deletion")
        #expect(v.hgvsC == "NM_003156.3:c.(139+1_140-1)_(270+1_271-1)del")
        #expect(v.key == nil)
        #expect(v.hgvsG?.hasPrefix("NC_000011.10:g.(") == true)
    }

    @Test func legacyIntronNumbering() throws {
        let v = try normalizer.normalize("STIM1:c.IVS2+1G>A")
        #expect(v.hgvsC?.hasPrefix("NM_003156.3:c.270+1") == true)
    }
}

/// Mapping and shifting on real genes with LRG genomic sequence in the default table.
@Suite struct GenomicContextTests {
    let normalizer = Normalizer(table: SeedTests.table)

    /// HGVS: a deletion at an exon end shifts into the intron when the genome is known (`c.1704+1del`).
    @Test func deletionShiftsIntoTheIntron() throws {
        let v = try normalizer.normalize("NM_003156.3:c.270del")
        #expect(v.hgvsC == "NM_003156.3:c.270+1del")
        #expect(v.hgvsG == "NC_000011.10:g.3967683del")
        #expect(v.key == "NC_000011.10:3967681:GG:G")
        #expect(v.vcfGRCh38 == "11-3967681-AG-A")
        #expect(try normalizer.normalize("NM_003156.3:c.270+1del").key == v.key)
        #expect(try normalizer.normalize("NM_003156.3:c.270dup").hgvsC == "NM_003156.3:c.270+1dup")
    }

    /// Minus strand (TP53): c. and g. shift in their own orientations and name different bases of one run.
    @Test func minusStrandShiftsEachWay() throws {
        let keys = try ["NM_000546.5:c.99del", "NM_000546.5:c.100del", "NM_000546.5:c.102del", "NC_000017.11:g.7676267del"]
            .map { try normalizer.normalize($0) }
        for v in keys {
            #expect(v.hgvsC == "NM_000546.5:c.102del")
            #expect(v.hgvsG == "NC_000017.11:g.7676271del")
            #expect(v.hgvsGGRCh37 == "NC_000017.10:g.7579589del")
            #expect(v.key == "NC_000017.11:7676266:GGGGG:GGGG")
            #expect(v.vcfGRCh38 == "17-7676266-AG-A")
        }
        let p72r = try normalizer.normalize("NM_000546.5:c.215C>G")
        #expect(p72r.hgvsG == "NC_000017.11:g.7676154G>C")
        #expect(p72r.vcfGRCh37 == "17-7579472-G-C")
        #expect(throws: NormalizeError.self) { try normalizer.normalize("NM_000546.5:c.215G>C") }
    }

    /// Redundant stated bases are checked too, and an insertion of a copy becomes a duplication.
    @Test func statedBasesAndDuplications() throws {
        #expect(try normalizer.normalize("NM_003156.3:c.35delT").hgvsC == "NM_003156.3:c.35del")
        #expect(throws: NormalizeError.self) { try normalizer.normalize("NM_003156.3:c.35delG") }
        #expect(try normalizer.normalize("NM_000546.5:c.101_102insC").hgvsC == "NM_000546.5:c.102dup")
        #expect(try normalizer.normalize("NM_000546.5:c.102_103insCC").hgvsC == "NM_000546.5:c.101_102dup")
        #expect(try normalizer.normalize("NM_003156.3:c.494delinsA").hgvsC == "NM_003156.3:c.494C>A")
    }

    /// Positions past the transcript ends are answered on the genome when the table holds it.
    @Test func pastTheTranscriptEnd() throws {
        let v = try normalizer.normalize("NM_003156.3:c.-1000C>A")
        #expect(v.hgvsC == "NM_003156.3:c.-1000C>A")
        // c.1 is n.569; the transcript starts at g.3855703, so c.-1000 is 432 bases upstream: g.3855271.
        #expect(v.key == "NC_000011.10:3855270:C:A")
        // MYBPC3 has no genomic record in the default table: a clear error, not a guess.
        #expect {
            try normalizer.normalize("NM_000256.3:c.-2000C>A")
        } throws: { ($0 as? NormalizeError)?.code == .outOfBounds }
    }
}

/// Alignment gaps and strands on a hand-made in-memory reference.
@Suite struct InMemoryMappingTests {
    /// A 20-base plus-strand transcript in two exons; exon 2 carries a 1-base transcript-only insertion (CIGAR
    /// `4M1I5M`) relative to the genome.
    static func provider() -> InMemoryReferenceProvider {
        let sequence = Array("ATGAAACCCGTTTTGGGCCC".utf8)
        let exons = [
            AlignedExon(transcript: TranscriptInterval(start: 0, end: 10), genomic: GenomicInterval(start: 100, end: 110)),
            AlignedExon(
                transcript: TranscriptInterval(start: 10, end: 20), genomic: GenomicInterval(start: 200, end: 209),
                cigar: "4M1I5M"),
        ]
        let t = TranscriptModel(
            accession: "NM_999999.1", gene: "TEST", cds: TranscriptInterval(start: 0, end: 18), sequence: sequence,
            exons: exons.map(\.transcript),
            alignments: [TranscriptAlignment(assembly: .grch38, chromosome: "NC_000099.1", strand: .plus, exons: exons, source: "test")],
            source: "test")
        var p = InMemoryReferenceProvider(
            transcripts: [t],
            chromosomes: [ChromosomeModel(assembly: .grch38, name: "T", accession: "NC_000099.1", aliases: [], length: 1000)])
        // Genome: exon 1 bases, intron, exon 2 without the transcript-only base (T of TTTT at transcript 14).
        var genome = [UInt8](repeating: UInt8(ascii: "A"), count: 300)
        for (i, b) in sequence[0..<10].enumerated() { genome[100 + i] = b }
        for (i, b) in (Array(sequence[10..<14]) + Array(sequence[15..<20])).enumerated() { genome[200 + i] = b }
        p.addGenomicWindow(chromosome: "NC_000099.1", start: 0, bases: genome)
        return p
    }

    @Test func gappedExonMapsAroundTheInsertion() throws {
        let normalizer = Normalizer(provider: Self.provider())
        // c.11 (transcript 10) is the first base of exon 2: g.201; c.17 (transcript 16) lies after the gap: g.206.
        #expect(try normalizer.normalize("NM_999999.1:c.11T>A").hgvsG == "NC_000099.1:g.201T>A")
        #expect(try normalizer.normalize("NM_999999.1:c.17G>A").hgvsG == "NC_000099.1:g.206G>A")
        #expect(try normalizer.normalize("NC_000099.1:g.206G>A").hgvsC == "NM_999999.1:c.17G>A")
        // Intronic: c.10+1 is g.111, c.11-1 is g.200.
        #expect(try normalizer.normalize("NM_999999.1:c.10+1A>G").hgvsG == "NC_000099.1:g.111A>G")
        #expect(try normalizer.normalize("NC_000099.1:g.200A>G").hgvsC == "NM_999999.1:c.11-1A>G")
        #expect(try normalizer.normalize("NM_999999.1:c.*2C>G").hgvsC == "NM_999999.1:c.*2C>G")
    }

    @Test func insertionAtAnExonJunctionStaysOnTheTranscript() throws {
        let normalizer = Normalizer(provider: Self.provider())
        #expect(try normalizer.normalize("NM_999999.1:c.10_11insC").hgvsC == "NM_999999.1:c.10_11insC")
    }
}

@Suite struct SynonymTests {
    @Test func seedSynonyms() throws {
        let s = try Normalizer(table: SeedTests.table).synonyms("NM_003156.3:c.494C>A")
        let texts = s.synonyms.map(\.text)
        for expected in [
            "NC_000011.10:g.4055634C>A", "NC_000011.9:g.4076864C>A", "NM_003156.3:c.494C>A", "LRG_164t1:c.494C>A",
            "NM_001277961.1:c.494C>A", "NM_003156.3:r.494c>a", "494C>A", "C494A", "NC_000011.10:4055633:C:A",
            "11-4055634-C-A", "11-4076864-C-A",
        ] {
            #expect(texts.contains(expected), "missing \(expected)")
        }
        #expect(s.synonyms.first { $0.text == "NM_003156.3:c.494C>A" }?.note == "LRG_164t1")
        let deletion = try Normalizer(table: SeedTests.table).synonyms("NM_003156.3:c.35del")
        #expect(deletion.synonyms.contains { $0.kind == .legacy && $0.text == "35delT" })
    }
}
