import Foundation
import VarSynCore
import VarSynNormalize
import VarSynReference

/// Shared data for the protein tests: the embedded default table, STIM1 prepared once, paths to `../shared`.
enum ProteinTestData {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["VARSYN_SHARED"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.appendingPathComponent("../shared").standardizedFileURL
    }()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The embedded default table behind a `TableReferenceProvider`.
    static let provider: TableReferenceProvider = {
        do {
            return TableReferenceProvider(try ReferenceTable.embeddedDefault())
        } catch {
            fatalError("the embedded default table does not open: \(error)")
        }
    }()

    static let mapper = ProteinMapper(provider)

    /// NM_003156.3 (STIM1, NP_003147.2), prepared.
    static let stim1: ProteinTranscript = {
        guard let lookup = provider.transcript(accession: "NM_003156.3"), let t = try? ProteinTranscript(lookup.transcript)
        else { fatalError("NM_003156.3 is not in the default table") }
        return t
    }()

    /// Parses one c. or p. description (lenient); nil when it does not parse to one description.
    static func description(_ text: String) -> VariantDescription? {
        (try? HGVSParser.parse(text))?.expression.singleDescription
    }

    /// Tab-separated rows of a text file, skipping empty lines.
    static func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }
}
