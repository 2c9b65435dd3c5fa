import Foundation
import Testing
import VarSynCore

@testable import VarSynMentions

/// tmVar's normalized form (`seqtype|edit|wt|pos|mut`, or the rsID) reduced to what a reading of the mention text
/// alone can state, so the two can be compared:
/// - the sequence type only as protein (`p`) or nucleotide (`c`, `g`, `m`, `r` or none: which one depends on
///   context the text of the mention often lacks, e.g. `A3243G` is `m` in tmVar);
/// - substitutions: residue or bases (upper case), position, new residue or bases (`X` and `*` are the same stop;
///   a synonymous `p.Ser157=` is `S|157|S`);
/// - deletions, duplications: the first position only (tmVar keeps `1494del6` as position 1494 and length 6, the
///   HGVS reading is `1494_1499del`); insertions: position and inserted sequence; frameshifts: residue, position.
struct TmVarKey: Hashable, CustomStringConvertible {
    let fields: [String]
    var description: String { fields.joined(separator: "|") }

    /// From tmVar's normal form, nil for forms not compared (INDEL, positions with `?`).
    init?(gold: String) {
        if gold.hasPrefix("rs") {
            fields = [gold]
            return
        }
        let parts = gold.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 4, !gold.contains("?") else { return nil }
        let kind = parts[0] == "p" ? "p" : "n"
        func stop(_ s: String) -> String { s == "*" ? "X" : s.uppercased() }
        // `1782-1783` and `1782_1783` are the same range in tmVar's forms.
        // A leading `+` on a plain number (`+1858`, tmVar keeps it as written) is the same position as `1858`.
        var position = parts[2].replacingOccurrences(
            of: #"(?<=[0-9])-(?=[0-9])"#, with: "_", options: .regularExpression)
        if position.first == "+", position.dropFirst().allSatisfy(\.isNumber) { position.removeFirst() }
        switch parts[1] {
        case "SUB" where parts.count >= 5:
            var subPosition = parts[3]
            if subPosition.first == "+", subPosition.dropFirst().allSatisfy(\.isNumber) { subPosition.removeFirst() }
            fields = [kind, "SUB", stop(parts[2]), subPosition, stop(parts[4])]
        case "DEL", "DUP": fields = [kind, parts[1], TmVarKey.first(position)]
        case "INS": fields = [kind, "INS", position, parts[3].uppercased()]
        case "FS": fields = [kind, "FS", parts[2], parts[3]]
        default: return nil
        }
    }

    /// The first position of a range (`1494_1499` -> `1494`).
    static func first(_ position: String) -> String { String(position.prefix { $0 != "_" }) }

    /// From a reading, via its canonical HGVS with one-letter amino acids; nil when the reading has no such form.
    init?(reading expression: VariantExpression) {
        if case .dbSNP(let id) = expression {
            fields = ["rs\(id.number)"]
            return
        }
        var text = expression.hgvs(.oneLetter)
        // Drop the reference: everything up to the ':' before the coordinate system.
        if let range = text.range(of: #":(?=[cgmnrp]\.)"#, options: .regularExpression) {
            text = String(text[range.upperBound...])
        }
        func match(_ pattern: String) -> [String]? {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { return nil }
            return (1..<m.numberOfRanges).map { index in
                Range(m.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
        func stop(_ s: String) -> String { s == "*" ? "X" : s }
        if let g = match(#"^[cgmnr]\.((?:IVS)?[-+*0-9_]+)([ACGTU]+)>([ACGTU]+)$"#) {
            fields = ["n", "SUB", g[1], g[0], g[2]]
        } else if let g = match(#"^p\.\(?([A-Z*])([0-9]+)([A-Z*])\)?$"#) {
            fields = ["p", "SUB", stop(g[0]), g[1], stop(g[2])]
        } else if let g = match(#"^p\.\(?([A-Z])([0-9]+)=\)?$"#) {
            fields = ["p", "SUB", g[0], g[1], g[0]]
        } else if let g = match(#"^[cgmnr]\.((?:IVS)?[-+*0-9_]+)(del|dup)[ACGTU0-9]*$"#) {
            fields = ["n", g[1].uppercased(), TmVarKey.first(g[0])]
        } else if let g = match(#"^[cgmnr]\.((?:IVS)?[-+*0-9_]+)ins([ACGTU]+)$"#) {
            fields = ["n", "INS", g[0], g[1]]
        } else if let g = match(#"^p\.\(?([A-Z])([0-9]+)[A-Z]?fs"#) {
            fields = ["p", "FS", g[0], g[1]]
        } else if let g = match(#"^p\.\(?([A-Z][0-9]+(?:_[A-Z][0-9]+)?)(del|dup)\)?$"#) {
            fields = ["p", g[1].uppercased(), g[0].filter { $0.isNumber || $0 == "_" }]
        } else {
            return nil
        }
    }
}

@Suite("tmVar1 normalization evaluation")
struct TmVar1NormalizationTests {
    /// For every gold mention with a comparable tmVar normal form: does the parser's best reading of the candidate
    /// found at that span (same span, else overlapping) state the same variant? Prints accuracy over the mentions
    /// found and end to end (over all comparable gold mentions), best reading and any reading.
    @Test("normalized forms of tmVar1 mentions agree with the gold normal form")
    func tmVar1Normalization() throws {
        let scanner = try MentionScanner()
        let documents = try TmVar1.load()
        var comparable = 0
        var found = 0
        var best = 0
        var anyReading = 0
        var unread = 0
        var byEdit: [String: (Int, Int)] = [:]
        var dump = ""
        for document in documents {
            var text = document.text
            let candidates = scanner.candidates(in: text)
            for (span, norm) in zip(document.gold, document.norms) {
                guard let gold = TmVarKey(gold: norm) else { continue }
                comparable += 1
                let edit = gold.fields.count > 1 ? gold.fields[1] : "rs"
                byEdit[edit, default: (0, 0)].0 += 1
                guard
                    let candidate = candidates.first(where: { $0.range == span })
                        ?? candidates.first(where: { $0.range.overlaps(span) })
                else { continue }
                found += 1
                let parsed = text.withUTF8 { scanner.confirm(candidate, in: $0) }
                guard let parsed else {
                    unread += 1
                    let written = String(decoding: Array(document.text.utf8)[candidate.range], as: UTF8.self)
                    dump += "\(document.id)\tUNREAD \(candidate.patternName)\t\(written)\t\(gold)\n"
                    continue
                }
                let keys = parsed.readings.map { TmVarKey(reading: $0.expression) }
                if keys.first == gold {
                    best += 1
                    byEdit[edit, default: (0, 0)].1 += 1
                } else {
                    let written = String(decoding: Array(document.text.utf8)[candidate.range], as: UTF8.self)
                    dump += "\(document.id)\t\(written)\t\(gold)\t\(keys.map { $0?.description ?? "-" })\n"
                }
                if keys.contains(gold) { anyReading += 1 }
            }
        }
        func ratio(_ a: Int, _ b: Int) -> String { String(format: "%.3f", Double(a) / Double(max(b, 1))) }
        print(
            "tmVar1 normalization: \(comparable) gold mentions with a comparable normal form, \(found) found,"
                + " \(unread) of those not read by the parser; best reading correct \(best)"
                + " (accuracy \(ratio(best, found - unread)) of those read, \(ratio(best, found)) of found,"
                + " \(ratio(best, comparable)) end to end);"
                + " some reading correct \(anyReading) (\(ratio(anyReading, found)) of found)")
        print(
            "tmVar1 normalization by edit: "
                + byEdit.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.1)/\($0.value.0)" }.joined(
                    separator: ", "))
        if let path = ProcessInfo.processInfo.environment["VARSYN_NORM_DUMP"] {
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(comparable > 1_200)
        #expect(Double(best) / Double(max(found, 1)) >= 0.75)
    }
}
