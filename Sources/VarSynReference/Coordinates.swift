/// Coordinate systems of the transcript coordinate table. Every position type states its base in its name and doc.
///
/// The table stores everything 0-based half-open (like BED and UTA's `exons_se_i`): an interval `[start, end)`
/// covers `end - start` bases, the first base of a sequence is position 0. HGVS positions are 1-based; convert
/// with `init(hgvsStart:hgvsEnd:)` and `hgvsStart`/`hgvsEnd`.

/// DNA strand of an alignment relative to the chromosome. `n.1` of a minus-strand transcript lies at the highest
/// genomic position of its first exon.
public enum Strand: UInt8, Sendable, Hashable, CustomStringConvertible {
    case plus = 1
    case minus = 2

    /// `+` or `-`.
    public var description: String { self == .plus ? "+" : "-" }

    /// Parses `+`, `-`, `1`, `-1`, `+1`.
    public init?(text: some StringProtocol) {
        switch text {
        case "+", "1", "+1": self = .plus
        case "-", "-1": self = .minus
        default: return nil
        }
    }
}

/// A genome assembly the table places transcripts on.
public enum Assembly: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case grch37 = 37
    case grch38 = 38

    /// `GRCh37` or `GRCh38`.
    public var description: String { self == .grch37 ? "GRCh37" : "GRCh38" }

    /// Parses `GRCh37`, `GRCh37.p13`, `hg19`, `GRCh38.p12`, `hg38`, `37`, `38` (case-insensitive).
    public init?(name: some StringProtocol) {
        let lower = name.lowercased()
        if lower.hasPrefix("grch37") || lower == "hg19" || lower == "37" {
            self = .grch37
        } else if lower.hasPrefix("grch38") || lower == "hg38" || lower == "38" {
            self = .grch38
        } else {
            return nil
        }
    }
}

/// What the two interval types share: 0-based half-open `[start, end)` with the 1-based inclusive HGVS view.
public protocol ZeroBasedInterval: Sendable, Hashable, CustomStringConvertible {
    /// 0-based first base.
    var start: Int { get set }
    /// 0-based position one past the last base.
    var end: Int { get set }
    init(start: Int, end: Int)
    /// `n.` or `g.`
    static var hgvsPrefix: String { get }
}

extension ZeroBasedInterval {
    /// From 1-based inclusive HGVS positions: `n.569_2626` -> `[568, 2626)`.
    public init(hgvsStart: Int, hgvsEnd: Int) { self.init(start: hgvsStart - 1, end: hgvsEnd) }
    /// Number of bases.
    public var length: Int { end - start }
    /// 1-based inclusive first base (HGVS numbering).
    public var hgvsStart: Int { start + 1 }
    /// 1-based inclusive last base (HGVS numbering).
    public var hgvsEnd: Int { end }
    /// Whether the 0-based position lies inside.
    public func contains(_ position: Int) -> Bool { position >= start && position < end }
    /// `n.569_2626` / `g.4055526_4055637` style text (1-based inclusive).
    public var description: String { "\(Self.hgvsPrefix)\(hgvsStart)_\(hgvsEnd)" }
}

/// A 0-based half-open interval `[start, end)` on a transcript (`n.` coordinates minus one at the start).
///
/// Example: exon 1 of NM_003156.3 is `n.1_707`, stored as `TranscriptInterval(start: 0, end: 707)`.
public struct TranscriptInterval: ZeroBasedInterval {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public static var hgvsPrefix: String { "n." }
}

/// A 0-based half-open interval `[start, end)` on a chromosome or other genomic sequence (BED convention).
///
/// Example: GRCh38 `NC_000011.10:g.4055634` is the interval `[4055633, 4055634)`.
public struct GenomicInterval: ZeroBasedInterval {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public static var hgvsPrefix: String { "g." }
}
