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
