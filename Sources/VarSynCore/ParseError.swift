/// The tokens a parser could have accepted at the point it failed. A bit set, so building it never allocates.
///
/// Rendered as a readable list: `expected a nucleotide (A, C, G, T, …) or "="`.
public struct ExpectedTokens: OptionSet, Hashable, Sendable {
    public let rawValue: UInt64
    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static let reference = ExpectedTokens(rawValue: 1 << 0)
    public static let colon = ExpectedTokens(rawValue: 1 << 1)
    public static let coordinatePrefix = ExpectedTokens(rawValue: 1 << 2)
    public static let position = ExpectedTokens(rawValue: 1 << 3)
    public static let number = ExpectedTokens(rawValue: 1 << 4)
    public static let nucleotide = ExpectedTokens(rawValue: 1 << 5)
    public static let aminoAcid = ExpectedTokens(rawValue: 1 << 6)
    public static let edit = ExpectedTokens(rawValue: 1 << 7)
    public static let greaterThan = ExpectedTokens(rawValue: 1 << 8)
    public static let underscore = ExpectedTokens(rawValue: 1 << 9)
    public static let openParen = ExpectedTokens(rawValue: 1 << 10)
    public static let closeParen = ExpectedTokens(rawValue: 1 << 11)
    public static let openBracket = ExpectedTokens(rawValue: 1 << 12)
    public static let closeBracket = ExpectedTokens(rawValue: 1 << 13)
    public static let semicolon = ExpectedTokens(rawValue: 1 << 14)
    public static let endOfInput = ExpectedTokens(rawValue: 1 << 15)
    public static let offset = ExpectedTokens(rawValue: 1 << 16)
    public static let version = ExpectedTokens(rawValue: 1 << 17)
    public static let insertedSequence = ExpectedTokens(rawValue: 1 << 18)
    public static let count = ExpectedTokens(rawValue: 1 << 19)
    public static let equals = ExpectedTokens(rawValue: 1 << 20)
    public static let stop = ExpectedTokens(rawValue: 1 << 21)
    public static let selector = ExpectedTokens(rawValue: 1 << 22)
    public static let questionMark = ExpectedTokens(rawValue: 1 << 23)
    public static let keyword = ExpectedTokens(rawValue: 1 << 24)
    public static let text = ExpectedTokens(rawValue: 1 << 25)
    public static let proteinEdit = ExpectedTokens(rawValue: 1 << 26)

    /// Human-readable names, in a fixed order.
    public var names: [String] {
        var result: [String] = []
        for (flag, name) in ExpectedTokens.nameTable where contains(flag) {
            result.append(name)
        }
        return result
    }

    static let nameTable: [(ExpectedTokens, String)] = [
        (.reference, "a reference sequence (e.g. NM_003156.4)"),
        (.selector, "a selector accession or gene symbol"),
        (.version, "a version number after '.'"),
        (.colon, "':'"),
        (.coordinatePrefix, "a coordinate type (g. c. n. r. p. m. o.)"),
        (.position, "a position"),
        (.number, "a number"),
        (.offset, "an intronic offset (+N or -N)"),
        (.nucleotide, "a nucleotide (A, C, G, T, …)"),
        (.aminoAcid, "an amino acid (e.g. Pro or P)"),
        (.stop, "a stop (Ter or *)"),
        (.edit, "an edit (>, del, dup, ins, delins, inv, =, [n])"),
        (.proteinEdit, "a protein edit (an amino acid, del, dup, ins, delins, fs, ext, =, ?, [n])"),
        (.keyword, "a keyword"),
        (.greaterThan, "'>'"),
        (.equals, "'='"),
        (.underscore, "'_'"),
        (.openParen, "'('"),
        (.closeParen, "')'"),
        (.openBracket, "'['"),
        (.closeBracket, "']'"),
        (.semicolon, "';'"),
        (.insertedSequence, "an inserted sequence"),
        (.count, "a count"),
        (.questionMark, "'?'"),
        (.text, "a variant description"),
        (.endOfInput, "end of input"),
    ]
}

/// Why a parse failed. Stable identifiers for programs; the message says it for people.
public enum ParseErrorCode: String, Hashable, Sendable {
    /// A token was expected and something else was found.
    case unexpected = "unexpected"
    /// The input ended while more was expected.
    case unexpectedEnd = "unexpected-end"
    /// Text remains after a complete description.
    case trailingInput = "trailing-input"
    /// The input is empty or only white space.
    case empty = "empty"
    /// The input is not valid UTF-8.
    case invalidUTF8 = "invalid-utf8"
    /// `c.0`, `c.-0`, `c.*0`, `+0`: there is no position or offset 0.
    case zeroPosition = "zero-position"
    /// `c.10_5del`: a range must run 5' to 3'.
    case reversedRange = "reversed-range"
    /// A number too large to be a position.
    case numberTooLarge = "number-too-large"
    /// `p.Foo12Bar`: not an amino acid code.
    case unknownAminoAcid = "unknown-amino-acid"
    /// `c.123C>C`: substitution to the same base.
    case identicalSubstitution = "identical-substitution"
    /// `g.123insG`: an insertion needs two flanking positions.
    case insertionNeedsFlanks = "insertion-needs-flanks"
    /// A construct that parses but breaks an HGVS rule checked without a reference (strict mode).
    case invalidDescription = "invalid-description"
    /// Lenient-only notation rejected in strict mode.
    case notStandard = "not-standard"
    /// The input is longer than the parser accepts.
    case inputTooLong = "input-too-long"
}

/// A parse failure: where (a byte range into the UTF-8 input) and why (a code and the expected tokens).
///
/// Rendering is done in one place, ``render(input:)``:
/// ```
/// error: expected a nucleotide (A, C, G, T, …) after '>'
///   NM_003156.4:c.494C>
///                      ^
/// ```
public struct ParseError: Error, Hashable, Sendable {
    public var code: ParseErrorCode
    /// Byte offsets into the UTF-8 input, half-open; `start == end` marks a point (e.g. the end of input).
    public var start: Int
    public var end: Int
    public var expected: ExpectedTokens
    /// Extra detail for the message (`"there is no position 0"`), or empty.
    public var detail: String

    @inlinable
    public init(_ code: ParseErrorCode, start: Int, end: Int, expected: ExpectedTokens = [], detail: String = "") {
        self.code = code
        self.start = start
        self.end = end
        self.expected = expected
        self.detail = detail
    }
}
