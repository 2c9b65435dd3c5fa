// The fast lane: one forward scan for the shapes that dominate real input, in front of the general grammar.
//
// `NM_003156.4:c.494C>A`, `NC_000001.11:g.101419787_101419821dup`, `NM_188133.11:c.976-13_976-12del`,
// `NM_283169423.5(COL1A1):c.4002T>G`, `NP_003147.2:p.(Pro165Gln)`, `NP_123938.7:p.Gly1859ValfsTer8`: a RefSeq
// accession with a version (optionally a gene-symbol selector), `c.`/`n.`/`g.`/`m.`/`o.` with one position or a
// range (`-N`, `*N`, `N+M`, `N-M`) and a substitution, `del`, `dup`, `inv`, `ins SEQ`, `delins SEQ` or `=`; or `p.`
// with optional parentheses, three-letter residues and a substitution, `=`, `?`, `del`, `dup`, `ins`, `delins`,
// `fs`, `fsTer N` or `extTer N`.
//
// The lane answers "read completely" with a ``LaneRecord`` (a trivial value of byte offsets and numbers), or nil:
// "not mine". Then the general grammar runs exactly as before. The lane only claims an input when the general
// grammar reads it as the same tree with no warning and form `.hgvs`; anything it is unsure of (position 0,
// leading zeros, more than 9 digits, reversed ranges, lower case, `?`, one-letter residues, stated bases,
// single-position insertions, trailing bytes, other references) is left to the general grammar.
// Tests/VarSynCoreTests/FastLaneAgreementTests.swift checks lane == general grammar on the corpus, the conformance
// strings and every prefix of each.

/// The edit a ``LaneRecord`` holds.
@usableFromInline
enum LaneEdit: UInt8, Sendable {
    case substitution, deletion, duplication, inversion, insertion, deletionInsertion, identity
    case proteinSubstitution, proteinIdentity, proteinUnknown, proteinDeletion, proteinDuplication
    case proteinInsertion, proteinDeletionInsertion, proteinFrameshift, proteinExtension
}

/// One position read by the lane: a nucleotide position (`-13`, `*374`, `976+113`) or a residue (`Gly1859`).
///
/// Numbers are kept as digit runs in the input (validated: 1-9 digits, no leading zero) and converted only when
/// needed (the syntax tree): ``HGVSParser/accepts(utf8:options:)`` never converts them, and a range's order is
/// decided on the digit runs themselves (``FastLane/compareRuns(_:_:_:_:_:_:)``). Six bytes: a record of two
/// positions and the rest fits in four machine words, returned in registers.
@usableFromInline
struct LanePosition: Sendable {
    /// The base or residue number: bytes `start ..< start + count`.
    @usableFromInline var start: UInt16 = 0
    @usableFromInline var count: UInt8 = 0
    /// The intronic offset's digit count (0 when none); its digits follow the number and the sign (``offsetStart``).
    @usableFromInline var offsetCount: UInt8 = 0
    /// Bit 0: `*N` (after the CDS end); bit 1: `c.-N`; bits 2-3: the offset, 0 none, 1 `+k`, 2 `-k`.
    @usableFromInline var flags: UInt8 = 0
    /// The residue (``AminoAcid`` raw value) of a protein position.
    @usableFromInline var residue: UInt8 = 0

    @usableFromInline init() {}

    /// The intronic offset: bytes `offsetStart ..< offsetStart + offsetCount` (right after the number and its sign).
    @inline(__always) var offsetStart: Int { Int(start) &+ Int(count) &+ 1 }
    /// 0: counted from the start; 1: `*N` (after the CDS end).
    @inline(__always) var anchor: UInt8 { flags & 1 }
    /// 1 for `c.-N`.
    @inline(__always) var negative: UInt8 { (flags &>> 1) & 1 }
    /// 0: no offset; 1: `+k`; 2: `-k`.
    @inline(__always) var offsetKind: UInt8 { flags &>> 2 }

    /// Position order along the reference (the general grammar's range check: anchor, signed base, signed offset),
    /// decided on the digit runs (no conversion): true when `self` comes after `other`.
    @_transparent
    func isAfter(_ other: LanePosition, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let a = anchor
        let b = other.anchor
        if a != b { return a > b }
        // Signed base: `-N` before `N`; two negatives in reverse order of magnitude.
        let sign = negative
        if sign != other.negative { return sign == 0 }
        var order = FastLane.compareRuns(p, Int(start), count, Int(other.start), other.count, n)
        if order != 0 { return sign == 0 ? order > 0 : order < 0 }
        // Signed offset: `-k` before none before `+k`.
        let kind = offsetKind
        let otherKind = other.offsetKind
        if kind != otherKind {
            let rank = kind == 2 ? 0 : kind == 0 ? 1 : 2
            let otherRank = otherKind == 2 ? 0 : otherKind == 0 ? 1 : 2
            return rank > otherRank
        }
        if kind == 0 { return false }
        order = FastLane.compareRuns(p, offsetStart, offsetCount, other.offsetStart, other.offsetCount, n)
        return kind == 1 ? order > 0 : order < 0
    }
}

/// What the lane read: byte offsets into the input and numbers; no storage (copied as bytes, nothing to destroy).
/// 30 bytes, so that ``CompactParse`` (the record and two flags) is four machine words, returned in registers.
///
/// `NM_003156.4:c.494C>A`: accession 0..<11, system `.coding`, edit `.substitution`, first position 494,
/// `base` `C`, `alternative` `A`.
@usableFromInline
struct LaneRecord: Sendable {
    /// The accession is bytes 0..<accessionEnd.
    @usableFromInline var accessionEnd: UInt16 = 0
    /// A gene-symbol selector `(COL1A1)`: bytes selectorStart..<selectorEnd (0 when none; it starts right after
    /// the accession's `(`, see ``selectorStart``).
    @usableFromInline var selectorEnd: UInt16 = 0
    /// Inserted bases or residues: bytes sequenceStart..<sequenceEnd.
    @usableFromInline var sequenceStart: UInt16 = 0
    @usableFromInline var sequenceEnd: UInt16 = 0
    /// The stop of `fsTerN` / `extTerN`: bytes `stopStart ..< stopStart + stopCount`; `stopKind` 0 none,
    /// 1 `Ter?`, 2 `TerN`.
    @usableFromInline var stopStart: UInt16 = 0
    @usableFromInline var stopCount: UInt8 = 0
    @usableFromInline var stopKind: UInt8 = 0
    @usableFromInline var first = LanePosition()
    @usableFromInline var last = LanePosition()
    @usableFromInline var system: CoordinateSystem = .genomic
    @usableFromInline var edit: LaneEdit = .identity
    @usableFromInline var isRange = false
    @usableFromInline var predicted = false
    /// Substitution: the reference base; protein substitution, `fs`, `ext`: the new residue (0xFF none).
    @usableFromInline var base: UInt8 = 0
    /// Substitution: the new base.
    @usableFromInline var alternative: UInt8 = 0

    @usableFromInline init() {}

    /// The selector's first byte (after `(`); equal to ``selectorEnd`` (0) when there is no selector.
    @inline(__always) var selectorStart: UInt16 { selectorEnd == 0 ? 0 : accessionEnd &+ 1 }
}

enum FastLane {
    /// Inputs longer than this are left to the general grammar (offsets fit in a record's UInt16 fields).
    static let maximumLength = 4096

    /// The bytes `i..<min(i + 8, n)` as a little-endian word, zero above `n` (needs `8 <= n` and `i < n`): one
    /// unaligned load, at `i` or, near the end, at `n - 8` shifted down, so it never reads outside `0..<n`.
    @inline(__always)
    static func load8(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> UInt64 {
        let start = min(i, n &- 8)
        let word = UInt64(littleEndian: UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self))
        return word &>> UInt64(truncatingIfNeeded: (i &- start) &<< 3)
    }

    /// `word ^ 0x30…` per byte → the number of leading bytes (0-8) that are digits 0-9. A zero byte (past the
    /// end, see ``load8(_:_:_:)``) is not a digit. Carries of the add only reach bytes after the first non-digit.
    @inline(__always)
    static func digitCount(_ digits: UInt64) -> Int {
        let flagged = ((digits &+ 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080
        return flagged.trailingZeroBitCount &>> 3
    }

    /// The end of the digit run starting at `i` (not beyond `n`; `8 <= n`), eight bytes at a time.
    @inline(__always)
    static func digitRunEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var i = i
        while i < n {
            let count = digitCount(load8(p, i, n) ^ 0x3030_3030_3030_3030)
            if count < 8 { return i &+ count }
            i &+= 8
        }
        return i
    }

    /// A number of 1-9 digits with no leading zero (so never 0 and never above Int32.max) at `i`: its digit count,
    /// advancing `i`; 0 (`i` unchanged) when there is none. Needs `8 <= n`. Validates only (``value(_:_:_:)``
    /// converts): one eight-byte load (``load8(_:_:_:)``), the run length from a mask; a ninth digit is read on its
    /// own, a tenth declines.
    @inline(__always)
    static func digits(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt8 {
        guard i < n else { return 0 }
        let word = load8(p, i, n) ^ 0x3030_3030_3030_3030
        var count = digitCount(word)
        guard count > 0, word & 0xFF != 0 else { return 0 }
        if count == 8 {
            let end = i &+ 8
            if end < n, p[end] &- 48 < 10 {
                if end &+ 1 < n, p[end &+ 1] &- 48 < 10 { return 0 }
                count = 9
            }
        }
        i &+= count
        return UInt8(truncatingIfNeeded: count)
    }

    /// The value of the digits ``digits(_:_:_:)`` validated at `start` (0 when `count` is 0).
    @inline(__always)
    static func value(_ p: UnsafePointer<UInt8>, _ start: Int, _ count: UInt8) -> Int32 {
        var value: Int32 = 0
        var k = start
        let end = k &+ Int(count)
        while k < end {
            value = value &* 10 &+ Int32(p[k] &- 48)
            k &+= 1
        }
        return value
    }

    /// The order of two numbers validated by ``digits(_:_:_:)`` (1-9 digits, no leading zero), read as digit runs
    /// `aStart ..< aStart + aCount` and `bStart ..< bStart + bCount` of `0..<n` (`8 <= n`): -1, 0 or 1. More
    /// digits is larger; equal counts compare bytes, the first eight as one byte-swapped word each.
    @inline(__always)
    static func compareRuns(
        _ p: UnsafePointer<UInt8>, _ aStart: Int, _ aCount: UInt8, _ bStart: Int, _ bCount: UInt8, _ n: Int
    ) -> Int {
        if aCount != bCount { return aCount < bCount ? -1 : 1 }
        let count = Int(aCount)
        let shift = UInt64(truncatingIfNeeded: (8 &- min(count, 8)) &<< 3)
        // The first min(count, 8) bytes, first byte most significant (bytes beyond the run shifted out).
        let a = (load8(p, aStart, n) &<< shift).byteSwapped
        let b = (load8(p, bStart, n) &<< shift).byteSwapped
        if a != b { return a < b ? -1 : 1 }
        if count == 9 {
            let x = p[aStart &+ 8]
            let y = p[bStart &+ 8]
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// The three-letter codes by hash slot (``residue(_:_:_:)``); `...` an empty slot.
    static let residueSlots: StaticString =
        "MetGlu...HisPheAsnTyrCysArgAsx......AspProLeuGlySecIleXaaLysTrpSerThrGln......TerGlxAlaPyl...Val"
    /// `A` + the ``AminoAcid`` raw value of each slot of ``residueSlots``.
    static let residueValues: StaticString = "MG.INCSEBW..DOKHUJYLRPQF..ZXAV.T"

    /// A three-letter residue code (`Gly`; exact case) at `i`; advances `i`. The same codes as
    /// ``AminoAcid/fromThreeLetter(_:_:_:)``, by a perfect hash: the three bytes times 0x9C9E26B3, top five bits,
    /// name one slot of 32, which holds the only code that can match.
    @inline(__always)
    static func residue(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> AminoAcid? {
        let raw = residueCode(p, &i, n)
        return raw == 0xFF ? nil : AminoAcid(rawValue: raw)
    }

    /// ``residue(_:_:_:)`` as the ``AminoAcid`` raw value, 0xFF when none (no enum conversion in the scan).
    @inline(__always)
    static func residueCode(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt8 {
        guard i &+ 2 < n else { return 0xFF }
        let b0 = p[i]
        let b1 = p[i &+ 1]
        let b2 = p[i &+ 2]
        // An upper-case first byte never meets an empty slot's `.`.
        guard Byte.isUpper(b0) else { return 0xFF }
        let key = UInt32(b0) &<< 16 | UInt32(b1) &<< 8 | UInt32(b2)
        let slot = Int(truncatingIfNeeded: (key &* 0x9C9E_26B3) &>> 27)
        let code = residueSlots.utf8Start + slot &* 3
        guard code[0] == b0, code[1] == b1, code[2] == b2 else { return 0xFF }
        i &+= 3
        return residueValues.utf8Start[slot] &- 65
    }

    /// One bit per byte of `digits` (a word `^ 0x30…`, see ``digitCount(_:)``): bit k set when byte k is not a digit
    /// 0-9. Exact up to and including the first byte that is neither a digit nor `.` (no add carries past those).
    @inline(__always)
    static func nonDigitBits(_ digits: UInt64) -> UInt64 {
        let flagged = ((digits &+ 0x7676_7676_7676_7676) | digits) & 0x8080_8080_8080_8080
        // Gathers the eight flag bits (bits 7, 15, …, 63) into the top byte, then down to bits 0-7.
        return (flagged &* 0x0002_0408_1020_4081) &>> 56
    }

    /// `XX_digits.digits` from byte 0 (`NM_003156.4`): the offset after the version, 0 when it is not there.
    ///
    /// Inputs of 19 bytes or more (nearly all) read bytes 3..<19 as two words and find both digit runs and the dot
    /// in one 16-bit mask; when a run reaches byte 19, and for shorter inputs, the runs are read by
    /// ``digitRunEnd(_:_:_:)``. Needs `10 <= n`.
    @inline(__always)
    static func accessionEnd(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard Byte.isUpper(p[0]), Byte.isUpper(p[1]), p[2] == Byte.underscore else { return 0 }
        if n >= 19 {
            let raw = UnsafeRawPointer(p)
            let x0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 3, as: UInt64.self))
            let x1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
            // Bit k: byte 3 + k is not a digit (k < 16; bit 16 set so that the count below stops there).
            let nonDigits =
                nonDigitBits(x0 ^ 0x3030_3030_3030_3030) | nonDigitBits(x1 ^ 0x3030_3030_3030_3030) &<< 8 | 1 &<< 16
            let numberCount = nonDigits.trailingZeroBitCount
            if numberCount < 16 {
                let dot = 3 &+ numberCount
                guard numberCount != 0, p[dot] == Byte.dot else { return 0 }
                let rest = nonDigits &>> UInt64(truncatingIfNeeded: numberCount &+ 1)
                // The version ends inside the mask: done. Otherwise (bit 16 reached) read on below.
                if rest != 1 &<< UInt64(truncatingIfNeeded: 15 &- numberCount) {
                    let versionCount = rest.trailingZeroBitCount
                    return versionCount == 0 ? 0 : dot &+ 1 &+ versionCount
                }
            }
        }
        var i = digitRunEnd(p, 3, n)
        guard i > 3, i < n, p[i] == Byte.dot else { return 0 }
        i += 1
        let versionStart = i
        i = digitRunEnd(p, i, n)
        return i > versionStart ? i : 0
    }

    /// Does `keyword` start at `i` (inside `0..<n`)?
    @inline(__always)
    static func at(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ keyword: StaticString) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard i + count <= n else { return false }
        let k = keyword.utf8Start
        for j in 0..<count where p[i + j] != k[j] { return false }
        return true
    }

    /// Read the whole input, or nil when it is not one of the lane's shapes (then the general grammar decides).
    @inline(__always)
    ///
    /// `inlined`: true (``HGVSParser/accepts(utf8:options:)``) reads the body in the caller's frame, where the
    /// record's fields stay in registers and unused ones vanish; false (`parse`, `parseCompact`, which keep the
    /// record) reads it in an outlined function that writes the record in place.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, inlined: Bool = false) -> LaneRecord? {
        let n = bytes.count
        guard n >= 10, n <= maximumLength, let p = bytes.baseAddress else { return nil }
        // rule: reference — `XX_digits.digits`, then `:` or a gene-symbol selector `(SYMBOL):`.
        var i = accessionEnd(p, n)
        guard i != 0, i + 3 < n else { return nil }
        var record = LaneRecord()
        record.accessionEnd = UInt16(truncatingIfNeeded: i)
        if p[i] == Byte.openParen {
            guard let end = selectorEnd(p, i + 1, n) else { return nil }
            record.selectorEnd = UInt16(truncatingIfNeeded: end)
            i = end + 1
            guard i + 3 < n else { return nil }
        }
        guard p[i] == Byte.colon, p[i + 2] == Byte.dot else { return nil }
        let letter = p[i + 1]
        i += 3
        switch letter {
        case UInt8(ascii: "c"): record.system = .coding
        case UInt8(ascii: "n"): record.system = .noncoding
        case UInt8(ascii: "g"): record.system = .genomic
        case UInt8(ascii: "m"): record.system = .mitochondrial
        case UInt8(ascii: "o"): record.system = .circular
        case UInt8(ascii: "p"):
            record.system = .protein
            if inlined { return protein(p, i, n, &record) ? record : nil }
            return proteinOutlined(p, i, n, &record) ? record : nil
        default: return nil
        }
        if inlined { return nucleotide(p, i, n, &record) ? record : nil }
        return nucleotideOutlined(p, i, n, &record) ? record : nil
    }

    /// ``nucleotide(_:_:_:_:)`` in a frame of its own (the record written through the pointer).
    @inline(never)
    static func nucleotideOutlined(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord
    ) -> Bool {
        nucleotide(p, i, n, &record)
    }

    /// ``protein(_:_:_:_:)`` in a frame of its own.
    @inline(never)
    static func proteinOutlined(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord) -> Bool {
        protein(p, i, n, &record)
    }

    /// `SYMBOL)` from `i`: an upper-case gene symbol (letters and digits, at least 2), not one the general grammar
    /// reads differently (`MT`, `ENS…`, `CHR…`); the offset of `)`.
    @inline(__always)
    static func selectorEnd(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int? {
        var i = start
        guard i < n, Byte.isUpper(p[i]) else { return nil }
        while i < n, Byte.isUpper(p[i]) || Byte.isDigit(p[i]) { i += 1 }
        guard i < n, p[i] == Byte.closeParen, i - start >= 2 else { return nil }
        let b0 = p[start]
        let b1 = p[start + 1]
        if b0 == UInt8(ascii: "M"), b1 == UInt8(ascii: "T"), i - start == 2 { return nil }
        if i - start >= 3 {
            let b2 = p[start + 2]
            if b0 == UInt8(ascii: "E"), b1 == UInt8(ascii: "N"), b2 == UInt8(ascii: "S") { return nil }
            if b0 == UInt8(ascii: "C"), b1 == UInt8(ascii: "H"), b2 == UInt8(ascii: "R") { return nil }
        }
        return i
    }

    /// One nucleotide position: `123`, and in c. `-12`, `*37`, in c./n. an offset `+5` / `-5`. False when none.
    @_transparent
    static func position(
        _ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, _ system: CoordinateSystem,
        _ position: inout LanePosition
    ) -> Bool {
        guard i < n else { return false }
        let b = p[i]
        if b == Byte.star || b == Byte.minus {
            guard system == .coding else { return false }
            position.flags = b == Byte.star ? 1 : 2
            i &+= 1
        }
        let start = i
        let count = digits(p, &i, n)
        guard count != 0 else { return false }
        position.start = UInt16(truncatingIfNeeded: start)
        position.count = count
        if system != .genomic && system != .mitochondrial && system != .circular, i < n {
            let sign = p[i]
            if sign == Byte.plus || sign == Byte.minus {
                i &+= 1
                let offsetCount = digits(p, &i, n)
                guard offsetCount != 0 else { return false }
                position.offsetCount = offsetCount
                position.flags |= sign == Byte.plus ? 4 : 8
            }
        }
        return true
    }

    /// rule: variant = loc na_edit — from `i` to the end.
    @_transparent
    static func nucleotide(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord) -> Bool {
        var i = i
        let system = record.system
        guard position(p, &i, n, system, &record.first), i < n else { return false }
        if p[i] == Byte.underscore {
            i += 1
            guard position(p, &i, n, system, &record.last), !record.first.isAfter(record.last, p, n), i < n else {
                return false
            }
            record.isRange = true
        }
        let b = p[i]
        let left = n - i
        switch b {
        case UInt8(ascii: "d"):
            if left == 3 {
                if p[i + 1] == UInt8(ascii: "e"), p[i + 2] == UInt8(ascii: "l") {
                    record.edit = .deletion
                    return true
                }
                if p[i + 1] == UInt8(ascii: "u"), p[i + 2] == UInt8(ascii: "p") {
                    record.edit = .duplication
                    return true
                }
                return false
            }
            guard left > 6, at(p, i, n, "delins") else { return false }
            record.edit = .deletionInsertion
            return bases(p, i + 6, n, &record)
        case UInt8(ascii: "i"):
            guard left >= 3, p[i + 1] == UInt8(ascii: "n") else { return false }
            if left == 3 {
                guard p[i + 2] == UInt8(ascii: "v") else { return false }
                record.edit = .inversion
                return true
            }
            guard p[i + 2] == UInt8(ascii: "s"), record.isRange else { return false }
            record.edit = .insertion
            return bases(p, i + 3, n, &record)
        case Byte.equals:
            guard left == 1 else { return false }
            record.edit = .identity
            return true
        default:
            guard left == 3, p[i + 1] == Byte.greater, Byte.isDNABase(b) else { return false }
            let alternative = p[i + 2]
            guard Byte.isDNABase(alternative), alternative != b else { return false }
            record.edit = .substitution
            record.base = b
            record.alternative = alternative
            return true
        }
    }

    /// Inserted bases from `i` to the end: upper-case IUPAC DNA, not a lone `N` (an unknown stretch).
    @inline(__always)
    static func bases(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord) -> Bool {
        guard i < n, !(p[i] == UInt8(ascii: "N") && i + 1 == n) else { return false }
        for k in i..<n where !Byte.isDNABase(p[k]) { return false }
        record.sequenceStart = UInt16(truncatingIfNeeded: i)
        record.sequenceEnd = UInt16(truncatingIfNeeded: n)
        return true
    }

    /// A residue position: `Gly1859`. False when none.
    @_transparent
    static func proteinPosition(
        _ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int, _ position: inout LanePosition
    ) -> Bool {
        let residue = residueCode(p, &i, n)
        guard residue != 0xFF else { return false }
        let start = i
        let count = digits(p, &i, n)
        guard count != 0 else { return false }
        position.residue = residue
        position.start = UInt16(truncatingIfNeeded: start)
        position.count = count
        return true
    }

    /// `Ter N` / `Ter?` ending at `n` into the record; `minimum` 2 after `fs` (`fsTer1` is a nonsense
    /// substitution), 1 after `ext`. False when it is not there.
    @inline(__always)
    static func stop(
        _ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, minimum: Int, _ record: inout LaneRecord
    ) -> Bool {
        guard i &+ 3 < n, p[i] == UInt8(ascii: "T"), p[i &+ 1] == UInt8(ascii: "e"), p[i &+ 2] == UInt8(ascii: "r")
        else { return false }
        var k = i &+ 3
        if p[k] == Byte.question {
            record.stopKind = 1
            return k &+ 1 == n
        }
        let start = k
        let count = digits(p, &k, n)
        // A single digit below `minimum` (only `1` < 2) is not a stop here.
        guard k == n, count != 0, count > 1 || Int(p[start] &- 48) >= minimum else { return false }
        record.stopKind = 2
        record.stopStart = UInt16(truncatingIfNeeded: start)
        record.stopCount = count
        return true
    }

    /// rule: p_variant — from `i` to the end, optionally in parentheses (predicted).
    @_transparent
    static func protein(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord) -> Bool {
        var i = i
        var n = n
        if i < n, p[i] == Byte.openParen {
            guard p[n - 1] == Byte.closeParen else { return false }
            record.predicted = true
            i += 1
            n -= 1
        }
        guard proteinPosition(p, &i, n, &record.first), i < n else { return false }
        if p[i] == Byte.underscore {
            i += 1
            guard proteinPosition(p, &i, n, &record.last),
                FastLane.compareRuns(
                    p, Int(record.first.start), record.first.count, Int(record.last.start), record.last.count, n)
                    <= 0, i < n
            else {
                return false
            }
            record.isRange = true
        }
        let b = p[i]
        let left = n - i
        record.base = 0xFF
        switch b {
        case Byte.equals:
            record.edit = .proteinIdentity
            return left == 1
        case Byte.question:
            record.edit = .proteinUnknown
            return left == 1
        case UInt8(ascii: "d"):
            if left == 3 {
                if p[i + 1] == UInt8(ascii: "e"), p[i + 2] == UInt8(ascii: "l") {
                    record.edit = .proteinDeletion
                    return true
                }
                if p[i + 1] == UInt8(ascii: "u"), p[i + 2] == UInt8(ascii: "p") {
                    record.edit = .proteinDuplication
                    return true
                }
                return false
            }
            guard left > 6, at(p, i, n, "delins") else { return false }
            record.edit = .proteinDeletionInsertion
            return residues(p, i + 6, n, &record)
        case UInt8(ascii: "i"):
            guard left > 3, record.isRange, p[i + 1] == UInt8(ascii: "n"), p[i + 2] == UInt8(ascii: "s") else {
                return false
            }
            record.edit = .proteinInsertion
            return residues(p, i + 3, n, &record)
        case UInt8(ascii: "f"):
            guard left >= 2, p[i + 1] == UInt8(ascii: "s") else { return false }
            record.edit = .proteinFrameshift
            if left == 2 { return true }
            return stop(p, i &+ 2, n, minimum: 2, &record)
        default:
            let residue = residueCode(p, &i, n)
            guard residue != 0xFF else { return false }
            record.base = residue
            if i == n {
                // `p.Leu54Leu` reads as `=` with a warning: the general grammar's.
                guard record.isRange || residue != record.first.residue else { return false }
                record.edit = .proteinSubstitution
                return true
            }
            if p[i] == UInt8(ascii: "f") {
                guard i + 1 < n, p[i + 1] == UInt8(ascii: "s"), residue != AminoAcid.ter.rawValue else { return false }
                record.edit = .proteinFrameshift
                if i &+ 2 == n { return true }
                return stop(p, i &+ 2, n, minimum: 2, &record)
            }
            guard at(p, i, n, "ext") else { return false }
            record.edit = .proteinExtension
            return stop(p, i &+ 3, n, minimum: 1, &record)
        }
    }

    /// Inserted residues from `i` to the end: three-letter codes, a stop only last, not a lone `Xaa`.
    @inline(__always)
    static func residues(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ record: inout LaneRecord) -> Bool {
        var k = i
        while k < n {
            let residue = residueCode(p, &k, n)
            guard residue != 0xFF else { return false }
            if residue == AminoAcid.ter.rawValue, k != n { return false }
            if residue == AminoAcid.xaa.rawValue, k == i + 3, k == n { return false }
        }
        guard k > i else { return false }
        record.sequenceStart = UInt16(truncatingIfNeeded: i)
        record.sequenceEnd = UInt16(truncatingIfNeeded: n)
        return true
    }
}

// MARK: - The syntax tree of a lane record

extension LaneRecord {
    /// The syntax tree the general grammar builds for the same input (`bytes` must be the bytes scanned).
    ///
    /// The description is built in a frame of its own, straight into its result; wrapping it in the expression
    /// here copies the result once (the enum's tag is stored in a temporary first), against twice when the whole
    /// tree was built in one frame.
    @inline(never)
    func parsed(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedExpression {
        ParsedExpression(expression: .description(variantDescription(bytes)), form: .hgvs)
    }

    /// The description of ``parsed(_:)``.
    @inline(never)
    func variantDescription(_ bytes: UnsafeBufferPointer<UInt8>) -> VariantDescription {
        let reference = specifier(bytes)
        switch system {
        case .coding, .noncoding, .rna:
            let variant = NucleotideVariant(
                location: isRange
                    ? Location(first.transcript(bytes), last.transcript(bytes)) : Location(first.transcript(bytes)),
                edit: nucleotideEdit(bytes))
            return VariantDescription(reference: reference, body: .transcript(system, .variant(variant)))
        case .genomic, .mitochondrial, .circular:
            let variant = NucleotideVariant(
                location: isRange
                    ? Location(first.genomic(bytes), last.genomic(bytes)) : Location(first.genomic(bytes)),
                edit: nucleotideEdit(bytes))
            return VariantDescription(reference: reference, body: .genomic(system, .variant(variant)))
        case .protein:
            let variant = ProteinVariant(
                location: isRange
                    ? Location(first.protein(bytes), last.protein(bytes)) : Location(first.protein(bytes)),
                edit: proteinEdit(bytes), predicted: predicted)
            return VariantDescription(reference: reference, body: .protein(.variant(variant)))
        }
    }

    @inline(__always)
    func specifier(_ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceSpecifier {
        let accession = Accession(
            bytes: UnsafeBufferPointer(rebasing: bytes[0..<Int(accessionEnd)]), kind: .refSeq)
        if selectorEnd == selectorStart { return ReferenceSpecifier(accession) }
        return ReferenceSpecifier(
            accession,
            selector: Accession(
                bytes: UnsafeBufferPointer(rebasing: bytes[Int(selectorStart)..<Int(selectorEnd)]), kind: .geneSymbol))
    }

    @inline(__always)
    func sequence(_ bytes: UnsafeBufferPointer<UInt8>) -> NucleotideSequence {
        NucleotideSequence(bytes: UnsafeBufferPointer(rebasing: bytes[Int(sequenceStart)..<Int(sequenceEnd)]))
    }

    func nucleotideEdit(_ bytes: UnsafeBufferPointer<UInt8>) -> NucleotideEdit {
        switch edit {
        case .substitution: .substitution(reference: base, alternative: alternative)
        case .deletion: .deletion(nil)
        case .duplication: .duplication(nil)
        case .inversion: .inversion(nil)
        case .insertion: .insertion(.single(.sequence(sequence(bytes), count: nil)))
        case .deletionInsertion:
            .deletionInsertion(deleted: nil, inserted: .single(.sequence(sequence(bytes), count: nil)))
        default: .identity(nil)
        }
    }

    /// The residues of an insertion or deletion-insertion.
    func insertedResidues(_ bytes: UnsafeBufferPointer<UInt8>) -> [AminoAcid] {
        var residues: [AminoAcid] = []
        residues.reserveCapacity(Int(sequenceEnd - sequenceStart) / 3)
        var k = Int(sequenceStart)
        while k + 2 < Int(sequenceEnd) {
            if let residue = AminoAcid.fromThreeLetter(bytes[k], bytes[k + 1], bytes[k + 2]) {
                residues.append(residue)
            }
            k += 3
        }
        return residues
    }

    func proteinEdit(_ bytes: UnsafeBufferPointer<UInt8>) -> ProteinEdit {
        let newResidue = AminoAcid(rawValue: base)
        let stopDistance: StopDistance? =
            switch stopKind {
            case 0: nil
            case 1: .unknown
            default: .position(Int(FastLane.value(bytes, Int(stopStart), stopCount)))
            }
        switch edit {
        case .proteinIdentity: return .identity
        case .proteinUnknown: return .unknown
        case .proteinDeletion: return .deletion
        case .proteinDuplication: return .duplication
        case .proteinInsertion: return .insertion(.residues(insertedResidues(bytes)))
        case .proteinDeletionInsertion: return .deletionInsertion(.residues(insertedResidues(bytes)))
        case .proteinFrameshift: return .frameshift(newResidue: newResidue, alternatives: [], stop: stopDistance)
        case .proteinExtension: return .extension(.cTerminal(newResidue: newResidue, stop: stopDistance))
        default: return .substitution(newResidue ?? .xaa)
        }
    }
}

extension AminoAcid {
    /// The residue of a raw value the lane stored (``FastLane/residueValues``: `Gly` → `.gly`); `.xaa` otherwise.
    @inline(__always)
    static func fromLane(_ raw: UInt8) -> AminoAcid {
        // The cases are 0..<26 in order (`ala` … `ter`), so a raw value below the count is a case.
        raw < UInt8(AminoAcid.ter.rawValue) &+ 1 ? unsafeBitCast(raw, to: AminoAcid.self) : .xaa
    }
}

extension FastLane {
    /// ``value(_:_:_:)`` over the scanned buffer (the syntax tree's numbers).
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: UInt8) -> Int32 {
        // The lane checked these bytes lie inside `bytes` (a record is only made from the bytes it scanned).
        guard let p = bytes.baseAddress, start + Int(count) <= bytes.count else { return 0 }
        return value(p, start, count)
    }
}

extension LanePosition {
    @inline(__always)
    func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let value = Int(FastLane.value(bytes, Int(start), count))
        return negative != 0 ? -value : value
    }

    @inline(__always) func genomic(_ bytes: UnsafeBufferPointer<UInt8>) -> GenomicPosition { .base(number(bytes)) }

    /// The position as ``TranscriptPosition`` stores it: the lane's flags bits 0 (`*N`: anchor `.cdsEnd`) and 2-3
    /// (offset `+k` / `-k`) are ``TranscriptPosition/storedKinds``'s; bit 1 (`-N`) is the base's sign.
    @inline(__always)
    func transcript(_ bytes: UnsafeBufferPointer<UInt8>) -> TranscriptPosition {
        let value = FastLane.value(bytes, Int(start), count)
        return TranscriptPosition(
            storedBase: negative != 0 ? -value : value, storedOffset: FastLane.value(bytes, offsetStart, offsetCount),
            storedKinds: flags & 0b1101)
    }

    @inline(__always)
    func protein(_ bytes: UnsafeBufferPointer<UInt8>) -> ProteinPosition {
        ProteinPosition(residue: AminoAcid.fromLane(residue), number: number(bytes))
    }
}

// MARK: - The compact entry

/// What ``HGVSParser/parseCompact(utf8:options:)`` returns: a trivial value (no storage to copy, retain or destroy)
/// that gives the full ``ParsedExpression`` on demand.
///
/// For the common shapes (`NM_003156.4:c.494C>A`, `NC_000001.11:g.101419787_101419821dup`,
/// `NP_003147.2:p.(Pro165Gln)`: what the fast lane reads) it holds byte offsets into the input and numbers, and
/// ``parsedExpression(utf8:)`` builds the tree from them. For everything else ``isCompact`` is false and
/// ``parsedExpression(utf8:)`` parses the input again with the general grammar. Either way the tree is the one
/// ``HGVSParser/parse(utf8:options:)`` returns for the same bytes.
///
/// ```swift
/// let compact = try HGVSParser.parseCompact(utf8: buffer)     // buffer holds "NM_003156.4:c.494C>A"
/// compact.isCompact                                           // true
/// try compact.parsedExpression(utf8: buffer).expression.hgvs() // "NM_003156.4:c.494C>A"
/// ```
public struct CompactParse: Sendable {
    @usableFromInline var record: LaneRecord
    /// The options of the general grammar when ``isCompact`` is false.
    @usableFromInline var options: ParserOptions
    /// True when the fast lane read the input: ``parsedExpression(utf8:)`` builds the tree without parsing again.
    public let isCompact: Bool

    @inline(__always)
    init(record: LaneRecord) {
        self.record = record
        self.options = .lenient
        self.isCompact = true
    }

    init(generalWith options: ParserOptions) {
        self.record = LaneRecord()
        self.options = options
        self.isCompact = false
    }

    /// The coordinate system of a compact result (`.coding` for `NM_003156.4:c.494C>A`); nil when not compact.
    public var coordinateSystem: CoordinateSystem? { isCompact ? record.system : nil }

    /// The accession's bytes in the input (`0..<11` for `NM_003156.4:c.494C>A`); nil when not compact.
    public var accessionRange: Range<Int>? { isCompact ? 0..<Int(record.accessionEnd) : nil }

    /// The parse result, equal to ``HGVSParser/parse(utf8:options:)``'s for the same input. `utf8` must hold the
    /// bytes ``HGVSParser/parseCompact(utf8:options:)`` read (a compact result is offsets into them).
    public func parsedExpression(utf8: UnsafeBufferPointer<UInt8>) throws(ParseError) -> ParsedExpression {
        if isCompact { return record.parsed(utf8) }
        return try HGVSParser.parseGeneral(utf8: utf8, options: options)
    }
}

extension HGVSParser {
    /// Parse one expression into a ``CompactParse``: throws exactly when ``parse(utf8:options:)`` throws (the same
    /// error), and ``CompactParse/parsedExpression(utf8:)`` gives the same tree.
    ///
    /// The fast lane's shapes (the common single variants: `NM_003156.4:c.494C>A`, `NP_003147.2:p.(Pro165Gln)`)
    /// cost one forward scan and build no tree: use it to check, count or index many descriptions and build trees
    /// only for the ones needed. Other inputs cost a full ``parse(utf8:options:)`` (the tree is built and dropped).
    ///
    /// ```swift
    /// let compact = try HGVSParser.parseCompact(utf8: buffer)  // "NM_003156.4:c.494C>A": compact, no tree yet
    /// ```
    public static func parseCompact(
        utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions = .lenient
    ) throws(ParseError) -> CompactParse {
        if !options.strict, laneEnabled, let record = FastLane.scan(utf8) { return CompactParse(record: record) }
        return try compactGeneral(utf8: utf8, options: options)
    }

    /// ``parseCompact(utf8:options:)`` for what the lane does not read: the general grammar, its tree dropped. In a
    /// frame of its own, so that the lane's path does not reserve stack for a tree it never builds.
    @inline(never)
    static func compactGeneral(
        utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions
    ) throws(ParseError)
        -> CompactParse
    {
        _ = try parseGeneral(utf8: utf8, options: options)
        return CompactParse(generalWith: options)
    }
}
