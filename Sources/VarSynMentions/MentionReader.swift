import VarSynCore

/// A candidate read: the parser's readings, and the standard descriptions the prose reader built when the parser
/// could not read the text as written.
///
/// Example: `C-->T transition at nucleotide 677` -> `rewritten: ["c.677C>T"]`, `parsed` = the parser's reading of
/// `c.677C>T`; `c.1517A>G` -> `rewritten: []` (the parser read the text itself).
public struct MentionReading: Sendable {
    /// The parser's readings (best first).
    public let parsed: ParsedExpression
    /// The standard descriptions the parser read instead of the text (empty when it read the text as written).
    /// Two when the English is ambiguous (`substitution of valine for glutamate`: `p.Val?Glu`, then `p.Glu?Val`).
    public let rewritten: [String]
}

/// Reads the forms the core parser does not read as written (prose, slash alleles, promoter positions): the named
/// groups of the pattern that found the candidate (`ref`, `alt`, `pos`, `aref`, `aalt`, … — see
/// `Grammars/README-mentions.md`) give the parts, from which a standard description is rebuilt and handed to the
/// parser, which confirms it.
///
///     `substitution of serine by proline at codon 1235` -> "p.Ser1235Pro"
///     `-1082 A/G` -> "c.-1082A>G"; `G>A substitution at nucleotide +1 of intron 2` -> "IVS2+1G>A"
///     `GTT-->GCT transition at codon 23` -> "c.68T>C" (codon 23 is c.67_69)
struct ProseReader {
    /// Per pattern (index into the scanner's patterns): its regex alone (anchored, duplicate names allowed) and its
    /// named groups; nil for patterns without named groups.
    private let readers: [(matcher: PCRE2Matcher, groups: [String: [Int]])?]

    init(patterns: [MentionPattern]) {
        readers = patterns.map { pattern in
            guard pattern.source.contains("(?<"),
                let regex = try? PCRE2Regex(pattern.source, options: [.extended, .anchored, .duplicateNames]),
                case let groups = regex.namedGroups, !groups.isEmpty,
                let matcher = try? PCRE2Matcher(regex, jitStackBytes: 64 * 1024)
            else { return nil }
            return (matcher, groups)
        }
    }

    /// The standard descriptions for the candidate `start..<end` found by pattern `patternIndex` (empty when the
    /// pattern has no parts to read or the parts do not make a variant, e.g. a change with no position).
    func descriptions(patternIndex: Int, start: Int, end: Int, in text: UnsafeBufferPointer<UInt8>) -> [String] {
        guard patternIndex >= 0, patternIndex < readers.count, let reader = readers[patternIndex],
            (try? reader.matcher.search(text, from: start)) == true,
            reader.matcher.range(ofGroup: 0) == start..<end
        else { return [] }
        func part(_ name: String) -> String? {
            for number in reader.groups[name] ?? [] {
                if let range = reader.matcher.range(ofGroup: number) {
                    return String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self)
                }
            }
            return nil
        }
        let position = part("pos").map { ProseReader.position($0) }
        // A protein range written with a hyphen (`Val624-Val625del` -> `p.Val624_Val625del`).
        if let first = part("pfirst"), let last = part("plast"), let edit = part("pedit") {
            return ["p.\(first)_\(last)\(edit)"]
        }
        // Deleted bases in parentheses after a position (`-611 (-T)` -> `c.-611delT`), not across c.-1/c.1.
        if let deleted = part("deleted"), let position, let start = Int(position) {
            let end = start + deleted.count - 1
            guard start < 0 ? end < 0 : start > 0 else { return [] }
            let range = deleted.count == 1 ? "\(start)" : "\(start)_\(end)"
            return ["c.\(range)del\(ProseReader.bases(deleted))"]
        }
        // A legacy range with a hyphen before an edit (`118-119insA`, `g.99367-102002del`): the parser reads
        // `N-M` as an intronic offset, which an insertion cannot have; a second number above the first is a range.
        if let edit = part("edit").map({ ProseReader.position($0) }), let position {
            let ends = position.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let first = Int(ends[0]), let last = Int(ends[1]), first > 0, last > first,
                ProseReader.isEdit(edit)
            else { return [] }
            let coordinate = part("coord").map { $0.lowercased() } ?? "c"
            return ["\(coordinate).\(first)_\(last)\(edit)"]
        }
        // Residues: "X by/with/to Y", "X to Y at codon N"; "substitution of X for Y" both ways.
        if let first = part("aref"), let second = part("aalt") {
            guard let position, let ref = ProseReader.residue(first), let alt = ProseReader.residue(second),
                ProseReader.isNumber(position)
            else { return [] }
            let forward = "p.\(ref)\(position)\(alt)"
            if part("for") != nil, ref != alt { return [forward, "p.\(alt)\(position)\(ref)"] }
            return [forward]
        }
        // Bases.
        guard let refText = part("ref"), let altText = part("alt"), part("exon") == nil else { return [] }
        let ref = ProseReader.bases(refText)
        let alt = ProseReader.bases(altText)
        guard !ref.isEmpty, !alt.isEmpty, ref != alt else { return [] }
        if let intron = part("intron") {
            // `c.IVS2+1G>A` (the parser reads legacy intron numbering).
            // The offset keeps its sign (`+1 of intron 2`): `position` would drop a leading `+`.
            let signed = part("offset") ?? part("pos")
            guard let offset = signed.map({ ProseReader.position($0, keepsPlus: true) }), ref.count == 1,
                alt.count == 1,
                offset.first == "+" || offset.first == "-"
            else { return [] }
            let written = intron.filter { $0 != "-" && !$0.isWhitespace && $0 != "\u{2013}" && $0 != "\u{2212}" }
            guard let number = Int(written) ?? ProseReader.roman(written) else { return [] }
            return ["c.IVS\(number)\(offset)\(ref)>\(alt)"]
        }
        guard let position else { return [] }
        let coordinate = part("coord").map { $0.lowercased() } ?? "c"
        var prefix = "\(coordinate)."
        if let refseq = part("refseq") {
            prefix = refseq.filter { $0 != ":" && !$0.isWhitespace } + ":" + prefix
        }
        if part("codon") != nil {
            // A codon change at codon N (c.3N-2 to c.3N): the bases that differ.
            guard ref.count == 3, alt.count == 3, let codon = Int(position), codon > 0 else { return [] }
            let refBases = Array(ref)
            let altBases = Array(alt)
            let differ = (0..<3).filter { refBases[$0] != altBases[$0] }
            guard let low = differ.first, let high = differ.last else { return [] }
            let first = 3 * codon - 2
            if low == high { return ["\(prefix)\(first + low)\(refBases[low])>\(altBases[low])"] }
            return ["\(prefix)\(first + low)_\(first + high)delins\(String(altBases[low...high]))"]
        }
        guard !position.contains("/"), !position.contains("_") else { return [] }
        if ref.count == 1, alt.count == 1 { return ["\(prefix)\(position)\(ref)>\(alt)"] }
        guard ref.count == alt.count, let start = Int(position), start > 0 else { return [] }
        return ["\(prefix)\(start)_\(start + ref.count - 1)delins\(alt)"]
    }

    /// A written position in HGVS spelling: spaces and commas dropped, dashes and minus signs as `-`, a leading
    /// `+` on a plain number dropped (`+1858` is position 1858; `33 + 2` stays the intronic `33+2`).
    static func position(_ written: String, keepsPlus: Bool = false) -> String {
        var result = ""
        for scalar in written.unicodeScalars {
            switch scalar.value {
            case 0x20, 0xA0, 0x2009, 0x202F, 0x2C: continue
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212: result += "-"
            default: result.unicodeScalars.append(scalar)
            }
        }
        if !keepsPlus, result.first == "+", result.dropFirst().allSatisfy(\.isNumber) { result.removeFirst() }
        return result
    }

    static func isNumber(_ text: String) -> Bool { !text.isEmpty && text.allSatisfy(\.isNumber) }

    /// `del`, `dup`, `inv`, `ins`, `delins` with bases or none (`delAG`, `insA`, `del`); not lengths (`del8bp`).
    static func isEdit(_ text: String) -> Bool {
        for word in ["delins", "del", "dup", "inv", "ins"] where text.hasPrefix(word) {
            let rest = text.dropFirst(word.count)
            return rest.allSatisfy { "ACGT".contains($0) } && (word != "ins" && word != "delins" || !rest.isEmpty)
        }
        return false
    }

    /// A Roman intron number (`I` … `XX`, as in `IVSII-1`), nil for anything else.
    static func roman(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        var previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 && total <= 40 ? total : nil
    }

    /// Bases in upper case, `U` as `T`; empty when something else is there.
    static func bases(_ written: String) -> String {
        let upper = written.uppercased().replacingOccurrences("U", with: "T")
        return upper.allSatisfy { "ACGT".contains($0) } ? upper : ""
    }

    /// The three-letter code of a residue written as a name (`glutamic acid`), a code in any case (`GLN`) or a stop
    /// word (`stop codon`, `termination`, `X`, `*`): `Glu`, `Gln`, `Ter`.
    static func residue(_ written: String) -> String? {
        let key = written.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "\u{A0}" }).joined(
            separator: " ")
        if let code = names[key] { return code }
        if key.count == 3, let code = codes.first(where: { $0.lowercased() == key }) { return code }
        return nil
    }

    private static let codes = [
        "Ala", "Arg", "Asn", "Asp", "Asx", "Cys", "Gln", "Glu", "Glx", "Gly", "His", "Ile", "Leu", "Lys", "Met",
        "Phe", "Pro", "Pyl", "Sec", "Ser", "Thr", "Trp", "Tyr", "Val", "Xaa", "Ter",
    ]

    private static let names: [String: String] = [
        "alanine": "Ala", "arginine": "Arg", "asparagine": "Asn", "aspartic acid": "Asp", "aspartate": "Asp",
        "cysteine": "Cys", "glutamine": "Gln", "glutamic acid": "Glu", "glutamate": "Glu", "glycine": "Gly",
        "histidine": "His", "isoleucine": "Ile", "leucine": "Leu", "lysine": "Lys", "methionine": "Met",
        "phenylalanine": "Phe", "proline": "Pro", "serine": "Ser", "threonine": "Thr", "tryptophan": "Trp",
        "tyrosine": "Tyr", "valine": "Val", "stop": "Ter", "stop codon": "Ter", "termination": "Ter",
        "termination codon": "Ter", "x": "Ter", "*": "Ter",
    ]
}

extension String {
    /// Every `target` replaced by `replacement` (no Foundation in this module).
    fileprivate func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
