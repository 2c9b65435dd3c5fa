import Foundation
import Testing

@testable import VarSynCore

/// The HGVS 21.1 specification's own examples: every valid one accepted in strict mode and printed back to
/// itself; every invalid one rejected, except those listed with a reason in `spec-invalid-exceptions.tsv`.
@Suite struct SpecConformanceTests {
    struct Example {
        var expression: String
        var construct: String
        var valid: Bool
        var note: String
    }

    static func examples() throws -> [Example] {
        try TestPaths.lines(TestPaths.sharedFile("conformance/hgvs-spec/EXAMPLES.tsv")).dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Example(expression: f[0], construct: f[1], valid: f[2] == "yes", note: f.count > 3 ? f[3] : "")
        }
    }

    @Test func everyValidExampleIsAcceptedAndRoundTrips() throws {
        let examples = try Self.examples().filter(\.valid)
        let exceptions = Dictionary(
            try TestPaths.fixtureRows("spec-valid-exceptions.tsv"), uniquingKeysWith: { a, _ in a })
        var listed = 0
        var failures: [String] = []
        var roundTripFailures: [String] = []
        for example in examples {
            do {
                let parsed = try HGVSParser.parse(example.expression, options: .strict)
                let printed = parsed.expression.hgvs()
                let reparsed = try HGVSParser.parse(printed, options: .strict)
                if reparsed.expression != parsed.expression {
                    roundTripFailures.append("\(example.expression) -> \(printed)")
                }
            } catch {
                if exceptions[example.expression] != nil {
                    listed += 1
                    continue
                }
                failures.append(
                    "\(example.expression)\t\(error.code.rawValue)\t\(error.render(input: example.expression).split(separator: "\n").first ?? "")"
                )
            }
        }
        let accepted = examples.count - failures.count - listed
        print(
            "HGVS spec valid examples: \(accepted) of \(examples.count) accepted (strict); \(listed) rejected and listed with reasons in spec-valid-exceptions.tsv; \(roundTripFailures.count) round-trip failures"
        )
        for failure in failures { print("  rejected valid: \(failure)") }
        for failure in roundTripFailures { print("  round trip: \(failure)") }
        #expect(failures.isEmpty)
        #expect(roundTripFailures.isEmpty)
    }

    @Test func everyInvalidExampleIsRejectedOrListed() throws {
        let examples = try Self.examples().filter { !$0.valid }
        let exceptions = Dictionary(
            try TestPaths.fixtureRows("spec-invalid-exceptions.tsv"), uniquingKeysWith: { a, _ in a })
        var accepted: [String] = []
        var listedButRejected: [String] = []
        var rejected = 0
        for example in examples {
            let ok = (try? HGVSParser.parse(example.expression, options: .strict)) != nil
            if ok {
                if exceptions[example.expression] == nil { accepted.append("\(example.expression)\t\(example.note)") }
            } else {
                rejected += 1
                if exceptions[example.expression] != nil { listedButRejected.append(example.expression) }
            }
        }
        print(
            "HGVS spec invalid examples: \(rejected) of \(examples.count) rejected (strict); \(examples.count - rejected) accepted, each listed with its reason in spec-invalid-exceptions.tsv"
        )
        for a in accepted { print("  accepted invalid: \(a)") }
        for l in listedButRejected { print("  listed but now rejected (remove from fixture): \(l)") }
        #expect(accepted.isEmpty)
        #expect(listedButRejected.isEmpty)
    }
}
