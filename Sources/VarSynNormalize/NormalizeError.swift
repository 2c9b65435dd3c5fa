import VarSynCore

/// Why an expression could not be normalized. Errors are values: a code, a message for people, and the details
/// a caller may act on (for a reference mismatch: where, what the input said, what the reference has).
///
/// Example: `NM_003156.3:c.494G>A` fails with `.referenceMismatch`, message
/// `NM_003156.3:c.494: the input states G but the reference is C`, `expected` "C", `found` "G".
public struct NormalizeError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Hashable, Sendable {
        /// The text is not a variant description the parser can read (the parse error is in `parseError`).
        case parse = "parse"
        /// The stated reference bases differ from the reference sequence.
        case referenceMismatch = "reference-mismatch"
        /// The accession (transcript, chromosome, segment, gene) is not in the reference data.
        case unknownReference = "unknown-reference"
        /// A position lies outside the reference or cannot be mapped (no alignment, no such exon or intron).
        case outOfBounds = "out-of-bounds"
        /// The construct is valid HGVS but this normalizer does not handle it (alleles, protein, copy number, …).
        case unsupported = "unsupported"
        /// The description is inconsistent (an insertion between non-adjacent positions, a range written 3'->5').
        case invalid = "invalid"
        /// The reference sequence needed is not in the reference data (no genome for intronic positions).
        case sequenceUnavailable = "sequence-unavailable"
    }

    public var code: Code
    public var message: String
    /// For `.referenceMismatch`: the reference bases.
    public var expected: String?
    /// For `.referenceMismatch`: the bases the input stated.
    public var found: String?
    /// For `.parse`: the parser's error, with its byte range.
    public var parseError: ParseError?

    public init(
        _ code: Code, _ message: String, expected: String? = nil, found: String? = nil, parseError: ParseError? = nil
    ) {
        self.code = code
        self.message = message
        self.expected = expected
        self.found = found
        self.parseError = parseError
    }

    public var description: String { message }
}
