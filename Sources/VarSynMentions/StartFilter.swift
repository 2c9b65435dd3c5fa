/// The scanner's start filter: a cheap byte-level test, run in Swift at every byte, that lets PCRE2 (compiled
/// anchored) run only where a candidate may start. It accepts a superset of what `SCAN_PREFIX` in
/// `Grammars/mentions.pcre2` accepts, so it never changes the result, only the speed; a test compares it with an
/// unanchored PCRE2 search on tmVar1. If you loosen `SCAN_PREFIX`, loosen this too.
///
/// A start is accepted when it is
/// - a sign or the lead byte of a dash, minus or delta (`-`, `+`, 0xE2, 0xCE), which may follow a gene name
///   (`FOXP3-924A/G`, `CCR5Δ32`), or `Delta` after a digit (`CCR5Delta32`); or
/// - a word start (`[A-Za-z0-9(]` after a byte that is not an ASCII letter or digit) and either a trigger (a digit,
///   `>`, `/`, or the lead byte of `®`, `›`, `＞`, an arrow) lies within 16 characters, or the word is followed by
///   ` to `, or the word begins `substitution`, `replacement`, `del`, `dup` or `ins`.
struct StartFilter {
    /// Byte offset of the next trigger byte at or after the last offset looked at (`Int.max` if none is left).
    private var nextTrigger = -1
    /// Byte offset of the next non-ASCII byte at or after the last offset looked at (`Int.max` if none is left).
    private var nextNonASCII = -1

    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }

    @inline(__always)
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0xC2
            || byte == 0xE2 || byte == 0xEF
    }

    @inline(__always)
    mutating func mayStartCandidate(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[offset]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == 0xCE || byte == 0xE2 { return true }
        if offset > 0, StartFilter.isASCIIAlphanumeric(text[offset - 1]) {
            // "Delta" straight after a gene name ending in a digit: CCR5Delta32.
            return byte | 0x20 == UInt8(ascii: "d") && text[offset - 1] &- UInt8(ascii: "0") < 10
                && startsWith("elta", at: offset + 1, in: text)
        }
        guard StartFilter.isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "(") else { return false }
        return triggerWithin16Characters(of: offset, in: text) || hasKeyword(at: offset, in: text)
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
            startsWith("del", at: offset, in: text) || startsWith("dup", at: offset, in: text)
                || startsWith("ins", at: offset, in: text) || startsWith("substitution", at: offset, in: text)
                || startsWith("replacement", at: offset, in: text)
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
    private func startsWith(_ word: StaticString, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = word.utf8CodeUnitCount
        guard offset + length <= text.count else { return false }
        let bytes = word.utf8Start
        for index in 0..<length where text[offset + index] != bytes[index] { return false }
        return true
    }
}
