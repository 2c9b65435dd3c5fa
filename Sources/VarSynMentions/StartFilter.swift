/// The scanner's start filter: a cheap byte-level test, run in Swift, that lets PCRE2 (compiled anchored) run only
/// where a candidate may start. It accepts a superset of what `SCAN_PREFIX` in `Grammars/mentions.pcre2` and the
/// patterns' first words accept, so it never changes the result, only the speed; tests compare it with an
/// unanchored PCRE2 search on tmVar1 and on every example in the pattern file. If you loosen `SCAN_PREFIX` or add
/// a pattern starting with a new word, loosen this too (`mayStartPattern`).
///
/// A start is accepted when it is
/// - a sign or dash before a digit, or a delta (`-`, `+`, en dash, minus; `Δ`, `∆`), which may follow a gene name
///   (`FOXP3-924A/G`, `CCR5Δ32`), or `Delta` after a digit (`CCR5Delta32`); or
/// - a byte some pattern may start with, not after an ASCII letter or digit, whose word may start a pattern
///   (`mayStartPattern`: a letter run of at most three letters, only bases, or a keyword such as `del`, `intron`,
///   `codon`, `leucine`), and either a trigger (a digit, `>`, `/`, or the lead byte of `®`, `›`, `＞`, an arrow)
///   lies within 16 characters, or the word is followed by ` to `, or the word begins `substitution`,
///   `replacement`, `del`, `dup` or `ins`.
struct StartFilter {
    /// Byte offset of the next trigger byte at or after the last offset looked at (`Int.max` if none is left).
    private var nextTrigger = -1
    /// Byte offset of the next non-ASCII byte at or after the last offset looked at (`Int.max` if none is left).
    private var nextNonASCII = -1

    /// Byte classes for the main loop (`classes[byte]`).
    static let alphanumericClass: UInt8 = 1
    /// Some pattern may start with this byte (from PCRE2's study of the patterns).
    static let startClass: UInt8 = 2
    /// May start a candidate right after a letter or digit: `-`, `+`, a dash or delta lead byte, `D`/`d` (Delta).
    static let gluedStartClass: UInt8 = 4

    /// The class table for a scanner whose patterns may start with the bytes in `startBytes`.
    static func classes(startBytes: [Bool]) -> [UInt8] {
        (0..<256).map { value in
            let byte = UInt8(value)
            var c: UInt8 = 0
            if isASCIIAlphanumeric(byte) { c |= alphanumericClass }
            if startBytes[value] { c |= startClass }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == 0xCE || byte == 0xE2
                || byte == UInt8(ascii: "D") || byte == UInt8(ascii: "d")
            {
                c |= gluedStartClass
            }
            return c
        }
    }

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0xC2
            || byte == 0xE2 || byte == 0xEF
    }

    /// The first offset at or after `offset` where a candidate may start, or `text.count`.
    @inline(__always)
    mutating func nextStart(from offset: Int, in text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>)
        -> Int
    {
        guard let base = text.baseAddress else { return text.count }
        let count = text.count
        var index = offset
        var afterAlphanumeric = index > 0 && classes[Int(base[index - 1])] & StartFilter.alphanumericClass != 0
        while index < count {
            let c = classes[Int(base[index])]
            if c & StartFilter.startClass != 0, !afterAlphanumeric || c & StartFilter.gluedStartClass != 0,
                accepts(index, afterAlphanumeric: afterAlphanumeric, in: text)
            {
                return index
            }
            afterAlphanumeric = c & StartFilter.alphanumericClass != 0
            index += 1
        }
        return count
    }

    private mutating func accepts(_ offset: Int, afterAlphanumeric: Bool, in text: UnsafeBufferPointer<UInt8>) -> Bool
    {
        if gluedStart(at: offset, in: text) { return true }
        if afterAlphanumeric { return false }
        if StartFilter.isASCIILetter(text[offset]), !StartFilter.mayStartPattern(at: offset, in: text) { return false }
        return triggerWithin16Characters(of: offset, in: text) || hasKeyword(at: offset, in: text)
    }

    /// `SCAN_PREFIX`'s second branch: a sign or dash before a digit, a delta, `Delta` after a digit.
    @inline(__always)
    private func gluedStart(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[offset]
        let count = text.count
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            return offset + 1 < count && StartFilter.isDigit(text[offset + 1])
        case 0xCE:
            return offset + 1 < count && text[offset + 1] == 0x94  // Δ
        case 0xE2:
            guard offset + 2 < count else { return false }
            let b1 = text[offset + 1]
            let b2 = text[offset + 2]
            if b1 == 0x88 && b2 == 0x86 { return true }  // ∆
            let dash = (b1 == 0x80 && b2 == 0x93) || (b1 == 0x88 && b2 == 0x92)  // en dash, minus
            return dash && offset + 3 < count && StartFilter.isDigit(text[offset + 3])
        case UInt8(ascii: "D"), UInt8(ascii: "d"):
            return offset > 0 && StartFilter.isDigit(text[offset - 1])
                && StartFilter.startsWith("elta", at: offset + 1, in: text)
        default:
            return false
        }
    }

    /// Whether a pattern may start with the word at `offset` (a letter), beyond what `SCAN_PREFIX` checks. Every
    /// pattern in `mentions.pcre2` that starts with a letter starts with one of these (case is folded, a superset):
    /// - one letter (a base or residue, `c.`, `p.`, `g.`, `c2403T`, chromosome `X`);
    /// - two or three letters that are all bases in either case (`GTT-->GCT`, `a to g`), or are followed by a
    ///   digit or `_` (`AFF344`, `NM_`, `LRG_`, `rs1801133`), or a three-letter residue (`Thr154`) or `IVS`;
    /// - four or more upper-case bases (`AGCTCCTCC/-`);
    /// - a keyword: `rs`, `del`, `dup`, `ins`, `indel`, `delta`, `chr`, `ENS`, `IVS` (`IVSII-1`), `intron`,
    ///   `codon`, `reference`, `substitution`, `replacement`, or an amino-acid name.
    static func mayStartPattern(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var end = offset
        var allBases = true  // either case
        var allUpperBases = true
        while end < count {
            let b = text[end]
            let folded = b | 0x20
            guard folded &- UInt8(ascii: "a") < 26 else { break }
            if !(folded == UInt8(ascii: "a") || folded == UInt8(ascii: "c") || folded == UInt8(ascii: "g")
                || folded == UInt8(ascii: "t") || folded == UInt8(ascii: "u"))
            {
                allBases = false
                allUpperBases = false
            } else if b == folded {
                allUpperBases = false
            }
            end += 1
        }
        let length = end - offset
        if length == 1 { return true }
        if length <= 3 {
            if allBases { return true }
            if end < count, isDigit(text[end]) || text[end] == UInt8(ascii: "_") { return true }
            if length == 3, isResidueOrIVS(text[offset], text[offset + 1], text[offset + 2]) { return true }
        } else if allUpperBases {
            return true
        }
        return isKeyword(at: offset, in: text)
    }

    /// A three-letter amino-acid code (`Ala` … `Val`, `Asx`, `Glx`, `Sec`, `Pyl`, `Xaa`, any case) or `IVS`.
    @inline(__always)
    static func isResidueOrIVS(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
        switch key {
        case 0x61_6C_61, 0x61_72_67, 0x61_73_6E, 0x61_73_70, 0x61_73_78, 0x63_79_73, 0x67_6C_6E, 0x67_6C_75,
            0x67_6C_79, 0x67_6C_78, 0x68_69_73, 0x69_6C_65, 0x6C_65_75, 0x6C_79_73, 0x6D_65_74, 0x70_68_65,
            0x70_72_6F, 0x70_79_6C, 0x73_65_72, 0x73_65_63, 0x74_68_72, 0x74_72_70, 0x74_79_72, 0x76_61_6C,
            0x78_61_61, 0x69_76_73:
            return true
        default:
            return false
        }
    }

    /// The keywords of `mayStartPattern`, first letter in either case, the rest as written.
    static func isKeyword(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let next = offset + 1
        func rest(_ word: StaticString) -> Bool { startsWith(word, at: next, in: text) }
        switch text[offset] | 0x20 {
        case UInt8(ascii: "a"):
            return rest("lanine") || rest("rginine") || rest("sparagine") || rest("spartic") || rest("spartate")
        case UInt8(ascii: "c"): return rest("hr") || rest("odon") || rest("ysteine")
        case UInt8(ascii: "d"): return rest("el") || rest("up") || rest("ELTA")
        case UInt8(ascii: "e"): return rest("NS")
        case UInt8(ascii: "g"): return rest("lutamine") || rest("lutamic") || rest("lutamate") || rest("lycine")
        case UInt8(ascii: "h"): return rest("istidine")
        case UInt8(ascii: "i"): return rest("ns") || rest("ndel") || rest("ntron") || rest("soleucine") || rest("VS")
        case UInt8(ascii: "l"): return rest("eucine") || rest("ysine")
        case UInt8(ascii: "m"): return rest("ethionine")
        case UInt8(ascii: "p"): return rest("henylalanine") || rest("roline")
        case UInt8(ascii: "r"): return rest("s") || rest("eference") || rest("eplacement")
        case UInt8(ascii: "s"): return rest("ubstitution") || rest("erine")
        case UInt8(ascii: "t"): return rest("hreonine") || rest("ryptophan") || rest("yrosine")
        case UInt8(ascii: "v"): return rest("aline")
        default: return false
        }
    }

    private mutating func triggerWithin16Characters(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if nextTrigger < offset {
            var index = offset
            while index < text.count, !StartFilter.isTrigger(text[index]) { index += 1 }
            nextTrigger = index < text.count ? index : Int.max
        }
        let distance = nextTrigger &- offset
        if distance <= 16 { return true }
        if distance > 64 { return false }
        // Between 17 and 64 bytes: more than 16 characters unless multi-byte characters intervene.
        if nextNonASCII < offset {
            var index = offset
            while index < text.count, text[index] < 0x80 { index += 1 }
            nextNonASCII = index < text.count ? index : Int.max
        }
        if nextNonASCII >= nextTrigger { return false }
        var characters = 0
        for index in offset..<nextTrigger where text[index] & 0xC0 != 0x80 { characters += 1 }
        return characters <= 16
    }

    private func hasKeyword(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = text[offset]
        if first == UInt8(ascii: "d") || first == UInt8(ascii: "i") || first == UInt8(ascii: "s")
            || first == UInt8(ascii: "r"),
            StartFilter.startsWith("del", at: offset, in: text) || StartFilter.startsWith("dup", at: offset, in: text)
                || StartFilter.startsWith("ins", at: offset, in: text)
                || StartFilter.startsWith("substitution", at: offset, in: text)
                || StartFilter.startsWith("replacement", at: offset, in: text)
        {
            return true
        }
        // A word of letters followed by " to " (any non-ASCII space counts, conservatively).
        var end = offset
        while end < text.count, StartFilter.isASCIILetter(text[end]) { end += 1 }
        guard end > offset, end < text.count else { return false }
        if text[end] >= 0x80 { return true }
        guard text[end] == UInt8(ascii: " "), end + 3 < text.count else { return false }
        return text[end + 1] == UInt8(ascii: "t") && text[end + 2] == UInt8(ascii: "o")
            && (text[end + 3] == UInt8(ascii: " ") || text[end + 3] >= 0x80)
    }

    @inline(__always)
    static func startsWith(_ word: StaticString, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset + length <= text.count else { return false }
        let bytes = word.utf8Start
        for index in 0..<length where text[offset + index] != bytes[index] { return false }
        return true
    }
}
