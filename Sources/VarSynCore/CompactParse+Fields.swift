// Read access to a compact parse's fields (the fast lane's record), for callers that act on the common shapes
// without building a syntax tree: `NM_003156.4:c.494C>A` has accession bytes 0..<11, system `.coding`, edit
// `.substitution` with bases `C` > `A`, first position 494. Every accessor answers for a compact result only
// (``CompactParse/isCompact``); the numbers are read from the input bytes, which must be the bytes parsed.

extension CompactParse {
    /// The nucleotide edits a compact result can hold (protein edits are ``protein``).
    public enum Edit: UInt8, Sendable {
        case substitution, deletion, duplication, inversion, insertion, deletionInsertion, identity
        /// Any p. edit (read the tree for its details).
        case protein
    }

    /// One nucleotide position of a compact result: `-13` is number -13, `*37` is number 37 after the CDS end,
    /// `976+113` is number 976 with offset 113, `976-12` offset -12.
    public struct Position: Sendable, Equatable {
        /// The base number (negative for `c.-N`).
        public var number: Int
        /// The intronic offset (0 when none).
        public var offset: Int
        /// `*N`: counted from the end of the CDS.
        public var afterCDSEnd: Bool

        @inlinable
        public init(number: Int, offset: Int, afterCDSEnd: Bool) {
            self.number = number
            self.offset = offset
            self.afterCDSEnd = afterCDSEnd
        }
    }

    /// The edit of a compact result (`.substitution` for `NM_003156.4:c.494C>A`); nil when not compact.
    @inlinable @inline(__always)
    public var edit: Edit? {
        guard isCompact else { return nil }
        switch record.edit {
        case .substitution: return .substitution
        case .deletion: return .deletion
        case .duplication: return .duplication
        case .inversion: return .inversion
        case .insertion: return .insertion
        case .deletionInsertion: return .deletionInsertion
        case .identity: return .identity
        default: return .protein
        }
    }

    /// Whether the location is a range (`c.494_495delinsAG`); false when not compact.
    @inlinable
    public var isRange: Bool { isCompact && record.isRange }

    /// The gene-symbol selector's bytes (`15..<21` for `NM_283169423.5(COL1A1):c.4002T>G`); nil when there is none
    /// or the result is not compact. (The lane reads gene-symbol selectors only.)
    @inlinable
    public var selectorRange: Range<Int>? {
        // The selector starts right after the accession's `(`; selectorEnd is 0 when there is none.
        guard isCompact, record.selectorEnd != 0 else { return nil }
        return (Int(record.accessionEnd) + 1)..<Int(record.selectorEnd)
    }

    /// The reference and the new base of a nucleotide substitution (`C`, `A` for `c.494C>A`), as UTF-8 bytes.
    @inlinable
    public var substitutionBases: (reference: UInt8, alternative: UInt8)? {
        guard isCompact, record.edit == .substitution else { return nil }
        return (record.base, record.alternative)
    }

    /// The bytes of the inserted bases of an insertion or deletion-insertion (`24..<26`, the `AG` of
    /// `NM_003156.4:c.494_495insAG`); nil for other edits or when not compact.
    @inlinable
    public var insertedRange: Range<Int>? {
        guard isCompact, record.edit == .insertion || record.edit == .deletionInsertion else { return nil }
        return Int(record.sequenceStart)..<Int(record.sequenceEnd)
    }

    /// The first (or only) nucleotide position (`494` for `NM_003156.4:c.494C>A`); nil when not compact or a
    /// protein result. `utf8` must be the bytes parsed.
    @inlinable @inline(__always)
    public func firstPosition(utf8: UnsafeBufferPointer<UInt8>) -> Position? {
        guard isCompact, record.system != .protein else { return nil }
        return Self.position(record.first, utf8)
    }

    /// The last position of a range (`495` for `NM_003156.4:c.494_495delinsAG`); nil when not a range, not compact
    /// or a protein result. `utf8` must be the bytes parsed.
    @inlinable @inline(__always)
    public func lastPosition(utf8: UnsafeBufferPointer<UInt8>) -> Position? {
        guard isCompact, record.isRange, record.system != .protein else { return nil }
        return Self.position(record.last, utf8)
    }

    @inlinable @inline(__always)
    static func position(_ p: LanePosition, _ utf8: UnsafeBufferPointer<UInt8>) -> Position {
        // flags: bit 0 `*N`, bit 1 `c.-N`, bits 2-3 the offset (0 none, 1 `+k`, 2 `-k`), whose digits follow the
        // number and its sign.
        let flags = p.flags
        let number = digitValue(utf8, Int(p.start), Int(p.count))
        let offset = digitValue(utf8, Int(p.start) &+ Int(p.count) &+ 1, Int(p.offsetCount))
        return Position(
            number: flags & 2 != 0 ? -number : number, offset: flags &>> 2 == 2 ? -offset : offset,
            afterCDSEnd: flags & 1 != 0)
    }

    /// The value of the digits `start ..< start + count` (validated by the lane: at most 9 digits), 0 when the
    /// range is empty or outside `utf8`.
    @inlinable @inline(__always)
    static func digitValue(_ utf8: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int {
        guard count > 0, start >= 0, start &+ count <= utf8.count, let p = utf8.baseAddress else { return 0 }
        var value = 0
        for k in start..<(start &+ count) { value = value &* 10 &+ Int(p[k] &- 48) }
        return value
    }
}

extension HGVSParser {
    /// The fast lane alone: a compact result when the lane reads `utf8` (the common shapes, see
    /// ``parseCompact(utf8:options:)``), nil otherwise, without running the general grammar (then call
    /// ``parse(utf8:options:)``, which also decides whether the input is valid). A non-nil result is what
    /// ``parseCompact(utf8:options:)`` returns for the same bytes with lenient options.
    ///
    /// ```swift
    /// HGVSParser.parseLane(utf8: buffer)?.edit   // .substitution for "NM_003156.4:c.494C>A"
    /// HGVSParser.parseLane(utf8: other)          // nil for "NM_003156.4:c.[494C>A;500del]"
    /// ```
    public static func parseLane(utf8: UnsafeBufferPointer<UInt8>) -> CompactParse? {
        guard laneEnabled, let record = FastLane.scan(utf8) else { return nil }
        return CompactParse(record: record)
    }
}
