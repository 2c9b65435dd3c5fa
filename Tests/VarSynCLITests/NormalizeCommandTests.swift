import Foundation
import Testing
import VarSynNormalize
import VarSynReference

@testable import VarSynCLI

/// `varsyn normalize` / `dedupe` building blocks: the JSON object per row, and the column reader (N rows in,
/// N results out).
@Suite struct NormalizeCommandTests {
    static let normalizer = Normalizer(table: try! ReferenceTable.embeddedDefault())

    static func object(_ input: String) throws -> [String: Any] {
        let result = Result { () throws(NormalizeError) in try normalizer.normalize(input) }
        let json = NormalizeReport.json(input, result)
        return try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    @Test func normalizedRowCarriesTheKeys() throws {
        let o = try Self.object("NM_003156.4:c.494C>A")
        #expect(o["ok"] as? Bool == true)
        #expect(o["key"] as? String == "NC_000011.10:4055633:C:A")
        #expect(o["vcf_grch37"] as? String == "11-4076864-C-A")
        #expect(o["hgvs_c"] as? String == "NM_003156.3:c.494C>A")
        #expect((o["warnings"] as? [String])?.first?.contains("NM_003156.4 is not in the table") == true)
        #expect(o["hgvs_p"] is NSNull)
    }

    /// `varsyn normalize 'CFTR F508del'` (the command's normalizer, with the protein mapper): the first
    /// back-translation candidate, the real ΔF508 `c.1521_1523del`, normalized; the codon deletion listed.
    @Test func proteinDeletionRowResolves() throws {
        let command = try NormalizeCommand.parse([])
        let normalizer = try command.options.normalizer()
        for input in ["CFTR F508del", "CFTR ΔF508"] {
            let result = Result { () throws(NormalizeError) in try normalizer.normalize(input) }
            let json = NormalizeReport.json(input, result)
            let o = try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
            #expect(o["ok"] as? Bool == true)
            #expect(o["hgvs_c"] as? String == "NM_000492.3:c.1521_1523del")
            #expect(o["key"] as? String == "NC_000007.14:117559590:TCTT:T")
            #expect(o["protein_key"] as? String == "NP_000483.3:p.Phe508del")
            #expect((o["candidates"] as? [String])?.contains("NM_000492.3:c.1522_1524del") == true)
        }
    }

    /// An allele row: its phase, its components, and the allele key `dedupe` groups by (STIM1, default table).
    @Test func alleleRowListsItsComponents() throws {
        let o = try Self.object("NM_003156.3:c.[497G>A;494C>A]")
        #expect(o["ok"] as? Bool == true)
        #expect(o["phase"] as? String == "cis")
        #expect(o["hgvs_c"] as? String == "NM_003156.3:c.[494C>A;497G>A]")
        #expect(o["key"] as? String == "[NC_000011.10:4055633:C:A;NC_000011.10:4055636:G:A]")
        let components = try #require(o["components"] as? [[String: Any]])
        #expect(
            components.compactMap { $0["key"] as? String } == ["NC_000011.10:4055633:C:A", "NC_000011.10:4055636:G:A"])
        #expect(components.first?["hgvs_r"] as? String == "NM_003156.3:r.(494c>a)")
        #expect(components.allSatisfy { $0["allele"] as? Int == 1 })
        // A single variant has neither.
        #expect(try Self.object("NM_003156.3:c.494C>A")["components"] == nil)
    }

    @Test func dedupeGroupsOneAlleleWrittenDifferently() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ParseCommandTests.binary.path),
            "build varsyn first (swift build)")
        let rows = [
            "NM_003156.3:c.[494C>A;495A>T]", "NM_003156.3:c.494_495delinsAT", "NC_000011.10:g.[4055635A>T;4055634C>A]",
            "NM_003156.3:c.[494C>A;497G>A]", "NM_003156.3:c.[497G>A;494C>A]", "NM_003156.3:c.[494C>A];[497G>A]",
        ]
        let run = try ParseCommandTests.run(["dedupe", "--json"], stdin: rows.joined(separator: "\n") + "\n")
        let clusters = run.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(clusters.map { $0["rows"] as? [Int] ?? [] } == [[1, 2, 3], [4, 5], [6]])
    }

    @Test func mismatchRowNamesExpectedAndFound() throws {
        let o = try Self.object("NM_003156.3:c.494G>A")
        #expect(o["ok"] as? Bool == false)
        let error = try #require(o["error"] as? [String: Any])
        #expect(error["code"] as? String == "reference-mismatch")
        #expect(error["expected"] as? String == "C")
        #expect(error["found"] as? String == "G")
    }

    @Test func columnsOfTSVCSVAndJSONLines() throws {
        let tsv = LineInput(bytes: Array("id\thgvs\n1\tNM_003156.3:c.494C>A\n2\t\n3\tchr11:4055634 C>A\n".utf8))
        let fromTSV = try ColumnReader.extract("hgvs", from: tsv, csv: false)
        #expect(fromTSV.lines.count == 3)
        #expect(String(decoding: fromTSV.buffer[fromTSV.lines[2]], as: UTF8.self) == "chr11:4055634 C>A")
        let csv = LineInput(bytes: Array("id,hgvs\n1,\"NM_003156.3:c.494C>A\"\n2,\"a,b\"\n".utf8))
        let fromCSV = try ColumnReader.extract("hgvs", from: csv, csv: true)
        #expect(
            fromCSV.lines.map { String(decoding: fromCSV.buffer[$0], as: UTF8.self) } == [
                "NM_003156.3:c.494C>A", "a,b",
            ])
        let jsonl = LineInput(bytes: Array("{\"v\":\"NM_003156.3:c.494C>A\"}\n{\"x\":1}\n".utf8))
        let fromJSONL = try ColumnReader.extract("v", from: jsonl, csv: false)
        #expect(fromJSONL.lines.count == 2)
    }
}
