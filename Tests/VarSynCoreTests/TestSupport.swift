import Foundation
import Testing
@testable import VarSynCore

/// Paths to the package and to the shared conformance data beside the checkout.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

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
