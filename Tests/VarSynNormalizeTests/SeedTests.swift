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
