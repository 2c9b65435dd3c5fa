// Read accessors over a compact parse for the protein fast paths: the p. substitution the fast lane read
// (`NP_003147.2:p.(Pro165Gln)`) as numbers, and accessions as a fixed-size key (``AccessionKey``), so a
// back-translation or a transcript lookup needs no syntax tree and no `String`.

/// An accession of at most 15 bytes as two words: a hashable key that costs no allocation, made from input bytes
/// (``init(utf8:)``) or from a parsed ``Accession`` (``Accession/key``), equal for the same text.
///
/// `NM_003156.3` -> bytes `NM_003156` in `low`, `.3` and the count 11 in `high`.
public struct AccessionKey: Hashable, Sendable {
    /// Bytes 0-7 (byte k at bits 8k).
    public let low: UInt64
    /// Bytes 8-14 in the low 7 bytes; the byte count in the top byte.
    public let high: UInt64

    @inlinable
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The key of `utf8` (1-15 bytes); nil when empty or longer. `NP_003147.2` -> a key.
    @inlinable @inline(__always)
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard !utf8.isEmpty, case .inline(let low, let high)? = CompactText.pack(utf8) else { return nil }
        self.init(low: low, high: high)
    }

    /// The number of bytes.
    @inlinable public var count: Int { Int(high >> 56) }

    /// Calls `body` with the accession's bytes (from the two words, no allocation).
    @inlinable @inline(__always)
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var words = (low, high)
        let count = self.count
        return withUnsafeBytes(of: &words) { raw in
            body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[0..<count]))
        }
    }
}

extension Accession {
    /// The accession's ``AccessionKey`` when its text fits one (at most 15 bytes): `NM_003156.3` -> a key;
    /// `ENST00000357033.8` (17 bytes) -> nil. The kind is not part of the key.
    @inlinable
    public var key: AccessionKey? {
        switch storedText {
        case .inline(let low, let high): return high >> 56 == 0 ? nil : AccessionKey(low: low, high: high)
        case .heap: return nil
        }
    }
}

/// A protein substitution at one residue, or `=` there, as the fast lane read it: `NP_003147.2:p.(Pro165Gln)` ->
/// accession bytes `0..<11`, residue 165, `Pro` -> `Gln`, predicted. For `p.Pro165=` the alternative is `Pro`.
public struct CompactProteinSubstitution: Sendable {
    /// The accession is bytes `0..<accessionEnd` of the input.
    public var accessionEnd: Int
    /// The residue number (1-based).
    public var number: Int
    /// The residue the input states.
    public var reference: AminoAcid
    /// The new residue (the reference residue for `=`).
    public var alternative: AminoAcid
    /// Written in parentheses (`p.(Pro165Gln)`).
    public var predicted: Bool
    /// `=` (identity), not a substitution.
    public var isIdentity: Bool

    @usableFromInline
    init(
        accessionEnd: Int, number: Int, reference: AminoAcid, alternative: AminoAcid, predicted: Bool,
        isIdentity: Bool
    ) {
        self.accessionEnd = accessionEnd
        self.number = number
        self.reference = reference
        self.alternative = alternative
        self.predicted = predicted
        self.isIdentity = isIdentity
    }
}

extension CompactParse {
    /// The p. substitution or `=` at one residue of a compact result on an accession without a selector
    /// (`NP_003147.2:p.(Pro165Gln)`, `NP_003147.2:p.Pro165=`); nil for anything else (other edits, ranges,
    /// selectors, other systems, results that are not compact). `utf8` must hold the bytes parsed.
    ///
    /// The syntax tree ``parsedExpression(utf8:)`` would build for the same input has exactly these parts.
    @inlinable @inline(__always)
    public func proteinSubstitution(utf8: UnsafeBufferPointer<UInt8>) -> CompactProteinSubstitution? {
        guard isCompact, record.system == .protein, !record.isRange, record.selectorEnd == 0,
            let reference = AminoAcid(rawValue: record.first.residue)
        else { return nil }
        let alternative: AminoAcid
        switch record.edit {
        case .proteinSubstitution:
            guard let residue = AminoAcid(rawValue: record.base) else { return nil }
            alternative = residue
        case .proteinIdentity: alternative = reference
        default: return nil
        }
        let number = Self.digitValue(utf8, Int(record.first.start), Int(record.first.count))
        guard number > 0 else { return nil }
        return CompactProteinSubstitution(
            accessionEnd: Int(record.accessionEnd), number: number, reference: reference, alternative: alternative,
            predicted: record.predicted, isIdentity: record.edit == .proteinIdentity)
    }
}

/// The c. variant of a compact parse on an accession without a selector: `NM_003156.3:c.494C>A` -> accession bytes
/// `0..<11`, variant `494C>A`.
public struct CompactCodingVariant: Sendable {
    /// The accession is bytes `0..<accessionEnd` of the input; 0 when the parse is not such a variant.
    public var accessionEnd: Int
    /// The variant, as the syntax tree holds it.
    public var variant: NucleotideVariant<TranscriptPosition>
}

extension CompactParse {
    /// The c. variant of a compact result on an accession without a selector, as the syntax tree holds it (the
    /// input to a c. -> p. consequence or a projection, without building the description around it):
    /// `NM_003156.3:c.494C>A` -> accession bytes `0..<11`, `494C>A`. Nil for other systems, selectors and results
    /// that are not compact: then ``CompactCodingVariant/accessionEnd`` is 0 (returned without an `Optional`
    /// around it, which the caller would copy the variant out of). `utf8` must hold the bytes parsed.
    public func codingVariant(utf8: UnsafeBufferPointer<UInt8>) -> CompactCodingVariant {
        guard isCompact, record.system == .coding, record.selectorEnd == 0 else {
            return CompactCodingVariant(
                accessionEnd: 0,
                variant: NucleotideVariant(location: Location(TranscriptPosition(base: 0)), edit: .identity(nil)))
        }
        let location =
            record.isRange
            ? Location(record.first.transcript(utf8), record.last.transcript(utf8))
            : Location(record.first.transcript(utf8))
        return CompactCodingVariant(
            accessionEnd: Int(record.accessionEnd),
            variant: NucleotideVariant(location: location, edit: record.nucleotideEdit(utf8)))
    }
}
