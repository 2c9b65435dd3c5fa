import ArgumentParser
import Dispatch
import VarSynNormalize
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `varsyn synonyms`: every name of a variant (g. GRCh38/GRCh37, c./n. on each transcript, LRG, r., legacy,
/// rsIDs, SPDI, VCF).
///
/// ```
/// $ varsyn synonyms NM_003156.3:c.494C>A
/// NM_003156.3:c.494C>A
///   g. GRCh38   NC_000011.10:g.4055634C>A
///   c.          NM_003156.3:c.494C>A  (LRG_164t1)
///   …
/// ```
struct SynonymsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synonyms",
        abstract:
            "List every name of a variant: g. on GRCh38 and GRCh37, c./n. on each transcript, r., legacy, rsIDs, SPDI, VCF.",
        discussion:
            "Human-readable by default; --json prints one JSON object per input. Exit status 1 when some input failed."
    )

    @Argument(help: "Variant descriptions (HGVS or shorthand).")
    var expressions: [String] = []

    @OptionGroup var options: NormalizeInputOptions

    @Flag(
        help: "One JSON object per input: {\"input\", \"ok\", \"key\", \"synonyms\": [{\"kind\", \"text\", \"note\"}]}."
    )
    var json = false

    func run() throws {
        let lines = try options.lines(arguments: expressions)
        let normalizer = try options.normalizer()
        let json = self.json
        try printInOrder(lines) { text in
            let result = Result { () throws(NormalizeError) in try normalizer.synonyms(text) }
            switch result {
            case .success(let s):
                return (true, json ? jsonLine(text, s) : Array(human(text, s).utf8))
            case .failure(let error):
                if json {
                    var line = JSONLine()
                    line.field("input", text)
                    line.field("ok", false)
                    line.field("error", raw: NormalizeReport.errorObject(error, input: text))
                    return (false, line.finish())
                }
                return (false, Array("\(text)\n  error: \(error.message)".utf8))
            }
        }
    }
}

private func human(_ input: String, _ s: VariantSynonyms) -> String {
    var text = input
    let width = Synonym.Kind.allCases.map(\.rawValue.count).max() ?? 10
    for synonym in s.synonyms {
        let pad = String(repeating: " ", count: max(0, width - synonym.kind.rawValue.count))
        text +=
            "\n  \(synonym.kind.rawValue)\(pad)  \(synonym.text)" + (synonym.note.isEmpty ? "" : "  (\(synonym.note))")
    }
    if s.normalized.key == nil, let why = s.normalized.keyUnavailableReason { text += "\n  no key: \(why)" }
    for warning in s.normalized.warnings { text += "\n  warning: \(warning)" }
    return text
}

private func jsonLine(_ input: String, _ s: VariantSynonyms) -> [UInt8] {
    var line = JSONLine()
    line.field("input", input)
    line.field("ok", true)
    if let key = s.normalized.key { line.field("key", key) } else { line.field("key", raw: Array("null".utf8)) }
    line.field(
        "synonyms",
        objects: s.synonyms.map { synonym in
            var object = JSONLine()
            object.field("kind", synonym.kind.rawValue)
            object.field("text", synonym.text)
            if !synonym.note.isEmpty { object.field("note", synonym.note) }
            return object.finish()
        })
    line.field("warnings", strings: s.normalized.warnings)
    return line.finish()
}
