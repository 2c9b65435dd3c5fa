import VarSynCore
import VarSynReference

/// A point on a transcript: a 0-based transcript position (`n.` minus one) and an intronic offset.
///
/// `c.494` on NM_003156.3 (CDS from n.569) is `TranscriptPoint(index: 1061, offset: 0)`; `c.139+1` is the index of
/// c.139 with offset +1. Indices below 0 or at/after the transcript length are flanking positions (`c.-N`
/// beyond the 5' end, `c.*N` beyond the 3' end), defined only through a genomic alignment.
public struct TranscriptPoint: Hashable, Sendable {
    public var index: Int
    public var offset: Int

    public init(index: Int, offset: Int = 0) {
        self.index = index
        self.offset = offset
    }
}

/// Coordinate arithmetic between c./n. positions, transcript indices and genomic positions for one transcript.
struct TranscriptMapper<T: ReferenceTranscript> {
    let transcript: T

    // MARK: c./n. <-> index

    /// The transcript point of an HGVS position (`c.494`, `c.-14`, `c.*32`, `n.12`, `c.93+1`, legacy `IVS2+1`).
    func point(of position: TranscriptPosition, system: CoordinateSystem) throws(NormalizeError) -> TranscriptPoint {
        let coding = system == .coding || (system == .rna && transcript.cds != nil)
        switch position.anchor {
        case .intron(let n):
            guard n >= 1, n < transcript.exonCount else {
                throw NormalizeError(
                    .outOfBounds,
                    "\(transcript.accession) has \(transcript.exonCount - 1) introns; there is no intron \(n)")
            }
            switch position.offset {
            case .downstream(let k?): return TranscriptPoint(index: transcript.exon(n - 1).end - 1, offset: k)
            case .upstream(let k?): return TranscriptPoint(index: transcript.exon(n).start, offset: -k)
            default:
                throw NormalizeError(.unsupported, "an intron position needs a known offset (IVS\(n)+k or IVS\(n)-k)")
            }
        case .exon(let n):
            throw NormalizeError(.unsupported, "exon \(n) is a whole exon, not a position")
        case .start, .cdsEnd:
            break
        }
        guard let base = position.base else {
            throw NormalizeError(.unsupported, "unknown positions (`?`) cannot be mapped")
        }
        guard let offset = position.offset.signedValue else {
            throw NormalizeError(.unsupported, "unknown intronic offsets (`+?`, `-?`) cannot be mapped")
        }
        var index: Int
        if coding {
            guard let cds = transcript.cds else {
                throw NormalizeError(
                    .invalid, "\(transcript.accession) is non-coding; write n. positions, not c.")
            }
            if case .cdsEnd = position.anchor {
                index = cds.end - 1 + base
            } else {
                index = base > 0 ? cds.start + base - 1 : cds.start + base
            }
        } else {
            if case .cdsEnd = position.anchor {
                throw NormalizeError(.invalid, "n. positions have no `*` form")
            }
            guard base != 0 else {
                throw NormalizeError(.invalid, "n. positions start at 1 (n.\(base)); n.-1 is the base before n.1")
            }
            // n.-N: N bases upstream of the transcript's first base (as c.-N upstream of the CDS).
            index = base > 0 ? base - 1 : base
        }
        return TranscriptPoint(index: index, offset: offset)
    }

    /// The c. (coding transcript) or n. text of a point: `494`, `-14`, `*32`, `139+1`, `140-1`.
    func text(of point: TranscriptPoint, coding: Bool) -> String {
        var out: String
        if coding, let cds = transcript.cds {
            if point.index < cds.start {
                out = String(point.index - cds.start)
            } else if point.index < cds.end {
                out = String(point.index - cds.start + 1)
            } else {
                out = "*" + String(point.index - cds.end + 1)
            }
        } else if point.index < 0 {
            out = String(point.index)
        } else if point.index >= transcript.length, transcript.length > 0 {
            // Past the 3' end of a non-coding transcript (no `*` in n.): an offset from its last base, `n.616+3443`.
            return String(transcript.length) + "+" + String(point.index - transcript.length + 1 + point.offset)
        } else {
            out = String(point.index + 1)
        }
        if point.offset > 0 { out += "+" + String(point.offset) }
        if point.offset < 0 { out += String(point.offset) }
        return out
    }

    /// The transcript's extent in its own numbering: `c.-61_*841` (coding), `n.1_616`.
    func span(coding: Bool) -> String {
        let last = TranscriptPoint(index: max(0, transcript.length - 1))
        return (coding && transcript.cds != nil ? "c." : "n.") + text(of: TranscriptPoint(index: 0), coding: coding)
            + "_" + text(of: last, coding: coding)
    }

    /// Index of the exon holding transcript position `index`, nil outside.
    func exonIndex(containing index: Int) -> Int? {
        for i in 0..<transcript.exonCount where transcript.exon(i).contains(index) { return i }
        return nil
    }

    // MARK: index <-> genome

    /// The 0-based genomic position of a transcript point on `alignment`; flanking and intronic points are
    /// extrapolated from the nearest exonic base. Nil when the base sits in a transcript-only gap.
    func genomicPosition(of point: TranscriptPoint, on alignment: T.Alignment) -> Int? {
        var index = point.index
        var extra = point.offset
        if index < 0 {
            extra += index
            index = 0
        } else if index >= transcript.length {
            extra += index - (transcript.length - 1)
            index = transcript.length - 1
        }
        guard let g = Self.exonicGenomicPosition(index, alignment) else { return nil }
        return alignment.strand == .plus ? g + extra : g - extra
    }

    /// Genomic position of an exonic transcript position, walking the exon's CIGAR when it has gaps.
    static func exonicGenomicPosition(_ index: Int, _ alignment: T.Alignment) -> Int? {
        let plus = alignment.strand == .plus
        for i in 0..<alignment.exonCount {
            let exon = alignment.exon(i)
            guard exon.transcript.contains(index) else { continue }
            let delta = index - exon.transcript.start
            if exon.cigar.isEmpty
                || exon.transcript.length == exon.genomic.length
                    && !exon.cigar.contains(where: { $0 == "I" || $0 == "D" })
            {
                return plus ? exon.genomic.start + delta : exon.genomic.end - 1 - delta
            }
            var t = 0  // transcript bases consumed in this exon
            var g = 0  // genomic bases consumed
            for (count, op) in CIGAR.operations(exon.cigar) {
                switch op {
                case "M", "=", "X":
                    if delta < t + count {
                        let gd = g + (delta - t)
                        return plus ? exon.genomic.start + gd : exon.genomic.end - 1 - gd
                    }
                    t += count
                    g += count
                case "I":
                    if delta < t + count { return nil }
                    t += count
                case "D", "N":
                    g += count
                default: break
                }
            }
            return nil
        }
        return nil
    }

    /// The transcript point at 0-based genomic position `g` on `alignment`: exonic (offset 0), intronic (nearest
    /// exon, `+` on a tie), or flanking (index extrapolated before the first / after the last base).
    func point(ofGenomic g: Int, on alignment: T.Alignment) -> TranscriptPoint? {
        let plus = alignment.strand == .plus
        let n = alignment.exonCount
        guard n > 0 else { return nil }
        for i in 0..<n {
            let exon = alignment.exon(i)
            guard exon.genomic.contains(g) else { continue }
            let gd = plus ? g - exon.genomic.start : exon.genomic.end - 1 - g
            if exon.cigar.isEmpty
                || exon.transcript.length == exon.genomic.length
                    && !exon.cigar.contains(where: { $0 == "I" || $0 == "D" })
            {
                return TranscriptPoint(index: exon.transcript.start + gd)
            }
            var t = 0
            var gc = 0
            for (count, op) in CIGAR.operations(exon.cigar) {
                switch op {
                case "M", "=", "X":
                    if gd < gc + count { return TranscriptPoint(index: exon.transcript.start + t + (gd - gc)) }
                    t += count
                    gc += count
                case "I": t += count
                case "D", "N":
                    // A genome-only base: the transcript base after the gap.
                    if gd < gc + count { return TranscriptPoint(index: exon.transcript.start + t) }
                    gc += count
                default: break
                }
            }
            return nil
        }
        let first = alignment.exon(0)
        let last = alignment.exon(n - 1)
        // Flanks.
        if plus ? g < first.genomic.start : g >= first.genomic.end {
            let d = plus ? first.genomic.start - g : g - (first.genomic.end - 1)
            return TranscriptPoint(index: first.transcript.start - d)
        }
        if plus ? g >= last.genomic.end : g < last.genomic.start {
            let d = plus ? g - (last.genomic.end - 1) : last.genomic.start - g
            return TranscriptPoint(index: last.transcript.end - 1 + d)
        }
        // Introns.
        for i in 0..<(n - 1) {
            let a = alignment.exon(i)
            let b = alignment.exon(i + 1)
            let between =
                plus ? (g >= a.genomic.end && g < b.genomic.start) : (g < a.genomic.start && g >= b.genomic.end)
            guard between else { continue }
            let up = plus ? g - (a.genomic.end - 1) : a.genomic.start - g
            let down = plus ? b.genomic.start - g : g - (b.genomic.end - 1)
            return up <= down
                ? TranscriptPoint(index: a.transcript.end - 1, offset: up)
                : TranscriptPoint(index: b.transcript.start, offset: -down)
        }
        return nil
    }
}

/// CIGAR text (`196M1I61M`) as (count, operation) pairs.
enum CIGAR {
    static func operations(_ text: String) -> [(Int, Character)] {
        var out: [(Int, Character)] = []
        var n = 0
        for c in text {
            if let d = c.wholeNumberValue, c.isASCII {
                n = n * 10 + d
            } else {
                out.append((n, c))
                n = 0
            }
        }
        return out
    }
}
