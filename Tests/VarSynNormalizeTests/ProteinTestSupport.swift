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
        guard let lookup = provider.transcript(accession: "NM_003156.3"),
            let t = try? ProteinTranscript(lookup.transcript)
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

    /// Back-translates every residue (Met1 and the stop excepted) of `transcript` to every amino acid and predicts
    /// each candidate back; returns the candidates whose prediction is not that protein change, and how many ran.
    static func backTranslationRoundTrip(_ transcript: ProteinTranscript) throws -> (failures: [String], checked: Int) {
        var failures: [String] = []
        var checked = 0
        for residue in 2..<transcript.codonCount {
            let reference = transcript.protein[residue - 1]
            for alternative in AminoAcid.allCases
            where !ProteinCodonTable.codonsByResidue[Int(alternative.rawValue)].isEmpty {
                let b = try transcript.backTranslate(residue: residue, from: reference, to: alternative)
                let edit: ProteinEdit = alternative == reference ? .identity : .substitution(alternative)
                let expected = ProteinVariant(
                    location: Location(ProteinPosition(residue: reference, number: residue)), edit: edit,
                    predicted: true)
                for candidate in b.candidates {
                    let p = try transcript.consequence(of: candidate.description)
                    if p.variant != expected { failures.append("\(candidate.hgvs()) -> \(p.hgvs())") }
                    checked += 1
                }
            }
        }
        return (failures, checked)
    }
}
