import Foundation
import Testing

@testable import VarSynCore

/// biocommons/hgvs gauntlet, extra and reject files: valid lines accepted; `#-` negatives rejected; the
/// `#!unsupported:` spec forms biocommons cannot read accepted by VarSyn. Disagreements are listed with their
/// outcome and reason in `gauntlet-exceptions.tsv`.
@Suite struct GauntletTests {
    struct Case {
        var input: String
        var expected: Outcome
        var source: String
    }

    static func cases() throws -> [Case] {
        var cases: [Case] = []
        var seen = Set<String>()
        func add(_ input: String, _ expected: Outcome, _ source: String) {
            let text = input.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, seen.insert(text).inserted else { return }
            cases.append(Case(input: text, expected: expected, source: source))
        }
        for line in try TestPaths.lines(TestPaths.sharedFile("conformance/biocommons/gauntlet")) {
            if line.hasPrefix("#- ") {
                add(String(line.dropFirst(3)), .rejects, "gauntlet #-")
            } else if line.hasPrefix("#!unsupported:") {
                add(String(line.dropFirst("#!unsupported:".count)), .accepts, "gauntlet #!unsupported")
            } else if !line.hasPrefix("#") {
                add(String(line), .accepts, "gauntlet")
            }
        }
        for line in try TestPaths.lines(TestPaths.sharedFile("conformance/biocommons/extra")) where !line.hasPrefix("#")
        {
            add(String(line), .accepts, "extra")
        }
        for line in try TestPaths.lines(TestPaths.sharedFile("conformance/biocommons/reject")) {
            let text = line.drop { $0 == "#" }.split(separator: "\t", maxSplits: 1).first.map(String.init) ?? ""
            add(text, .rejects, "reject")
        }
        return cases
    }

    @Test func gauntletExtraAndRejectAgreeOrAreListed() throws {
        let cases = try Self.cases()
        let comparison = try OutcomeComparison(
            cases.map { ($0.input, $0.expected) }, fixture: "gauntlet-exceptions.tsv")
        for source in ["gauntlet", "gauntlet #!unsupported", "extra", "gauntlet #-", "reject"] {
            let group = cases.filter { $0.source == source }
            let outcomes = group.map { Outcome(of: $0.input) }
            let strict = outcomes.filter { $0 == .accepts }.count
            let lenient = outcomes.filter { $0 == .lenientOnly }.count
            print(
                "biocommons \(source): \(group.count) strings expected \(group.first?.expected.rawValue ?? "-"); \(strict) accepted strict, \(lenient) lenient only, \(group.count - strict - lenient) rejected"
            )
        }
        print(
            "biocommons gauntlet/extra/reject: \(cases.count) strings, \(cases.count - comparison.listed - comparison.unlisted.count) agree, \(comparison.listed) disagreements listed with reasons in gauntlet-exceptions.tsv"
        )
        comparison.printDetails()
        #expect(comparison.isClean)
        // The listed reason "AC_ is a genomic contig accession" holds only if the body is standard: with a
        // transcript or protein accession of the right type, strict mode accepts it.
        var checkedReason = 0
        var reasonWrong: [String] = []
        for f in try TestPaths.fixtureColumns("gauntlet-exceptions.tsv")
        where f.count >= 3 && f[2].hasPrefix("AC_ is a genomic") {
            let accession = f[0].contains(":p.") ? "NP_01234.5" : f[0].contains(":n.") ? "NR_01234.5" : "NM_01234.5"
            let text = f[0].replacingOccurrences(of: "AC_01234.5", with: accession)
            checkedReason += 1
            if Outcome(of: text) != .accepts { reasonWrong.append(text) }
        }
        print(
            "biocommons gauntlet: \(checkedReason - reasonWrong.count) of \(checkedReason) listed as 'AC_ is genomic' accepted strict with a transcript/protein accession"
        )
        for r in reasonWrong { print("  not accepted with a transcript accession: \(r)") }
        #expect(reasonWrong.isEmpty)
        #expect(cases.count > 60)
    }
}
