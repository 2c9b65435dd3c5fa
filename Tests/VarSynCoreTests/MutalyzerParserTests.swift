import Foundation
import Testing

@testable import VarSynCore

/// mutalyzer/hgvs-parser syntax cases: 205 valid, 63 invalid per mutalyzer. Valid ones are accepted (strict
/// where standard); invalid ones rejected. Mutalyzer's grammar is lax (`REF:4`, spaces) and rejects valid HGVS it
/// does not support (mosaic `=/`, chimeric `=//`, alleles in trans); each disagreement is listed with its
/// outcome and reason in `mutalyzer-exceptions.tsv`.
@Suite struct MutalyzerParserTests {
    static func cases() throws -> [(input: String, valid: Bool)] {
        let data = try Data(
            contentsOf: TestPaths.sharedFile("conformance/mutalyzer-parser/extracted/syntax_cases.json"))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { return [] }
        return cases.compactMap { c in
            guard let input = c["input"] as? String, let expected = c["expected"] as? String else { return nil }
            return (input, expected == "valid")
        }
    }

    @Test func validAcceptedInvalidRejectedOrListed() throws {
        let cases = try Self.cases()
        var unique: [(String, Outcome)] = []
        var seen = Set<String>()
        for (input, valid) in cases where seen.insert(input).inserted {
            unique.append((input, valid ? .accepts : .rejects))
        }
        let comparison = try OutcomeComparison(unique, fixture: "mutalyzer-exceptions.tsv")
        let valid = unique.filter { $0.1 == .accepts }.map { Outcome(of: $0.0) }
        let invalid = unique.filter { $0.1 == .rejects }.map { Outcome(of: $0.0) }
        print(
            "mutalyzer syntax cases: \(cases.count) (\(unique.count) distinct); valid \(valid.count): \(valid.filter { $0 == .accepts }.count) accepted strict, \(valid.filter { $0 == .lenientOnly }.count) lenient only, \(valid.filter { $0 == .rejects }.count) rejected; invalid \(invalid.count): \(invalid.filter { $0 == .rejects }.count) rejected, \(invalid.filter { $0 == .accepts }.count) accepted strict (valid HGVS), \(invalid.filter { $0 == .lenientOnly }.count) lenient only; \(comparison.listed) disagreements listed with reasons in mutalyzer-exceptions.tsv"
        )
        comparison.printDetails()
        #expect(comparison.isClean)
        #expect(cases.count == 268)
    }
}
