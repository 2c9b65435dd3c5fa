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

/// `varsyn dedupe`: groups input rows that name the same variant (same DNA key, or same protein key), and lists
/// the rows that could not be read, with the reason.
///
/// ```
/// $ varsyn dedupe --input variants.tsv --column hgvs
/// NC_000011.10:4055633:C:A  3 rows
///   row 1  NM_003156.3:c.494C>A
///   row 4  chr11:4055634 C>A
///   row 9  11-4076864-C-A   (with --assembly GRCh37 this row would differ; the assembly applies to all rows)
/// unreadable: 1 row
///   row 7  NM_003156.3:c.494G>A  reference-mismatch: NM_003156.3:c.494: the input states G but the reference is C
/// ```
struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Group rows naming the same variant (by DNA or protein key); list unreadable rows with reasons.",
        discussion: """
            Rows are numbered from 1 (data rows, after the header of a TSV/CSV). Clusters print in order of their \
            first row; --json prints one JSON object per cluster ({"key", "rows", "inputs"}) and one per \
            unreadable row ({"row", "input", "reason"}). Exit status 0 (unreadable rows are results, not failures).
            """
    )

    @Argument(help: "Variant descriptions (instead of --input).")
    var expressions: [String] = []

    @OptionGroup var options: NormalizeInputOptions

    @Option(
        help:
            "Key to group by: dna (SPDI on GRCh38; an allele's components' SPDIs with the phase, [k1;k2]) or protein (NP_…:p.…; needs the protein module)."
    )
    var level: String = "dna"

    @Flag(help: "JSON lines instead of text.")
    var json = false

    func run() throws {
        guard level == "dna" || level == "protein" else { throw ValidationError("--level is dna or protein") }
        let lines = try options.lines(arguments: expressions)
        var configured = try options.normalizer()
        let protein = level == "protein"
        // DNA keys need no other form (the key is the same with every form computed); this also lets the
        // normalizer's key-only fast path answer.
        if !protein { configured.options.forms = .key }
        let normalizer = configured
        // Per row: the key, or the reason there is none. Only these strings are kept, never the full results.
        var keys: [(key: String?, reason: String)] = []
        keys.reserveCapacity(lines.lines.count)
        processInOrder(
            lines,
            transform: { (bytes) -> (String?, String) in
                let text = String(decoding: bytes, as: UTF8.self)
                switch Result(catching: { () throws(NormalizeError) in try normalizer.normalize(text) }) {
                case .success(let v):
                    let key = protein ? v.proteinKey : v.key
                    let reason =
                        protein
                        ? "no protein key (the protein module is not wired in, or the variant is not coding)"
                        : "no key: \(v.keyUnavailableReason ?? "unknown")"
                    return (key, key == nil ? reason : "")
                case .failure(let error):
                    return (nil, "\(error.code.rawValue): \(error.message)")
                }
            },
            emit: { results in
                keys.append(contentsOf: results.map { (key: $0.0, reason: $0.1) })
            })
        var order: [String] = []
        var rows: [String: [Int]] = [:]
        var unreadable: [Int] = []
        for (i, entry) in keys.enumerated() {
            if let key = entry.key {
                if rows[key] == nil { order.append(key) }
                rows[key, default: []].append(i)
            } else {
                unreadable.append(i)
            }
        }
        let input = { (i: Int) in String(decoding: lines.buffer[lines.lines[i]], as: UTF8.self) }
        var out = OutputBuffer()
        for key in order {
            let members = rows[key] ?? []
            if json {
                var line = JSONLine()
                line.field("key", key)
                line.field("rows", raw: Array("[\(members.map { String($0 + 1) }.joined(separator: ","))]".utf8))
                line.field("inputs", strings: members.map(input))
                out.line(line.finish())
            } else {
                out.line("\(key)  \(members.count) row\(members.count == 1 ? "" : "s")")
                for i in members { out.line("  row \(i + 1)  \(input(i))") }
            }
        }
        if !json && !unreadable.isEmpty {
            out.line("unreadable: \(unreadable.count) row\(unreadable.count == 1 ? "" : "s")")
        }
        for i in unreadable {
            if json {
                var line = JSONLine()
                line.field("row", i + 1)
                line.field("input", input(i))
                line.field("reason", keys[i].reason)
                out.line(line.finish())
            } else {
                out.line("  row \(i + 1)  \(input(i))  \(keys[i].reason)")
            }
        }
        if !json {
            out.line("\(keys.count) rows, \(order.count) distinct variants, \(unreadable.count) without a key")
        }
        out.flush()
    }
}
