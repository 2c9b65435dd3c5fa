import Foundation
import Testing

@testable import VarSynCore

/// variation-normalization (VICC) tokenizer, classifier, validator and translator fixtures: free-text variant
/// queries (`BRAF V600E`, `NM_000551.3:c.292T>C`, `7-292-A-C`). Each query that names one variant is read in
/// lenient mode, and its first reading is of the kind its category says (protein_*, cdna_*, genomic_*). What
/// VarSyn does not read, or reads as another kind, is listed with a reason in `variation-normalization-unread.tsv`.
@Suite struct VariationNormalizationTests {
    struct Query: Hashable {
        var text: String
        var category: String
    }

    /// `should_match` tokens/queries and translator queries, read from the simple YAML line format.
    static func queries() throws -> [Query] {
        var result: [Query] = []
        var seen = Set<String>()
        for file in ["tokenizers", "classifiers", "validators", "translators"] {
            let url = TestPaths.sharedFile("conformance/variation-normalization/tests/fixtures/\(file).yml")
            var category = ""
            var section = ""
            for line in try TestPaths.lines(url) {
                if !line.hasPrefix(" "), line.hasSuffix(":") {
                    category = String(line.dropLast())
                    continue
                }
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed == "should_match:" || trimmed == "should_not_match:" || trimmed == "tests:" {
                    section = trimmed
                    continue
                }
                guard section != "should_not_match:", category != "gene" else { continue }
                for key in ["- token: ", "- query: "] where trimmed.hasPrefix(key) {
                    let text = String(trimmed.dropFirst(key.count))
                    if seen.insert(text).inserted { result.append(Query(text: text, category: category)) }
                }
            }
        }
        return result
    }

    /// The coordinate system the category names, or nil when it names none.
    static func expectedSystem(_ category: String) -> CoordinateSystem? {
        if category.hasPrefix("protein_") { return .protein }
        if category.hasPrefix("cdna_") { return .coding }
        if category.hasPrefix("genomic_") { return .genomic }
        return nil
    }

    @Test func everyQueryNamingOneVariantIsReadAsItsKind() throws {
        let queries = try Self.queries()
        let listed = Dictionary(
            try TestPaths.fixtureRows("variation-normalization-unread.tsv"), uniquingKeysWith: { a, _ in a })
        var read = 0, kindChecked = 0, kindAgrees = 0, listedCount = 0
        var unlisted: [String] = []
        var stale: [String] = []
        for query in queries {
            var problem: String? = nil
            do {
                let parsed = try HGVSParser.parse(query.text)
                read += 1
                if let system = Self.expectedSystem(query.category) {
                    kindChecked += 1
                    let actual = parsed.expression.singleDescription?.body.coordinateSystem
                    if actual == system {
                        kindAgrees += 1
                    } else {
                        problem =
                            "read as \(actual.map { "\($0)" } ?? "no single description") (\(parsed.expression.hgvs())), category \(query.category)"
                    }
                }
            } catch {
                problem = "not read: \(error.code.rawValue), category \(query.category)"
            }
            if let problem {
                if listed[query.text] != nil { listedCount += 1 } else { unlisted.append("\(query.text)\t\(problem)") }
            } else if listed[query.text] != nil {
                stale.append(query.text)
            }
        }
        print(
            "variation-normalization fixtures: \(queries.count) distinct should-match queries; \(read) read (lenient); kind matches the category for \(kindAgrees) of \(kindChecked); \(listedCount) listed with reasons in variation-normalization-unread.tsv"
        )
        for u in unlisted { print("  unlisted: \(u)") }
        for s in stale { print("  listed but read now (remove from fixture): \(s)") }
        #expect(unlisted.isEmpty)
        #expect(stale.isEmpty)
        #expect(queries.count > 100)
    }
}
