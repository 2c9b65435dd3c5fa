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
        #expect(fromCSV.lines.map { String(decoding: fromCSV.buffer[$0], as: UTF8.self) } == ["NM_003156.3:c.494C>A", "a,b"])
        let jsonl = LineInput(bytes: Array("{\"v\":\"NM_003156.3:c.494C>A\"}\n{\"x\":1}\n".utf8))
        let fromJSONL = try ColumnReader.extract("v", from: jsonl, csv: false)
        #expect(fromJSONL.lines.count == 2)
    }
}
