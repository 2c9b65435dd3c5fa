// Coordinate systems are types: a genomic position cannot be passed where a transcript position is expected.

/// The coordinate type prefix of a description body.
///
/// `NC_000011.10:g.4055634C>A` is `.genomic`; `NM_003156.3:c.494C>A` is `.coding`.
public enum CoordinateSystem: UInt8, Hashable, Sendable, CaseIterable {
    /// `g.` linear genomic reference.
    case genomic
    /// `m.` mitochondrial genome (circular).
    case mitochondrial
    /// `o.` any other circular genomic reference.
    case circular
    /// `c.` coding transcript: numbered from the A of the ATG.
    case coding
    /// `n.` non-coding transcript: numbered from the first transcribed base.
    case noncoding
    /// `r.` RNA: c. or n. numbering, lower-case bases.
    case rna
    /// `p.` protein: residue numbers of the primary translation product.
    case protein

    /// The prefix letter without the dot: `g`, `m`, `o`, `c`, `n`, `r`, `p`.
    public var letter: String {
        switch self {
        case .genomic: "g"
        case .mitochondrial: "m"
        case .circular: "o"
        case .coding: "c"
        case .noncoding: "n"
        case .rna: "r"
        case .protein: "p"
        }
    }

    /// Genomic-style systems (`g.`, `m.`, `o.`) number positions 1...length with no offsets.
    public var isGenomic: Bool { self == .genomic || self == .mitochondrial || self == .circular }
    /// Transcript-style systems (`c.`, `n.`, `r.`) allow intronic offsets.
    public var isTranscript: Bool { self == .coding || self == .noncoding || self == .rna }
    /// Circular references allow a range across the origin written end < start (`m.16563_13del`).
    public var isCircular: Bool { self == .mitochondrial || self == .circular }
}

/// A position on a genomic (`g.`), mitochondrial (`m.`) or circular (`o.`) reference.
///
/// Base: 1-based, inclusive; `g.1` is the first base of the reference.
/// Example: `NC_000011.10:g.4055634C>A` has position `.base(4055634)`; `g.pter_qter[2]` uses `.pter`, `.qter`.
public enum GenomicPosition: Hashable, Sendable {
    /// A known base number, >= 1.
    case base(Int)
    /// `?`: unknown position.
    case unknown
    /// `pter`: the end of the short arm (ISCN extension).
    case pter
    /// `qter`: the end of the long arm (ISCN extension).
    case qter
    /// `cen`: the centromere (ISCN extension).
    case centromere
}

/// An intronic (or flanking) offset from the nearest exon base: `c.93+1`, `c.94-2`, `c.4072-?`.
public enum IntronOffset: Hashable, Sendable {
    /// No offset: an exonic (transcribed) position.
    case none
    /// `+k`: k bases downstream of the exon end (`nil` = `+?`).
    case downstream(Int?)
    /// `-k`: k bases upstream of the exon start (`nil` = `-?`).
    case upstream(Int?)

    /// The signed offset, or nil when it is unknown (`?`); 0 for `.none`.
    public var signedValue: Int? {
        switch self {
        case .none: 0
        case .downstream(let k): k
        case .upstream(let k): k.map { -$0 }
        }
    }
}

/// A position on a transcript (`c.`, `n.`, `r.`).
///
/// Base: 1-based, no zero. For `c.` the base counts from the A of the start codon (`c.1`); negative bases
/// are 5' UTR (`c.-14` is 14 bases before `c.1`); `.cdsEnd` bases count after the stop codon (`c.*32`).
/// For `n.` the base counts from the first transcribed base. `offset` moves into an intron:
/// `NC_000023.10(NM_004006.2):c.357+1G>A` is base 357, offset `+1`.
public struct TranscriptPosition: Hashable, Sendable {
    /// What `base` counts from.
    public enum Anchor: Hashable, Sendable {
        /// `c.N` / `c.-N` (from the CDS start) or `n.N` (from the transcript start).
        case start
        /// `c.*N`: counted from the last base of the stop codon.
        case cdsEnd
        /// Legacy `IVS2+1`: counted from intron 2's boundary; `base` is unused (nil), `offset` gives the distance.
        case intron(Int)
        /// Legacy exon-level `EX2`, `exon 2`: the whole exon 2; `base` is nil, `offset` is `.none`.
        case exon(Int)
    }

    // Stored compactly (16 bytes) because positions are copied on every parse; read through the properties.
    @usableFromInline var storedBase: Int32  // Int32.min = unknown
    @usableFromInline var storedOffset: Int32
    @usableFromInline var storedAnchorNumber: Int32
    /// bits 0-1 anchor (start, cdsEnd, intron, exon); bits 2-3 offset (none, downstream, upstream); bit 4 offset unknown.
    @usableFromInline var storedKinds: UInt8

    /// What `base` counts from.
    @inlinable public var anchor: Anchor {
        get {
            switch storedKinds & 3 {
            case 0: .start
            case 1: .cdsEnd
            case 2: .intron(Int(storedAnchorNumber))
            default: .exon(Int(storedAnchorNumber))
            }
        }
        set {
            let kind: UInt8
            switch newValue {
            case .start: kind = 0; storedAnchorNumber = 0
            case .cdsEnd: kind = 1; storedAnchorNumber = 0
            case .intron(let n): kind = 2; storedAnchorNumber = Int32(clamping: n)
            case .exon(let n): kind = 3; storedAnchorNumber = Int32(clamping: n)
            }
            storedKinds = storedKinds & ~3 | kind
        }
    }

    /// The base number; nil means `?` (unknown). Never 0.
    @inlinable public var base: Int? {
        get { storedBase == Int32.min ? nil : Int(storedBase) }
        set { storedBase = newValue.map { Int32(clamping: $0) } ?? Int32.min }
    }

    /// The intronic offset.
    @inlinable public var offset: IntronOffset {
        get {
            let distance: Int? = storedKinds & 16 != 0 ? nil : Int(storedOffset)
            switch (storedKinds >> 2) & 3 {
            case 1: return .downstream(distance)
            case 2: return .upstream(distance)
            default: return .none
            }
        }
        set {
            var kinds = storedKinds & 3
            switch newValue {
            case .none: storedOffset = 0
            case .downstream(let k):
                kinds |= 1 << 2; storedOffset = Int32(clamping: k ?? 0); if k == nil { kinds |= 16 }
            case .upstream(let k): kinds |= 2 << 2; storedOffset = Int32(clamping: k ?? 0); if k == nil { kinds |= 16 }
            }
            storedKinds = kinds
        }
    }

    /// Transcript positions are limited to this magnitude (base and offset).
    public static let maximumMagnitude = Int(Int32.max)

    /// The stored fields as they are (the fast lane's positions: `NM_004006.2:c.93+1G>T`, anchor start, base 93,
    /// offset +1): `kinds` as ``storedKinds`` (bits 0-1 the anchor, 2-3 the offset's direction), no anchor number.
    @inline(__always)
    init(storedBase: Int32, storedOffset: Int32, storedKinds: UInt8) {
        self.storedBase = storedBase
        self.storedOffset = storedOffset
        self.storedAnchorNumber = 0
        self.storedKinds = storedKinds
    }

    @inlinable
    public init(anchor: Anchor = .start, base: Int?, offset: IntronOffset = .none) {
        storedBase = Int32.min
        storedOffset = 0
        storedAnchorNumber = 0
        storedKinds = 0
        self.anchor = anchor
        self.base = base
        self.offset = offset
    }

    /// The intronic position `delta` bases along the transcript: `c.1146+25` by 1 is `c.1146+26`, `c.357-1` by 1 is
    /// `c.357`. Nil for an exonic or legacy-anchored position, an unknown base or offset, or one that would cross
    /// to the other side of its anchor base.
    func offsetNeighbour(_ delta: Int) -> TranscriptPosition? {
        switch anchor {
        case .start, .cdsEnd: break
        case .intron, .exon: return nil
        }
        guard base != nil, let signed = offset.signedValue, signed != 0 else { return nil }
        let moved = signed + delta
        if moved == 0 { return TranscriptPosition(anchor: anchor, base: base, offset: .none) }
        guard (moved > 0) == (signed > 0), abs(moved) <= Self.maximumMagnitude else { return nil }
        return TranscriptPosition(
            anchor: anchor, base: base, offset: moved > 0 ? .downstream(moved) : .upstream(-moved))
    }

    /// `c.118-119`: an upstream offset larger than its (positive) base, as legacy text writes the range `118_119`
    /// (`118-119insA`, `c.1558-1559insA` in tmVar1). Not widened as a single intronic position.
    var looksLikeLegacyRange: Bool {
        guard case .start = anchor, let n = base, n > 0, case .upstream(let k?) = offset else { return false }
        return k > n
    }

    /// True when the position lies in an intron or outside the transcribed bases (has an offset).
    public var isIntronic: Bool {
        if case .none = offset { return false }
        return true
    }
}

/// A residue position on a protein: `Trp24` in `NP_003997.1:p.Trp24Cys`, `Ter110` in `p.Ter110GlnextTer17`.
///
/// Base: 1-based; `p.1` is the initiating Met.
public struct ProteinPosition: Hashable, Sendable {
    public var residue: AminoAcid
    @usableFromInline var storedNumber: Int32  // Int32.min = not given

    /// The residue number; nil only in the position-less repeat shorthand of running text (`p.Gln[21]`).
    @inlinable public var number: Int? {
        get { storedNumber == Int32.min ? nil : Int(storedNumber) }
        set { storedNumber = newValue.map { Int32(clamping: $0) } ?? Int32.min }
    }

    @inlinable
    public init(residue: AminoAcid, number: Int?) {
        self.residue = residue
        self.storedNumber = number.map { Int32(clamping: $0) } ?? Int32.min
    }
}

/// One end of a location: exact, or somewhere between two positions.
///
/// `g.(31060227_31100351)_(33274278_33417151)del` has two `.uncertain` ends;
/// `p.(Gln18)[(70_80)]` has a `.parenthesized` single position.
public enum Breakpoint<Position> {
    case exact(Position)
    /// `(a_b)`: somewhere from `a` to `b`. Stored inline, not boxed: a box made every location (and every
    /// variant holding one) a non-trivial value, destroyed through generic value witnesses on every parse; inline,
    /// a location of trivial positions is trivial (copied as bytes, nothing to destroy).
    case uncertain(Position, Position)
    /// `(a)`: a single position in parentheses (protein repeat predictions).
    case parenthesized(Position)

    /// The 5'-most position named.
    public var first: Position {
        switch self {
        case .exact(let p), .parenthesized(let p): p
        case .uncertain(let a, _): a
        }
    }

    /// The 3'-most position named.
    public var last: Position {
        switch self {
        case .exact(let p), .parenthesized(let p): p
        case .uncertain(_, let b): b
        }
    }
}

/// Where an edit applies: one position, or a range `start_end`.
///
/// `c.4072-1234_5155-246del` is a range; `c.(222_226)insG` is a single uncertain span;
/// `g.(?_31120496)_(33339477_?)del` is a range of two uncertain ends.
public struct Location<Position> {
    public var start: Breakpoint<Position>
    /// nil for a single position or a single uncertain span.
    public var end: Breakpoint<Position>?

    @inlinable
    public init(start: Breakpoint<Position>, end: Breakpoint<Position>? = nil) {
        self.start = start
        self.end = end
    }

    @inlinable
    public init(_ position: Position) {
        self.start = .exact(position)
        self.end = nil
    }

    @inlinable
    public init(_ first: Position, _ last: Position) {
        self.start = .exact(first)
        self.end = .exact(last)
    }

    /// True when the location is a range `a_b`.
    public var isRange: Bool { end != nil }
}

// Conformances are conditional (not constraints on the generic parameter) so that instantiating these types at
// run time needs no protocol-conformance lookups: a parse copies them several times.
extension Breakpoint: Equatable where Position: Equatable {}
extension Breakpoint: Hashable where Position: Hashable {}
extension Breakpoint: Sendable where Position: Sendable {}
extension Location: Equatable where Position: Equatable {}
extension Location: Hashable where Position: Hashable {}
extension Location: Sendable where Position: Sendable {}

/// A location in any nucleotide coordinate system (used inside inserts that cite a range).
public enum NucleotideLocation: Hashable, Sendable {
    case genomic(Location<GenomicPosition>)
    case transcript(Location<TranscriptPosition>)
}
