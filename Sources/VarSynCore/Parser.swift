// The HGVS parser: recursive descent over UTF-8 bytes. The grammar it implements is Grammars/hgvs.ebnf;
// each parsing function names the rule it implements in its doc comment (`rule:`).
//
// No Foundation, no Character, no Substring: the parser reads an UnsafeBufferPointer<UInt8> and builds value
// types. A simple substitution with a short accession allocates nothing (Swift small strings hold <= 15 bytes).

/// Options for ``HGVSParser``.
public struct ParserOptions: Hashable, Sendable {
    /// Strict HGVS: reject shorthand and anything that would need a warning; apply the HGVS rules that can be
    /// checked without a reference sequence (see ``HGVSValidator``).
    public var strict: Bool

    @inlinable
    public init(strict: Bool = false) { self.strict = strict }

    /// Read standard HGVS and the shorthand people write; report non-standard notation as warnings and forms.
    public static let lenient = ParserOptions(strict: false)
    /// Standard HGVS only.
    public static let strict = ParserOptions(strict: true)
}

/// Parses HGVS variant descriptions and common shorthand.
///
/// ```swift
/// let parsed = try HGVSParser.parse("NM_003156.4:c.494C>A")
/// parsed.expression.hgvs()            // "NM_003156.4:c.494C>A"
/// try HGVSParser.parse("STIM1 P165Q").form   // .geneProtein
/// ```
/// ``HGVSParser/parse(utf8:options:)``'s body: a free function (no metatype argument for the optimizer to drop,
/// so no thunk in front of it).
@usableFromInline @inline(never)
func parseUTF8(_ utf8: UnsafeBufferPointer<UInt8>, _ options: ParserOptions) throws(ParseError) -> ParsedExpression {
    // The fast lane first: the common shapes, read by one forward scan into a trivial record (FastLane.swift).
    if !options.strict, HGVSParser.laneEnabled, let record = FastLane.scan(utf8) { return record.parsed(utf8) }
    return try HGVSParser.parseGeneral(utf8: utf8, options: options)
}

public enum HGVSParser {
    /// The longest input accepted, in bytes.
    public static let maximumLength = 1 << 20

    /// Parse one expression given as UTF-8 bytes. Byte offsets in errors and warnings index into `utf8`.
    ///
    /// ```swift
    /// try HGVSParser.parse(utf8: buffer).expression.hgvs()   // buffer holds "NM_003156.4:c.494C>A"
    /// ```
    @inlinable
    public static func parse(
        utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions = .lenient
    ) throws(ParseError)
        -> ParsedExpression
    {
        // Inlined into the caller, so that the result passes through one frame fewer: a static method's unused
        // metatype argument made the optimizer split it into a thunk and a body, and each frame copied the
        // 184-byte result once more (two `memcpy` calls per parse).
        try parseUTF8(utf8, options)
    }

    /// ``parse(utf8:options:)`` without the fast lane: the general grammar alone (what the lane is tested against).
    @inline(never)
    static func parseGeneral(
        utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions
    ) throws(ParseError)
        -> ParsedExpression
    {
        try checkLength(utf8)
        // Fast path: standard HGVS.
        var parser = Parser(utf8, options: options)
        let strictError: ParseError
        do {
            let expression = try parser.parseWholeExpression()
            if options.strict {
                let reading = Reading(expression: expression, form: parser.form, warnings: parser.warnings)
                try HGVSValidator.check(reading, input: utf8)
                return ParsedExpression(reading: reading)
            }
            if parser.sawOneLetterX || parser.warningCount != 0 {
                var reading = Reading(expression: expression, form: parser.form, warnings: parser.warnings)
                var others: [Reading] = []
                ShorthandReader.addLegacyReadings(&reading, &others, parser: parser)
                return ParsedExpression(reading: reading, otherReadings: others)
            }
            return ParsedExpression(expression: consume expression, form: parser.form)
        } catch {
            strictError = error
        }
        return try parseNonStandard(utf8, options: options, hgvsError: strictError)
    }

    /// True exactly when ``parse(utf8:options:)`` returns a result (does not throw) for the same input and options.
    ///
    /// The fast lane first (FastLane.swift: the common shapes, one forward scan, nothing built); then the same
    /// parser, only the result is not wrapped in a ``ParsedExpression``. In lenient mode a standard
    /// description that reads is accepted at once (``parse(utf8:options:)`` returns it whatever its warnings);
    /// everything else (strict validation, the shorthand front end) runs ``parse(utf8:options:)`` itself.
    /// What `varsyn parse --count` counts.
    ///
    /// ```swift
    /// HGVSParser.accepts(utf8: buffer)   // true for "NM_003156.4:c.494C>A" and "STIM1 P165Q", false for "c.494C>"
    /// ```
    public static func accepts(utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions = .lenient) -> Bool {
        if !options.strict, laneEnabled, FastLane.scan(utf8, inlined: true) != nil { return true }
        return acceptsGeneral(utf8: utf8, options: options)
    }

    /// ``accepts(utf8:options:)`` without the fast lane.
    @inline(never)
    static func acceptsGeneral(utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions) -> Bool {
        if !options.strict, utf8.count <= maximumLength {
            var parser = Parser(utf8, options: options)
            do {
                try parser.parseWholeExpression(AcceptBuilder.self)
                return true
            } catch {}
        }
        return (try? parse(utf8: utf8, options: options)) != nil
    }

    /// False while a debug build records the grammar rules entered (the lane enters none of them).
    @inline(__always)
    static var laneEnabled: Bool {
        #if DEBUG
            return RuleTrace.current == nil
        #else
            return true
        #endif
    }

    @inline(__always)
    static func checkLength(_ utf8: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        guard utf8.count <= maximumLength else {
            throw ParseError(.inputTooLong, start: 0, end: utf8.count, detail: "longer than \(maximumLength) bytes")
        }
    }

    /// After the standard grammar failed: white space only, invalid UTF-8, then (lenient) the shorthand front end.
    @inline(never)
    static func parseNonStandard(
        _ utf8: UnsafeBufferPointer<UInt8>, options: ParserOptions, hgvsError strictError: ParseError
    ) throws(ParseError) -> ParsedExpression {
        if !utf8.isEmpty, utf8.allSatisfy({ $0 == Byte.space || $0 == 0x09 }) {
            throw ParseError(
                .empty, start: 0, end: utf8.count, expected: .text, detail: "the input is only white space")
        }
        if let invalid = UTF8Validation.firstInvalidByte(utf8) {
            throw ParseError(.invalidUTF8, start: invalid, end: invalid + 1, detail: "the input is not valid UTF-8")
        }
        if options.strict { throw strictError }
        // Shorthand front end: every reading, ranked; the error that got furthest when none reads.
        return try ShorthandReader.parse(utf8, hgvsError: strictError)
    }

    /// Parse one expression.
    public static func parse(_ text: String, options: ParserOptions = .lenient) throws(ParseError) -> ParsedExpression {
        var text = text
        do {
            return try text.withUTF8 { (buffer) throws(ParseError) -> ParsedExpression in
                try parse(utf8: buffer, options: options)
            }
        } catch let error as ParseError {
            throw error
        } catch {
            // withUTF8 only rethrows the closure's error.
            throw ParseError(.unexpected, start: 0, end: 0)
        }
    }
}

// MARK: - Byte classes

@usableFromInline
enum Byte {
    static let colon = UInt8(ascii: ":")
    static let dot = UInt8(ascii: ".")
    static let underscore = UInt8(ascii: "_")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let caret = UInt8(ascii: "^")
    static let plus = UInt8(ascii: "+")
    static let minus = UInt8(ascii: "-")
    static let star = UInt8(ascii: "*")
    static let question = UInt8(ascii: "?")
    static let equals = UInt8(ascii: "=")
    static let greater = UInt8(ascii: ">")
    static let slash = UInt8(ascii: "/")
    static let pipe = UInt8(ascii: "|")
    static let space = UInt8(ascii: " ")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 48 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 65 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 97 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// IUPAC DNA codes, upper case: A C G T R Y S W K M B D H V N.
    @inline(__always) static func isDNABase(_ b: UInt8) -> Bool {
        switch b {
        case 65, 67, 71, 84, 82, 89, 83, 87, 75, 77, 66, 68, 72, 86, 78: true
        default: false
        }
    }

    /// IUPAC RNA codes, lower case: a c g u r y s w k m b d h v n.
    @inline(__always) static func isRNABase(_ b: UInt8) -> Bool {
        switch b {
        case 97, 99, 103, 117, 114, 121, 115, 119, 107, 109, 98, 100, 104, 118, 110: true
        default: false
        }
    }
}

// MARK: - Parser state

/// The recursive-descent parser over one input. Internal; use ``HGVSParser``.
struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let options: ParserOptions
    /// The warnings so far; nil while there are none (the common case: a parser that ends without warnings then
    /// has no array to release).
    var storedWarnings: Optional<[ParseWarning]> = nil
    var form: NotationForm = .hgvs
    /// Set when a one-letter `X` was read as a residue (a legacy text may mean stop).
    var sawOneLetterX = false
    /// The coordinate system of the body being parsed.
    var system: CoordinateSystem = .genomic
    /// The end of the region being parsed (the input end, or a shorthand slice end).
    let limit: Int
    /// Inside a copied segment of another reference a range may run toward pter (`g.36969141_pterinv`).
    var allowReversedRange = false
    /// Inside `[ACC:…;ACC:…]` a `;` followed by `ACC:` starts the next description.
    var inDescriptionList = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, options: ParserOptions, start: Int = 0, limit: Int? = nil) {
        self.bytes = bytes
        self.index = start
        self.options = options
        self.limit = limit ?? bytes.count
    }

    // MARK: Cursor primitives

    @inline(__always) var atEnd: Bool { index >= limit }

    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8? {
        let i = index + ahead
        return i < limit ? bytes[i] : nil
    }

    @inline(__always) mutating func consume(_ byte: UInt8) -> Bool {
        if index < limit, bytes[index] == byte {
            index += 1
            return true
        }
        return false
    }

    /// Consume an ASCII keyword if it is next.
    @inline(__always) mutating func consume(_ keyword: StaticString) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard index + count <= limit else { return false }
        let start = keyword.utf8Start
        for k in 0..<count where bytes[index + k] != start[k] {
            return false
        }
        index += count
        return true
    }

    @inline(__always) func lookingAt(_ keyword: StaticString) -> Bool {
        let count = keyword.utf8CodeUnitCount
        guard index + count <= limit else { return false }
        let start = keyword.utf8Start
        for k in 0..<count where bytes[index + k] != start[k] {
            return false
        }
        return true
    }

    func error(_ expected: ExpectedTokens, at position: Int? = nil, detail: String = "") -> ParseError {
        let at = position ?? index
        if at >= limit {
            return ParseError(.unexpectedEnd, start: at, end: at, expected: expected, detail: detail)
        }
        return ParseError(
            .unexpected, start: at, end: min(at + UTF8Validation.scalarLength(bytes, at), limit),
            expected: expected, detail: detail)
    }

    mutating func expect(_ byte: UInt8, _ token: ExpectedTokens) throws(ParseError) {
        guard consume(byte) else { throw error(token) }
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    mutating func warn(_ code: ParseWarning.Code, _ start: Int, _ end: Int) {
        var list = storedWarnings ?? []
        storedWarnings = nil
        list.append(ParseWarning(code, start: start, end: end))
        storedWarnings = list
    }

    /// The warnings so far (`c.52insT` in lenient mode: `.singlePositionInsertion`).
    var warnings: [ParseWarning] { storedWarnings ?? [] }

    @inline(__always) var warningCount: Int { storedWarnings?.count ?? 0 }

    /// Forget the warnings from `count` on (backtracking).
    @inline(__always)
    mutating func dropWarnings(from count: Int) {
        guard let list = storedWarnings, list.count > count else { return }
        storedWarnings = count == 0 ? nil : Array(list[..<count])
    }

    // MARK: Numbers

    /// The end of the run of ASCII digits starting at `i` (`i` itself when none), not beyond `end` (<= `limit`).
    ///
    /// Eight bytes at a time while they lie inside the input: in `NM_003156.4` the run `003156` takes one step.
    @inline(__always)
    func digitRunEnd(from i: Int, to end: Int) -> Int {
        var i = i
        if let base = bytes.baseAddress {
            while i + 8 <= end {
                // x = byte ^ '0': a digit becomes 0-9. A byte is flagged (high bit) when x >= 10 (x + 0x76 carries
                // into the high bit) or x >= 0x80. Carries only run upward, so the lowest flagged byte is exact.
                let x =
                    UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    ^ 0x3030_3030_3030_3030
                let flagged = ((x &+ 0x7676_7676_7676_7676) | x) & 0x8080_8080_8080_8080
                if flagged != 0 { return i + flagged.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < end, Byte.isDigit(bytes[i]) { i += 1 }
        return i
    }

    /// rule: number = nonzero_digit digit*. Returns the value; `c.0` fails with `.zeroPosition`.
    mutating func parseNumber(allowZero: Bool = false) throws(ParseError) -> Int {
        trace(.number)
        let start = index
        // At most 12 digits: the loop stops there and a 13th digit is an error below (no overflow check per digit).
        let end = min(limit, start + 12)
        var i = start
        var value = 0
        while i < end {
            let digit = bytes[i] &- 48
            if digit >= 10 { break }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        if i == end, end < limit, Byte.isDigit(bytes[end]) {
            index = end
            throw ParseError(
                .numberTooLarge, start: start, end: end + 1, expected: [],
                detail: "a position has at most 12 digits")
        }
        index = i
        if i == start { throw error(.number) }
        if !allowZero, value == 0 {
            throw ParseError(.zeroPosition, start: start, end: index, detail: "there is no position 0")
        }
        if !allowZero, bytes[start] == 48 {
            throw ParseError(
                .unexpected, start: start, end: index, expected: .number,
                detail: "a number has no leading zero")
        }
        return value
    }
}

// MARK: - UTF-8 helpers

enum UTF8Validation {
    /// The offset of the first byte that does not begin a valid UTF-8 scalar, or nil.
    static func firstInvalidByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    /// Length in bytes of the scalar starting at `i` (1 for invalid bytes).
    static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard i + length <= bytes.count else { return 1 }
        for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 {
            return 1
        }
        return length
    }
}
