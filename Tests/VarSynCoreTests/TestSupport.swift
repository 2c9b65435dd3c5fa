import Foundation
import Testing

@testable import VarSynCore

/// Paths to the package and to the shared conformance data beside the checkout.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func sharedFile(_ relative: String) -> URL { shared.appendingPathComponent(relative) }

    static func lines(_ url: URL) throws -> [Substring] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    }

    /// Fixture rows `text<TAB>reason`, skipping `#` comments.
    static func fixtureRows(_ name: String) throws -> [(String, String)] {
        try lines(fixtures.appendingPathComponent(name)).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

/// Parse and return the canonical text, or the error code.
func canonical(_ text: String, _ options: ParserOptions = .lenient) -> String {
    do {
        return try HGVSParser.parse(text, options: options).expression.hgvs()
    } catch {
        return "error: \(error.code.rawValue)"
    }
}

extension TestPaths {
    /// Tab-separated rows of a file, skipping `#` comments; fields keep empty columns.
    static func tsvRows(_ url: URL) throws -> [[String]] {
        try lines(url).compactMap { line in
            if line.hasPrefix("#") { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// Fixture rows of any width (`a<TAB>b<TAB>reason`), skipping `#` comments.
    static func fixtureColumns(_ name: String) throws -> [[String]] {
        try tsvRows(fixtures.appendingPathComponent(name))
    }
}

/// Run one internal grammar entry point over `text` (system set first) and require it to consume everything.
/// Returns nil when accepted, else the error.
func runEntryPoint(
    _ text: String, system: CoordinateSystem, options: ParserOptions,
    _ body: (inout Parser) throws(ParseError) -> Void
) -> ParseError? {
    var text = text
    return text.withUTF8 { buffer -> ParseError? in
        var parser = Parser(buffer, options: options)
        parser.system = system
        do throws(ParseError) {
            try body(&parser)
            if !parser.atEnd {
                return ParseError(.trailingInput, start: parser.index, end: parser.limit, expected: .endOfInput)
            }
            return nil
        } catch {
            return error
        }
    }
}

/// What VarSyn does with a string: accepts it as standard HGVS, reads it only in lenient mode, or rejects it.
enum Outcome: String, CaseIterable {
    case accepts = "accepts"
    case lenientOnly = "lenient-only"
    case rejects = "rejects"

    init(of text: String) {
        if (try? HGVSParser.parse(text, options: .strict)) != nil {
            self = .accepts
        } else if (try? HGVSParser.parse(text, options: .lenient)) != nil {
            self = .lenientOnly
        } else {
            self = .rejects
        }
    }
}

/// Compares each case's outcome with the outcome another project expects. A disagreement must be listed in
/// `fixture` (`input<TAB>actual outcome<TAB>reason`); a listed case that now agrees is stale.
struct OutcomeComparison {
    var counts: [Outcome: Int] = [:]
    /// Per expected outcome: how many cases, how many agree.
    var expectedCounts: [Outcome: (total: Int, agree: Int)] = [:]
    var listed = 0
    var unlisted: [String] = []
    var stale: [String] = []
    var wrongListing: [String] = []

    init(
        _ cases: [(input: String, expected: Outcome)], fixture: String,
        agrees: (Outcome, Outcome) -> Bool = { $0 == $1 }
    ) throws {
        var exceptions: [String: (outcome: String, reason: String)] = [:]
        for f in try TestPaths.fixtureColumns(fixture) where f.count >= 3 { exceptions[f[0]] = (f[1], f[2]) }
        for (input, expected) in cases {
            let actual = Outcome(of: input)
            counts[actual, default: 0] += 1
            expectedCounts[expected, default: (0, 0)].total += 1
            if agrees(actual, expected) {
                expectedCounts[expected]!.agree += 1
                if exceptions[input] != nil { stale.append(input) }
                continue
            }
            guard let listing = exceptions[input] else {
                unlisted.append("\(input)\texpected \(expected.rawValue), is \(actual.rawValue)")
                continue
            }
            listed += 1
            if listing.outcome != actual.rawValue {
                wrongListing.append("\(input)\tlisted \(listing.outcome), is \(actual.rawValue)")
            }
        }
    }

    func printDetails() {
        for u in unlisted { print("  unlisted disagreement: \(u)") }
        for s in stale { print("  listed but agrees now (remove from fixture): \(s)") }
        for w in wrongListing { print("  listed outcome changed: \(w)") }
    }

    var isClean: Bool { unlisted.isEmpty && stale.isEmpty && wrongListing.isEmpty }
}
