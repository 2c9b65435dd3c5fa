import Foundation
import Testing

/// Issue 4's seeds, end to end through the built `varsyn normalize` (embedded table, protein mapper wired in).
@Suite struct NormalizeSeedsTests {
    static func objects(_ arguments: [String]) throws -> [[String: Any]] {
        let run = try ParseCommandTests.run(["normalize"] + arguments)
        return try run.stdout.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func everySeedReachesTheCanonicalKey() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ParseCommandTests.binary.path), "build varsyn first")
        let seeds = [
            "STIM1 P165Q", "NP_003147.2:p.Pro165Gln", "NM_003156.3:c.494C>A", "NM_003156.4:c.494C>A",
            "STIM1 p.P165Q", "NC_000011.10:g.4055634C>A", "chr11:4055634 C>A",
        ]
        let results = try Self.objects(seeds)
        #expect(results.count == seeds.count)
        for (seed, result) in zip(seeds, results) {
            #expect(result["key"] as? String == "NC_000011.10:4055633:C:A", "\(seed)")
        }
        let protein = results[0]
        #expect(protein["hgvs_c"] as? String == "NM_003156.3:c.494C>A")
        #expect(protein["protein_key"] as? String == "NP_003147.2:p.Pro165Gln")
        let versioned = results[3]
        #expect((versioned["warnings"] as? [String])?.contains { $0.contains("NM_003156.3") } == true)
        let grch37 = try Self.objects(["--assembly", "GRCh37", "11-4076864-C-A"])
        #expect(grch37.first?["key"] as? String == "NC_000011.10:4055633:C:A")
    }

    @Test func backTranslationAndMismatches() throws {
        try #require(FileManager.default.isExecutableFile(atPath: ParseCommandTests.binary.path), "build varsyn first")
        let results = try Self.objects(["STIM1 E136G", "STIM1 L197P", "STIM1 G304R", "NM_003156.3:c.494G>A"])
        #expect(results[0]["hgvs_c"] as? String == "NM_003156.3:c.407A>G")
        for (k, reference) in [(1, "Thr"), (2, "Arg"), (3, "C")] {
            let error = try #require(results[k]["error"] as? [String: Any])
            #expect(error["code"] as? String == "reference-mismatch")
            #expect(error["expected"] as? String == reference)
        }
    }
}
