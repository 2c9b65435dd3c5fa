import CVarSynScan

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
    /// Byte offset of the space of the next ` to ` at or after the last offset looked at (`Int.max` if none).
    private var nextTo = -1
    /// Whether the word rules (`mayStartPattern`, `positionMayStartPattern`) apply: they describe the patterns of
    /// `Grammars/mentions.pcre2` (the embedded copy), not any pattern file.
    let wordRules: Bool

    /// `StartFilter.makeLowerTrigrams()`, allocated once by the scanner.
    let lowerTrigrams: UnsafePointer<UInt64>

    init(wordRules: Bool, lowerTrigrams: UnsafePointer<UInt64>) {
        self.wordRules = wordRules
        self.lowerTrigrams = lowerTrigrams
    }

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
    ///
    /// 32 bytes at a time (SSE2 compares in `CVarSynScan`): the bytes worth a look are word starts (a letter or
    /// digit not after one), the `specials` (ASCII bytes other than letters and digits that may start a pattern;
    /// nil when there are too many, then the byte loop runs), non-ASCII bytes, and `D`/`d` after a digit
    /// (`5Delta`). Each is then judged exactly as by the byte loop.
    @inline(__always)
    mutating func nextStart(
        from offset: Int, in text: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>,
        specials: UnsafeBufferPointer<UInt8>?
    ) -> Int {
        guard let base = text.baseAddress else { return text.count }
        let count = text.count
        var index = offset
        if let specials {
            while index + 32 <= count {
                let p = base + index
                // Bytes far before the next trigger (more than 16 characters: more than 64 bytes, or more than 16
                // bytes of ASCII) cannot start with the trigger's help: there a word start is accepted only with a
                // keyword (`hasKeyword`, first byte `d`, `i`, `s`, `r`) or before a near ` to `; the special ASCII
                // bytes (`(`, `-`, `+`, `*`) never; and there is no digit (digits are triggers). `farBits` marks
                // those bytes of the block (before the block's first trigger, a prefix). Most of tmVar1's bytes are far.
                if nextTrigger < index { nextTrigger = StartFilter.findTrigger(from: index, in: text) }
                let distance = nextTrigger &- index
                let farBits: UInt32
                if distance >= 32 || index + 64 > count {
                    var threshold = 64
                    if distance > 16 && distance <= 64 + 32 {
                        if nextNonASCII < index { nextNonASCII = StartFilter.findNonASCII(from: index, in: text) }
                        if nextNonASCII >= nextTrigger { threshold = 16 }
                    }
                    farBits = StartFilter.prefixBits(distance &- threshold)
                } else {
                    // A trigger in the block: the bytes after it may be far from the next one. A byte is far when
                    // none of the 17 bytes from it on may be a trigger (digits, `>`, `/`, any non-ASCII byte):
                    // those bytes are then ASCII, so no trigger lies within 16 characters.
                    let triggers =
                        UInt64(varsyn_scan_maybe_triggers32(p)) | (UInt64(varsyn_scan_maybe_triggers32(p + 32)) << 32)
                    var window = triggers | (triggers >> 1)
                    window |= window >> 2
                    window |= window >> 4
                    window |= window >> 8
                    window |= triggers >> 16
                    farBits = ~UInt32(truncatingIfNeeded: window)
                }
                let previous: UInt8 = index > 0 ? base[index - 1] : 0
                let afterAlphanumeric: UInt32 = StartFilter.isASCIIAlphanumeric(previous) ? 1 : 0
                let high = varsyn_scan_high32(p)
                var mask: UInt32 = 0
                // Far word starts that need `hasKeyword`'s words (`del`, `dup`, `ins`, `subs…`, `repl…`).
                var keywordOnly: UInt32 = 0
                let letters = varsyn_scan_letters32(p)
                if farBits != 0 {
                    var wordStarts = letters & ~((letters << 1) | afterAlphanumeric) & farBits
                    if wordStarts != 0 {
                        // Only a word of 1 to 14 letters right before a ` to ` may start there without a keyword.
                        if nextTo < index { nextTo = StartFilter.findTo(from: index, in: text) }
                        let beforeTo = ~StartFilter.prefixBits(nextTo &- index &- 14)
                        if wordStarts & ~beforeTo != 0 {
                            wordStarts &= varsyn_scan_any4_32(p, 0x64, 0x69, 0x73, 0x72) | beforeTo  // d i s r
                            keywordOnly = wordStarts & ~beforeTo
                        }
                    }
                    mask = wordStarts | (high & farBits)
                    // `Delta` right after a digit can only start the block here.
                    if StartFilter.isDigit(previous) && base[index] | 0x20 == UInt8(ascii: "d") { mask |= 1 }
                }
                if farBits != UInt32.max {
                    let digits = varsyn_scan_digits32(p)
                    let alphanumeric = digits | letters
                    let afterDigit = (digits << 1) | (StartFilter.isDigit(previous) ? 1 : 0)
                    var near =
                        (alphanumeric & ~((alphanumeric << 1) | afterAlphanumeric)) | high
                        | (varsyn_scan_folded_equal32(p, 0x64) & afterDigit)  // d D
                    var group = 0
                    while group + 3 < specials.count {
                        near |= varsyn_scan_any4_32(
                            p, specials[group], specials[group + 1], specials[group + 2], specials[group + 3])
                        group += 4
                    }
                    mask |= near & ~farBits
                }
                while mask != 0 {
                    let at = index + mask.trailingZeroBitCount
                    let c = classes[Int(base[at])]
                    if keywordOnly & mask & (0 &- mask) != 0, !StartFilter.mayStartKeyword(at: at, in: text) {
                        mask &= mask &- 1
                        continue
                    }
                    if c & StartFilter.startClass != 0 {
                        if at > 0, classes[Int(base[at - 1])] & StartFilter.alphanumericClass != 0 {
                            if c & StartFilter.gluedStartClass != 0, gluedStart(at: at, in: text) { return at }
                        } else if wordRules
                            && StartFilter.unknownTrigram(at: at, in: text, lowerTrigrams: lowerTrigrams)
                        {
                            // A word no pattern starts with (`mayStartPattern` would say so after the other checks).
                        } else if accepts(
                            at, in: text, glued: c & StartFilter.alphanumericClass == 0, trigramChecked: true)
                        {
                            return at
                        }
                    }
                    mask &= mask &- 1
                }
                index += 32
            }
        }
        var inWord = index > 0 && classes[Int(base[index - 1])] & StartFilter.alphanumericClass != 0
        while index < count {
            let c = classes[Int(base[index])]
            if inWord {
                // In a word, and at the byte after it, only a glued start is possible (`-924`, `Δ32`, `5Delta`).
                if c & StartFilter.gluedStartClass != 0, gluedStart(at: index, in: text) { return index }
                inWord = c & StartFilter.alphanumericClass != 0
                index += 1
                continue
            }
            if c & StartFilter.startClass != 0, accepts(index, in: text) { return index }
            inWord = c & StartFilter.alphanumericClass != 0
            index += 1
        }
        return count
    }

    /// The ASCII bytes other than letters and digits that may start a pattern, for `nextStart`, in groups of four
    /// (the last group padded by repeating its last byte); nil when there are more than eight.
    static func specialStartBytes(classes: [UInt8]) -> [UInt8]? {
        var bytes = (0..<128).filter { classes[$0] & startClass != 0 && classes[$0] & alphanumericClass == 0 }
            .map { UInt8($0) }
        guard bytes.count <= 8 else { return nil }
        while bytes.count % 4 != 0, let last = bytes.last { bytes.append(last) }
        return bytes
    }

    /// Whether the four bytes at `offset` may begin `hasKeyword`'s words: `del`, `dup`, `ins`, `subs`, `repl`
    /// (true near the end of the text: the caller then decides).
    @inline(__always)
    static func mayStartKeyword(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset + 4 <= text.count, let base = text.baseAddress else { return true }
        let word = UInt32(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt32.self))
        let three = word & 0x00FF_FFFF
        return three == 0x6C_65_64 || three == 0x70_75_64 || three == 0x73_6E_69 || word == 0x73_62_75_73
            || word == 0x6C_70_65_72
    }

    /// Bit `k` for each three lower-case letters (`k = 1024 a + 32 b + c`, letters from 0) that may begin a word
    /// `mayStartPattern` accepts: three bases, a three-letter residue or `ivs`, or the start of a keyword
    /// (`chr`, `cod`on, `del`, `dup`, `ins`, `ind`el, `int`ron, `iso`leucine, `ref`erence, `rep`lacement,
    /// `sub`stitution, `try`ptophan; the other amino-acid names begin like their three-letter codes). Words that
    /// begin with three lower-case letters and no such trigram (`the`, `patients`) are rejected at once.
    static func makeLowerTrigrams() -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: 32 * 32 * 32 / 64)
        func add(_ word: [UInt8]) {
            let k = Int(word[0] &- 97) << 10 | Int(word[1] &- 97) << 5 | Int(word[2] &- 97)
            bits[k >> 6] |= 1 << UInt64(k & 63)
        }
        let bases = Array("acgtu".utf8)
        for x in bases { for y in bases { for z in bases { add([x, y, z]) } } }
        for word in [
            "ala", "arg", "asn", "asp", "asx", "cys", "gln", "glu", "gly", "glx", "his", "ile", "leu", "lys", "met",
            "phe", "pro", "pyl", "ser", "sec", "thr", "trp", "tyr", "val", "xaa", "ivs", "chr", "cod", "del", "dup",
            "ins", "ind", "int", "iso", "ref", "rep", "sub", "try",
        ] {
            add(Array(word.utf8))
        }
        return bits
    }

    /// The low `count` bits set (all for 32 or more, none for 0 or less).
    @inline(__always)
    static func prefixBits(_ count: Int) -> UInt32 {
        count >= 32 ? UInt32.max : count <= 0 ? 0 : (1 << UInt32(count)) &- 1
    }

    /// A start not after a letter or digit: glued forms, or a word a pattern may start with that has a trigger
    /// within 16 characters or a keyword. The cheap tests come first: most words are far from any trigger.
    ///
    /// `glued: false` skips the glued forms: right for a letter or digit not after one (only `Delta` after a digit
    /// is a glued start that begins with a letter or digit). `trigramChecked`: the caller has already rejected the
    /// words `unknownTrigram` rejects.
    @inline(__always)
    private mutating func accepts(
        _ offset: Int, in text: UnsafeBufferPointer<UInt8>, glued: Bool = true, trigramChecked: Bool = false
    ) -> Bool {
        if glued, gluedStart(at: offset, in: text) { return true }
        guard triggerWithin16Characters(of: offset, in: text) || hasKeyword(at: offset, in: text) else { return false }
        guard wordRules else { return true }
        let byte = text[offset]
        if StartFilter.isASCIILetter(byte) {
            return StartFilter.mayStartPattern(
                at: offset, in: text, lowerTrigrams: lowerTrigrams, trigramChecked: trigramChecked)
        }
        if StartFilter.isDigit(byte) { return StartFilter.positionMayStartPattern(at: offset, in: text) }
        if byte == UInt8(ascii: "(") {
            // Only `(C>T) substitution at …` starts with a parenthesis: one to three bases, then an arrow or ` to `.
            return StartFilter.basesThenChange(at: offset + 1, in: text, slash: false)
        }
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
            // A sign before a position (`-308 G>A`, `+3100 T/G`), or `-AAGC at -222`.
            guard offset + 2 < text.count else { return false }
            let next = text[offset + 1]
            if StartFilter.isDigit(next) { return StartFilter.positionMayStartPattern(at: offset + 1, in: text) }
            // `-AAGC at -222`
            guard byte == UInt8(ascii: "-") else { return false }
            var end = offset + 1
            while end < text.count, StartFilter.isUpperBase(text[end]) { end += 1 }
            guard end - offset > 2, end < text.count else { return false }
            return text[end] >= 0x80 || StartFilter.startsWith(" at", at: end, in: text)
        }
        return true
    }

    /// An upper-case base (`[ACGTU]`, the patterns' `NT`).
    @inline(__always)
    static func isUpperBase(_ byte: UInt8) -> Bool {
        let k = byte &- UInt8(ascii: "A")
        return k < 32 && (baseLetterBits >> UInt32(k)) & 1 != 0
    }

    /// Bit `k` for the bases `a`, `c`, `g`, `t`, `u` (`k` = letter - `a`): one shift instead of five compares.
    static let baseLetterBits: UInt32 = 1 << 0 | 1 << 2 | 1 << 6 | 1 << 19 | 1 << 20

    /// Bit `b` (for `b` < 64) for the bytes a number may continue with before `positionMayStartPattern` looks at
    /// what follows it: digits, `+`, `-`, `*`, `/`, `,`, space (and `_`, tested apart).
    static let positionBytes: UInt64 =
        0x03FF_0000_0000_0000 | 1 << 0x2B | 1 << 0x2D | 1 << 0x2A | 1 << 0x2F
        | 1 << 0x2C | 1 << 0x20

    /// A byte of `positionBytes` or `_`.
    @inline(__always)
    static func isPositionByte(_ b: UInt8) -> Bool {
        (b < 64 && (positionBytes >> UInt64(b)) & 1 != 0) || b == UInt8(ascii: "_")
    }

    /// Whether one to three bases (either case) at `offset` are followed, after at most two spaces, by what may
    /// start an arrow (`-`, `>`, `=`, `&`, `!`, a non-ASCII byte), by ` to ` or, with `slash`, by `/`: the patterns'
    /// `NTCHANGE` (`C to T`, `GTT-->GCT`) and `ALLELECHANGE` (`C/T`).
    static func basesThenChange(at offset: Int, in text: UnsafeBufferPointer<UInt8>, slash: Bool) -> Bool {
        let count = text.count
        var index = offset
        while index < count, index - offset < 3, isBase(text[index]) { index += 1 }
        guard index > offset, index < count else { return false }
        let afterBases = index
        while index < count, index - afterBases < 2, text[index] == UInt8(ascii: " ") { index += 1 }
        guard index < count else { return false }
        let b = text[index]
        if b == UInt8(ascii: "t") {
            return index > afterBases && index + 2 < count && text[index + 1] == UInt8(ascii: "o")
                && (text[index + 2] == UInt8(ascii: " ") || text[index + 2] >= 0x80)
        }
        if b == UInt8(ascii: "/") {
            // `C/T`, `G / A`: a base after the slash (not `4G/5G`).
            guard slash else { return false }
            index += 1
            let afterSlash = index
            while index < count, index - afterSlash < 2, text[index] == UInt8(ascii: " ") { index += 1 }
            return index < count && (isBase(text[index]) || text[index] >= 0x80)
        }
        if b == UInt8(ascii: "=") { return startsArrowAfterEquals(at: index + 1, in: text) }
        return b == UInt8(ascii: "-") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == UInt8(ascii: "!")
            || b >= 0x80
    }

    /// After a first `=`: the rest of `=>` or `==>` (the patterns' `ARROW`).
    @inline(__always)
    static func startsArrowAfterEquals(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        offset < text.count && (text[offset] == UInt8(ascii: ">") || text[offset] == UInt8(ascii: "="))
    }

    /// After a first dash: what may continue an arrow (`-->`, `->`, `-&gt;`, `-!`, non-ASCII `›`, `→`).
    @inline(__always)
    static func continuesArrowAfterDash(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset < text.count else { return false }
        let b = text[offset]
        return b == UInt8(ascii: "-") || b == UInt8(ascii: ">") || b == UInt8(ascii: "&") || b == UInt8(ascii: "!")
            || b >= 0x80
    }

    /// A base letter in either case (`[ACGTUacgtu]`, the patterns' `NTL`).
    @inline(__always)
    static func isBase(_ byte: UInt8) -> Bool {
        let k = (byte | 0x20) &- UInt8(ascii: "a")
        return k < 32 && (baseLetterBits >> UInt32(k)) & 1 != 0
    }

    /// Whether a pattern may start with the position at `offset` (a digit): the patterns that start with a number
    /// (`position_change`, `position_indel`, `genomic_shorthand`) continue it with digits, signs, `_`, `/`, `,`
    /// and spaces, then `:` (`11:4000000:C:A`), a dash (`11-4000000-C-A`, skipped like a sign), a non-ASCII byte,
    /// a parenthesis before bases or a dash (`-369 (C>G)`, `-611 (-T)`), one to three bases before an arrow, `/` or
    /// ` to ` (`677 C-->T`, `1858C/T`, `-491 A to T`), `N` (`-652 6N del`), or a word starting with `del`, `dup`,
    /// `ins` or `inv` (`2393del9`, `-6054 deletion/ATT`), or `promoter` (`-866 promoter (G/A)`). With `indelOnly`
    /// (after letters: `AFF344-345ins`, `position_indel`) only `N` and the indel words. Decimals, percentages,
    /// years and numbers before prose (`45.2 sec`, `35%`, `1995 the`, `4G allele`, `2 (IRS2)`) are rejected here.
    static func positionMayStartPattern(
        at offset: Int, in text: UnsafeBufferPointer<UInt8>, indelOnly: Bool = false
    ) -> Bool {
        let count = text.count
        var index = offset
        while index < count, index - offset < 40, isPositionByte(text[index]) { index += 1 }
        guard index < count else { return false }
        let next = text[index]
        if next >= 0x80 { return true }
        if !indelOnly {
            if next == UInt8(ascii: ":") {
                // `11:4000000:C:A`: digits, then a second colon.
                var end = index + 1
                while end < count, isDigit(text[end]) { end += 1 }
                return end > index + 1 && end < count && text[end] == UInt8(ascii: ":")
            }
            if next == UInt8(ascii: "(") {
                // `-369 (C>G)`, `-611 (-T)`.
                guard index + 2 < count else { return false }
                let inside = text[index + 1]
                return (inside == UInt8(ascii: "-") && isUpperBase(text[index + 2])) || inside >= 0x80
                    || basesThenChange(at: index + 1, in: text, slash: true)
            }
        }
        guard isASCIILetter(next) else { return false }
        // The word's length matters only up to four letters, except for the gnomAD form after a dash (below).
        var end = index
        let limit = !indelOnly && text[index - 1] == UInt8(ascii: "-") ? count : min(count, index + 4)
        while end < limit, isASCIILetter(text[end]) { end += 1 }
        if end - index == 1 && next == UInt8(ascii: "N") { return true }
        if !indelOnly {
            if end - index <= 3, basesThenChange(at: index, in: text, slash: true) { return true }
            // `11-4000000-CTTG-A` (gnomAD): upper-case bases of any length between dashes.
            if end < count, text[end] == UInt8(ascii: "-"), text[index - 1] == UInt8(ascii: "-"),
                (index..<end).allSatisfy({ isUpperBase(text[$0]) })
            {
                return true
            }
        }
        // `DELINS`: `del`, `dup`, `ins`, `inv` not followed by a lower-case letter, or `delins`; `-6054 deletion/ATT`.
        if startsWith("del", at: index, in: text) || startsWith("dup", at: index, in: text)
            || startsWith("ins", at: index, in: text) || startsWith("inv", at: index, in: text)
        {
            guard index + 3 < count, text[index + 3] &- UInt8(ascii: "a") < 26 else { return true }
            if startsWith("delins", at: index, in: text) { return true }
            if !indelOnly, startsWith("deletion/", at: index, in: text) || startsWith("insertion/", at: index, in: text)
            {
                let allele = index + (text[index] == UInt8(ascii: "d") ? 9 : 10)
                return allele < count && isUpperBase(text[allele])
            }
            return false
        }
        guard !indelOnly, startsWith("promoter", at: index, in: text) else { return false }
        // `-866 promoter (G/A)`
        var paren = index + 8
        while paren < count, paren - index < 11, text[paren] == UInt8(ascii: " ") { paren += 1 }
        return paren < count && (text[paren] == UInt8(ascii: "(") || text[paren] >= 0x80)
    }

    /// `SCAN_PREFIX`'s second branch: a sign or dash before a digit, a delta, `Delta` after a digit.
    @inline(__always)
    private func gluedStart(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = text[offset]
        let count = text.count
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            return offset + 1 < count && StartFilter.isDigit(text[offset + 1])
                && (!wordRules || StartFilter.positionMayStartPattern(at: offset + 1, in: text))
        case 0xCE:
            return offset + 1 < count && text[offset + 1] == 0x94  // Δ
        case 0xE2:
            guard offset + 2 < count else { return false }
            let b1 = text[offset + 1]
            let b2 = text[offset + 2]
            if b1 == 0x88 && b2 == 0x86 { return true }  // ∆
            let dash = (b1 == 0x80 && b2 == 0x93) || (b1 == 0x88 && b2 == 0x92)  // en dash, minus
            return dash && offset + 3 < count && StartFilter.isDigit(text[offset + 3])
                && (!wordRules || StartFilter.positionMayStartPattern(at: offset + 3, in: text))
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
    /// - two or three letters that are all bases in either case (`GTT-->GCT`, `a to g`), or are followed by `_`
    ///   (`NM_`, `LRG_`), or are upper case before a position (`AFF344-345ins`), or a three-letter residue
    ///   (`Thr154`) or `IVS`;
    /// - four or more upper-case bases (`AGCTCCTCC/-`);
    /// - a keyword: `rs`, `del`, `dup`, `ins`, `indel`, `delta`, `chr`, `ENS`, `IVS` (`IVSII-1`), `intron`,
    ///   `codon`, `reference`, `substitution`, `replacement`, or an amino-acid name.
    static func mayStartPattern(
        at offset: Int, in text: UnsafeBufferPointer<UInt8>, lowerTrigrams: UnsafePointer<UInt64>,
        trigramChecked: Bool = false
    ) -> Bool {
        let count = text.count
        // A letter (either case) then lower-case letters: the patterns' words are known by their first three
        // letters (`lowerTrigrams`; `The`, `patients` are rejected here), and a word of two letters is two bases
        // (`at` before an arrow is `A>T`) or `rs`. Upper case after the first letter is left to the rules below.
        if !trigramChecked, unknownTrigram(at: offset, in: text, lowerTrigrams: lowerTrigrams) { return false }
        if offset + 1 < count {
            let a = (text[offset] | 0x20) &- UInt8(ascii: "a")
            let b = text[offset + 1] &- UInt8(ascii: "a")
            if a < 26 && b < 26 {
                let c: UInt8 = offset + 2 < count ? text[offset + 2] : 0
                if !isASCIILetter(c) {
                    let first = text[offset]
                    let second = text[offset + 1]
                    guard
                        (isBase(first) && isBase(second)) || (first == UInt8(ascii: "r") && second == UInt8(ascii: "s"))
                    else { return false }
                }
            }
        }
        return mayStartWord(at: offset, in: text)
    }

    /// Whether the word at `offset` begins with a letter and two lower-case letters that begin none of the
    /// patterns' words (`lowerTrigrams`): then `mayStartPattern` rejects it.
    @inline(__always)
    static func unknownTrigram(
        at offset: Int, in text: UnsafeBufferPointer<UInt8>, lowerTrigrams: UnsafePointer<UInt64>
    ) -> Bool {
        guard offset + 2 < text.count else { return false }
        let a = (text[offset] | 0x20) &- UInt8(ascii: "a")
        let b = text[offset + 1] &- UInt8(ascii: "a")
        let c = text[offset + 2] &- UInt8(ascii: "a")
        guard a < 26 && b < 26 && c < 26 else { return false }
        let k = Int(a) << 10 | Int(b) << 5 | Int(c)
        return lowerTrigrams[k >> 6] >> UInt64(k & 63) & 1 == 0
    }

    /// `mayStartPattern` after its quick rejections: the word's shape and what follows it.
    private static func mayStartWord(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var end = offset
        var allBases = true  // either case
        var allUpperBases = true
        var allUpper = true
        while end < count {
            let b = text[end]
            let folded = b | 0x20
            let k = folded &- UInt8(ascii: "a")
            guard k < 26 else { break }
            if (baseLetterBits >> UInt32(k)) & 1 == 0 {
                allBases = false
                allUpperBases = false
            } else if b == folded {
                allUpperBases = false
            }
            if b == folded { allUpper = false }
            end += 1
            // Four letters or more and not all upper-case bases: only a keyword is left (no need to read on).
            if end - offset > 3 && !allUpperBases { return isKeyword(at: offset, in: text) }
        }
        let length = end - offset
        let next: UInt8 = end < count ? text[end] : 0
        if next == UInt8(ascii: " ") && length <= 3 && allBases {
            // `A 1166C`, `C to T`, `G --> C`, `gtt > gct`: after at most two spaces, `to`, an arrow, or (one
            // upper-case base, `nucleotide_ref_pos_alt`) a sign or number. Not `P = 0.01`, `a 22-bp`, `at 5`.
            var index = end
            while index < count, index - end < 2, text[index] == UInt8(ascii: " ") { index += 1 }
            guard index < count else { return false }
            let b = text[index]
            if b == UInt8(ascii: "t") {
                return index + 2 < count && text[index + 1] == UInt8(ascii: "o")
                    && (text[index + 2] == UInt8(ascii: " ") || text[index + 2] >= 0x80)
            }
            if b >= 0x80 || b == UInt8(ascii: "-") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
                || b == UInt8(ascii: "&") || b == UInt8(ascii: "!")
            {
                return true
            }
            // `A 1166C`: a number of two digits or more, maybe signed.
            guard length == 1 && isUpperBase(text[offset]) else { return false }
            if b == UInt8(ascii: "+") || b == UInt8(ascii: "*") { index += 1 }
            return index + 1 < count && text[index] &- UInt8(ascii: "1") < 9 && isDigit(text[index + 1])
        }
        if length == 1 {
            // A lower-case letter starts `c.`, `p.`, `c2403T` or a base before an arrow or slash (`g-->t`, `a/g`),
            // never a word before `=`, `<`, `,` or a digit (`p=0.05`, `p<0.01`, `n,`, `p27`).
            let first = text[offset]
            guard first &- UInt8(ascii: "a") < 26 else {
                guard isDigit(next) else {
                    // An upper-case letter before a dash (`R-2Q`, `G-395A`, `X-4000000-C-A`, `C-->T`), a sign
                    // (`G+1A`), an arrow (`C>T`, `A=>G`), a slash between bases (`G/A`, `T/C704`), a colon
                    // (`X:100:A:G`) or a non-ASCII byte; not `P=0.01`, `P<0.05`, `I/D`, `S-transferase`.
                    let after: UInt8 = end + 1 < count ? text[end + 1] : 0
                    switch next {
                    case UInt8(ascii: "-"): return isDigit(after) || continuesArrowAfterDash(at: end + 1, in: text)
                    case UInt8(ascii: "+"), UInt8(ascii: "*"): return isUpperBase(first) && isDigit(after)
                    case UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "!"): return isUpperBase(first)
                    case UInt8(ascii: "="): return isUpperBase(first) && startsArrowAfterEquals(at: end + 1, in: text)
                    case UInt8(ascii: "/"): return isUpperBase(first) && isUpperBase(after)
                    case UInt8(ascii: ":"):
                        return first == UInt8(ascii: "X") || first == UInt8(ascii: "Y") || first == UInt8(ascii: "M")
                    default: return next >= 0x80
                    }
                }
                var digitsEnd = end
                while digitsEnd < count, isDigit(text[digitsEnd]) { digitsEnd += 1 }
                if digitsEnd - end >= 2 && next != UInt8(ascii: "0") { return true }
                if isUpperBase(first)
                    && (startsWith(" by", at: digitsEnd, in: text) || (digitsEnd < count && text[digitsEnd] >= 0x80))
                {
                    return true
                }
                return positionMayStartPattern(at: end, in: text, indelOnly: true)
            }
            switch next {
            case UInt8(ascii: "."):  // c. g. m. n. r. p.
                return first == UInt8(ascii: "c") || first == UInt8(ascii: "g") || first == UInt8(ascii: "m")
                    || first == UInt8(ascii: "n") || first == UInt8(ascii: "r") || first == UInt8(ascii: "p")
            case UInt8(ascii: "-"): return isBase(first) && continuesArrowAfterDash(at: end + 1, in: text)
            case UInt8(ascii: "="): return isBase(first) && startsArrowAfterEquals(at: end + 1, in: text)
            case UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "!"): return isBase(first)
            default: return next >= 0x80 || (first == UInt8(ascii: "c") && isDigit(next))
            }
        }
        if length <= 3 {
            // Two or three bases before a digit: only `position_indel` (`AT344-345ins`).
            if allBases {
                return !isDigit(next) || (allUpper && positionMayStartPattern(at: end, in: text, indelOnly: true))
            }
            if next == UInt8(ascii: "_") { return true }
            // Before a digit: `AFF344-345ins` (upper case, then what a position allows), `Thr154`, `rs1801133`,
            // `chr11` (below); not gene names before prose (`IL6 levels`, `CD4 cells`).
            if isDigit(next), allUpper, positionMayStartPattern(at: end, in: text, indelOnly: true) { return true }
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

    /// The keywords of `mayStartPattern`, first letter in either case, the rest as written, each followed by what
    /// the patterns allow after it: `del`, `dup`, `ins`, `indel` not followed by a lower-case letter (`deletion`,
    /// `insulin` are prose) except `delta`; `chr` before a digit or `X`, `Y`, `M`; `ENS` before `T`, `G`, `P`; the
    /// other words (`intron`, `codon`, `reference`, `substitution`, `replacement`, amino-acid names) not followed
    /// by a letter.
    static func isKeyword(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        let next = offset + 1
        /// `word` (without its first letter) is at `next` and followed by a byte that is not a letter
        /// (`lowerOnly`: not a lower-case letter).
        @inline(__always) func word(_ rest: StaticString, lowerOnly: Bool = false) -> Bool {
            guard let after = wordEnd(rest, lowerOnly: lowerOnly) else { return false }
            return after >= 0
        }
        /// The offset after `word` (as in `word`), `-1` at the end of the text, nil if the word is not there.
        @inline(__always) func wordEnd(_ rest: StaticString, lowerOnly: Bool = false) -> Int? {
            guard startsWith(rest, at: next, in: text) else { return nil }
            let after = next + rest.utf8CodeUnitCount
            guard after < count else { return -1 }
            let b = text[after]
            return (lowerOnly ? b &- UInt8(ascii: "a") >= 26 : !isASCIILetter(b)) ? after : nil
        }
        /// `del`, `dup`, `ins`, `indel` (as in `word`, lower case after) before what the patterns allow after
        /// them: `/del` or `/ins`, at most two spaces, then a digit or an upper-case letter (`del 92 nucleotide`,
        /// `delF508`, `dup24bp`, `delTTCA`); not `del and`, `ins/del were`.
        @inline(__always) func indel(_ rest: StaticString) -> Bool {
            guard var index = wordEnd(rest, lowerOnly: true), index >= 0 else { return false }
            if text[index] == UInt8(ascii: "/")
                && (startsWith("del", at: index + 1, in: text) || startsWith("ins", at: index + 1, in: text))
            {
                index += 4
            }
            let spaces = index
            while index < count, index - spaces < 2, text[index] == UInt8(ascii: " ") { index += 1 }
            guard index < count else { return false }
            let b = text[index]
            return isDigit(b) || b &- UInt8(ascii: "A") < 26 || b >= 0x80
        }
        /// `substitution of`, `replacement of` (white space or a non-ASCII byte around `of`), then, after an
        /// optional `a` or `an`, what may start a residue (`substitution of proline`, `replacement of Ala14`,
        /// `substitution of a stop codon`); not `substitution of the`.
        @inline(__always) func followedByOf(_ rest: StaticString) -> Bool {
            guard startsWith(rest, at: next, in: text) else { return false }
            var index = next + rest.utf8CodeUnitCount
            @inline(__always) func skipSpace() -> Bool {
                let start = index
                while index < count, index - start < 10 {
                    let b = text[index]
                    if b >= 0x80 { return true }
                    guard
                        b == UInt8(ascii: " ") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")
                            || b == UInt8(ascii: "\t")
                    else { break }
                    index += 1
                }
                return false
            }
            if skipSpace() { return true }
            guard startsWith("of", at: index, in: text) else { return false }
            index += 2
            if skipSpace() { return true }
            // `a` or `an` before white space (not `alanine`, `arginine`).
            for article in 1...2 where index + article < count && text[index] == UInt8(ascii: "a") {
                let after = text[index + article]
                let space = after == UInt8(ascii: " ") || after == UInt8(ascii: "\n") || after >= 0x80
                if space && (article == 1 || text[index + 1] == UInt8(ascii: "n")) {
                    index += article
                    if skipSpace() { return true }
                    break
                }
            }
            guard index < count else { return false }
            if text[index] == UInt8(ascii: "*") || text[index] == UInt8(ascii: "X") { return true }
            guard index + 2 < count else { return false }
            let (a, b, c) = (text[index], text[index + 1], text[index + 2])
            if isResidueOrIVS(a, b, c) { return true }
            let key = (UInt32(a | 0x20) << 16) | (UInt32(b | 0x20) << 8) | UInt32(c | 0x20)
            // isoleucine, tryptophan, stop, termination / Ter
            return key == 0x69_73_6F || key == 0x74_72_79 || key == 0x73_74_6F || key == 0x74_65_72
        }
        /// `codon` then what `codon_alleles` allows: `codon 12 GGT>GAT`, `codon (CD)26 GAG-->GAA`,
        /// `codon 9 (GAC-->TAT)`; not `codon 72 or`.
        @inline(__always) func codonAlleles() -> Bool {
            guard var index = wordEnd("odon"), index >= 0, index < count else { return false }
            if text[index] >= 0x80 { return true }
            guard text[index] == UInt8(ascii: " ") else { return false }
            index += 1
            if startsWith("(CD)", at: index, in: text) {
                index += 4
                while index < count, text[index] == UInt8(ascii: " ") { index += 1 }
            }
            guard index < count, text[index] &- UInt8(ascii: "1") < 9 else {
                return index < count && text[index] >= 0x80
            }
            while index < count, isDigit(text[index]) { index += 1 }
            if index < count, text[index] == UInt8(ascii: ",") { index += 1 }
            let spaces = index
            while index < count, index - spaces < 2, text[index] == UInt8(ascii: " ") { index += 1 }
            if index < count, text[index] == UInt8(ascii: "(") { index += 1 }
            guard index + 2 < count else { return false }
            if text[index] >= 0x80 { return true }
            return isUpperBase(text[index]) && isUpperBase(text[index + 1]) && isUpperBase(text[index + 2])
        }
        /// `intron` then what `intron_offset_change` allows: `intron 2, -352G-->A`; not `intron 8 causes`.
        @inline(__always) func intronOffset() -> Bool {
            guard var index = wordEnd("ntron"), index >= 0, index < count else { return false }
            if text[index] >= 0x80 { return true }
            guard text[index] == UInt8(ascii: " ") else { return false }
            index += 1
            let digits = index
            while index < count, index - digits < 3, isDigit(text[index]) { index += 1 }
            guard index > digits, index < count else { return false }
            if text[index] == UInt8(ascii: ",") { index += 1 }
            guard index + 1 < count else { return false }
            if text[index] >= 0x80 { return true }
            guard text[index] == UInt8(ascii: " ") else { return false }
            let sign = text[index + 1]
            return sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") || sign == UInt8(ascii: "*") || sign >= 0x80
        }
        switch text[offset] | 0x20 {
        case UInt8(ascii: "a"):
            return word("lanine") || word("rginine") || word("sparagine") || word("spartic") || word("spartate")
        case UInt8(ascii: "c"):
            if startsWith("hr", at: next, in: text), next + 2 < count {
                let b = text[next + 2]
                return isDigit(b) || b == UInt8(ascii: "X") || b == UInt8(ascii: "Y") || b == UInt8(ascii: "M")
            }
            return codonAlleles() || word("ysteine")
        case UInt8(ascii: "d"):
            return indel("el") || indel("up") || startsWith("elta", at: next, in: text)
                || startsWith("ELTA", at: next, in: text)
        case UInt8(ascii: "e"):
            guard startsWith("NS", at: next, in: text), next + 2 < count else { return false }
            let b = text[next + 2]
            return b == UInt8(ascii: "T") || b == UInt8(ascii: "G") || b == UInt8(ascii: "P")
        case UInt8(ascii: "g"): return word("lutamine") || word("lutamic") || word("lutamate") || word("lycine")
        case UInt8(ascii: "h"): return word("istidine")
        case UInt8(ascii: "i"):
            return indel("ns") || indel("ndel") || intronOffset()
                || word("soleucine") || startsWith("VS", at: next, in: text)
        case UInt8(ascii: "l"): return word("eucine") || word("ysine")
        case UInt8(ascii: "m"): return word("ethionine")
        case UInt8(ascii: "p"): return word("henylalanine") || word("roline")
        case UInt8(ascii: "r"): return word("s") || word("eference") || followedByOf("eplacement")
        case UInt8(ascii: "s"): return followedByOf("ubstitution") || word("erine")
        case UInt8(ascii: "t"): return word("hreonine") || word("ryptophan") || word("yrosine")
        case UInt8(ascii: "v"): return word("aline")
        default: return false
        }
    }

    @inline(__always)
    private mutating func triggerWithin16Characters(of offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        if nextTrigger < offset { nextTrigger = StartFilter.findTrigger(from: offset, in: text) }
        let distance = nextTrigger &- offset
        if distance <= 16 { return true }
        if distance > 64 { return false }
        // Between 17 and 64 bytes: more than 16 characters unless multi-byte characters intervene.
        if nextNonASCII < offset { nextNonASCII = StartFilter.findNonASCII(from: offset, in: text) }
        if nextNonASCII >= nextTrigger { return false }
        // Characters = bytes - UTF-8 continuation bytes (10xxxxxx), counted eight bytes at a time.
        guard let base = text.baseAddress else { return false }
        var continuation = 0
        var index = offset
        while index + 8 <= nextTrigger {
            let x = StartFilter.load(base, index)
            continuation += (x & ~(x << 1) & StartFilter.highBits).nonzeroBitCount
            index += 8
        }
        while index < nextTrigger {
            if base[index] & 0xC0 == 0x80 { continuation += 1 }
            index += 1
        }
        return nextTrigger - offset - continuation <= 16
    }

    /// `SCAN_PREFIX`'s keyword starts: `del`, `dup`, `ins`, `substitution`, `replacement`, or a word of 1 to 14
    /// letters followed by ` to ` (` to ` with other spaces has a trigger byte, C2 or E2, right after the word).
    @inline(__always)
    private mutating func hasKeyword(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let next = offset + 1
        switch text[offset] {
        case UInt8(ascii: "d"):
            if StartFilter.startsWith("el", at: next, in: text) || StartFilter.startsWith("up", at: next, in: text) {
                return true
            }
        case UInt8(ascii: "i"):
            if StartFilter.startsWith("ns", at: next, in: text) { return true }
        case UInt8(ascii: "s"):
            if StartFilter.startsWith("ubstitution", at: next, in: text) { return true }
        case UInt8(ascii: "r"):
            if StartFilter.startsWith("eplacement", at: next, in: text) { return true }
        default:
            break
        }
        if nextTo < offset { nextTo = StartFilter.findTo(from: offset, in: text) }
        let length = nextTo &- offset
        guard length >= 1, length <= 14 else { return false }
        for index in offset..<nextTo where !StartFilter.isASCIILetter(text[index]) { return false }
        return true
    }

    // MARK: Searches 32 bytes per step (CVarSynScan; 8 for counting continuation bytes)

    static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// The offset of the first trigger byte at or after `offset`, or `Int.max`.
    static func findTrigger(from offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return Int.max }
        let count = text.count
        var index = offset
        while index + 32 <= count {
            var mask = varsyn_scan_maybe_triggers32(base + index)
            while mask != 0 {
                let found = index + mask.trailingZeroBitCount
                if isTrigger(base[found]) { return found }
                mask &= mask &- 1
            }
            index += 32
        }
        while index < count {
            if isTrigger(base[index]) { return index }
            index += 1
        }
        return Int.max
    }

    /// The offset of the first byte >= 0x80 at or after `offset`, or `Int.max`.
    static func findNonASCII(from offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return Int.max }
        let count = text.count
        var index = offset
        while index + 32 <= count {
            let mask = varsyn_scan_high32(base + index)
            if mask != 0 { return index + mask.trailingZeroBitCount }
            index += 32
        }
        while index < count {
            if base[index] >= 0x80 { return index }
            index += 1
        }
        return Int.max
    }

    /// The offset of the space of the first ` to ` (then a space or a non-ASCII byte) at or after `offset`, or
    /// `Int.max`.
    static func findTo(from offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = text.baseAddress else { return Int.max }
        let count = text.count
        @inline(__always) func isTo(_ space: Int) -> Bool {
            space + 3 < count && base[space] == UInt8(ascii: " ") && base[space + 1] == UInt8(ascii: "t")
                && base[space + 2] == UInt8(ascii: "o")
                && (base[space + 3] == UInt8(ascii: " ") || base[space + 3] >= 0x80)
        }
        var index = offset
        while index + 34 <= count {
            var mask = varsyn_scan_to32(base + index)
            while mask != 0 {
                let found = index + mask.trailingZeroBitCount
                if isTo(found) { return found }
                mask &= mask &- 1
            }
            index += 32
        }
        while index < count {
            if isTo(index) { return index }
            index += 1
        }
        return Int.max
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
