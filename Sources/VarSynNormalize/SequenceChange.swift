// The sequence algebra every normalization reduces to: replace `[start, end)` (0-based, interbase) of a reference
// with `alternative`, then trim, shift and classify. The same code runs on transcript sequence and on genomic
// sequence; the caller supplies a base accessor that returns nil where the sequence is unknown or ends.

/// A change on a sequence: the 0-based half-open `[start, end)` is replaced with `alternative`.
///
/// Example: `g.4055634C>A` is `SequenceChange(start: 4055633, end: 4055634, alternative: "A")`; an insertion has
/// `start == end` (between bases `start - 1` and `start`).
public struct SequenceChange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var alternative: [UInt8]

    public init(start: Int, end: Int, alternative: [UInt8]) {
        self.start = start
        self.end = end
        self.alternative = alternative
    }

    public var referenceLength: Int { end - start }
}

/// The HGVS edit type a normalized change is written as.
public enum ChangeKind: String, Hashable, Sendable {
    case substitution, deletion, duplication, insertion, inversion, deletionInsertion, identity
}

/// Which way an ambiguous indel is placed: 3' (HGVS, in the reference's orientation) or 5' (VCF left-alignment).
public enum ShiftDirection: Hashable, Sendable {
    case threePrime
    case fivePrime
}

/// A change after trimming and shifting, with its HGVS type. For a duplication, `start..<end` is the duplicated
/// range and `alternative` the duplicated bases; for an insertion `start == end`.
public struct NormalizedChange: Hashable, Sendable {
    public var kind: ChangeKind
    public var start: Int
    public var end: Int
    /// The reference bases of `[start, end)` (the duplicated bases for a duplication).
    public var reference: [UInt8]
    /// Inserted or replacing bases (for a duplication: the duplicated bases).
    public var alternative: [UInt8]
    /// The shift stopped because the sequence beyond was unknown (not because the bases differed): the placement
    /// may not be the most 3'/5' one.
    public var shiftLimitedByUnknownSequence: Bool
}

/// Reverse complement of IUPAC bases.
func reverseComplement(_ bases: [UInt8]) -> [UInt8] { bases.reversed().map(complementBase) }

/// Sequence operations over a base accessor (`base(i)` nil = unknown or past the end).
struct SequenceAlgebra {
    let base: (Int) -> UInt8?

    /// The bases of `[start, end)`, nil if any is unknown.
    func bases(_ start: Int, _ end: Int) -> [UInt8]? {
        guard start <= end else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        for i in start..<end {
            guard let b = base(i) else { return nil }
            out.append(b)
        }
        return out
    }

    /// Trims, shifts and classifies `change`; `reference` are the bases of `[change.start, change.end)`.
    func normalize(_ change: SequenceChange, reference: [UInt8], direction: ShiftDirection) -> NormalizedChange {
        var start = change.start
        var ref = reference[...]
        var alt = change.alternative[...]
        // Trim the shared suffix, then the shared prefix.
        while let r = ref.last, let a = alt.last, r == a {
            ref.removeLast()
            alt.removeLast()
        }
        while let r = ref.first, let a = alt.first, r == a {
            ref.removeFirst()
            alt.removeFirst()
            start += 1
        }
        if ref.isEmpty && alt.isEmpty {
            return NormalizedChange(
                kind: .identity, start: change.start, end: change.end, reference: reference, alternative: reference,
                shiftLimitedByUnknownSequence: false)
        }
        if !ref.isEmpty && !alt.isEmpty {
            let r = Array(ref)
            let a = Array(alt)
            let kind: ChangeKind =
                r.count == 1 && a.count == 1 ? .substitution
                : (r.count >= 2 && a == reverseComplement(r) ? .inversion : .deletionInsertion)
            return NormalizedChange(
                kind: kind, start: start, end: start + r.count, reference: r, alternative: a,
                shiftLimitedByUnknownSequence: false)
        }
        if alt.isEmpty {
            // Deletion of ref at [start, end): rotate along the reference.
            var s = start
            var e = start + ref.count
            var limited = false
            switch direction {
            case .threePrime:
                while true {
                    guard let next = base(e), let first = base(s) else {
                        limited = base(e) == nil && !isEnd(e)
                        break
                    }
                    guard next == first else { break }
                    s += 1
                    e += 1
                }
            case .fivePrime:
                while true {
                    guard let previous = base(s - 1), let last = base(e - 1) else {
                        limited = base(s - 1) == nil && !isEnd(s - 1)
                        break
                    }
                    guard previous == last else { break }
                    s -= 1
                    e -= 1
                }
            }
            let deleted = bases(s, e) ?? Array(ref)
            return NormalizedChange(
                kind: .deletion, start: s, end: e, reference: deleted, alternative: [],
                shiftLimitedByUnknownSequence: limited)
        }
        // Insertion of alt at interbase `start`.
        var inserted = Array(alt)
        var s = start
        var limited = false
        let n = inserted.count
        switch direction {
        case .threePrime:
            var k = 0
            while true {
                guard let next = base(s) else {
                    limited = !isEnd(s)
                    break
                }
                guard next == inserted[k % n] else { break }
                s += 1
                k += 1
            }
            inserted = rotate(inserted, by: k % n)
            if let before = bases(s - n, s), before == inserted {
                return NormalizedChange(
                    kind: .duplication, start: s - n, end: s, reference: before, alternative: inserted,
                    shiftLimitedByUnknownSequence: limited)
            }
        case .fivePrime:
            var k = 0
            while true {
                guard let previous = base(s - 1) else {
                    limited = !isEnd(s - 1)
                    break
                }
                guard previous == inserted[(n - 1 - k % n)] else { break }
                s -= 1
                k += 1
            }
            inserted = rotate(inserted, by: n - k % n)
            if let after = bases(s, s + n), after == inserted {
                return NormalizedChange(
                    kind: .duplication, start: s, end: s + n, reference: after, alternative: inserted,
                    shiftLimitedByUnknownSequence: limited)
            }
        }
        return NormalizedChange(
            kind: .insertion, start: s, end: s, reference: [], alternative: inserted,
            shiftLimitedByUnknownSequence: limited)
    }

    /// Whether `i` is past a real end of the sequence (as opposed to unknown sequence). The accessors here cannot
    /// tell, so the caller's `endBounds` decide; by default every nil is treated as unknown.
    var bounds: Range<Int>? = nil
    func isEnd(_ i: Int) -> Bool {
        guard let bounds else { return false }
        return !bounds.contains(i)
    }

    func rotate(_ s: [UInt8], by k: Int) -> [UInt8] {
        let k = s.isEmpty ? 0 : k % s.count
        guard k != 0 else { return s }
        return Array(s[k...] + s[..<k])
    }

    /// NCBI full justification (VOCA): the whole region over which an indel can slide, with the reference and
    /// alternative bases of that region. Substitutions and delins come back trimmed and unshifted.
    /// Example: deleting one A from `CAAAG` gives `(start of the As, "AAA", "AA")`.
    func fullyJustified(_ change: SequenceChange, reference: [UInt8])
        -> (start: Int, reference: [UInt8], alternative: [UInt8], limited: Bool)?
    {
        let left = normalize(change, reference: reference, direction: .fivePrime)
        let right = normalize(change, reference: reference, direction: .threePrime)
        let limited = left.shiftLimitedByUnknownSequence || right.shiftLimitedByUnknownSequence
        switch left.kind {
        case .substitution, .inversion, .deletionInsertion, .identity:
            return (left.start, left.reference, left.alternative, false)
        case .deletion:
            guard let region = bases(left.start, right.end) else { return nil }
            let kept = Array(region[(left.end - left.start)...])
            return (left.start, region, kept, limited)
        case .insertion, .duplication:
            // Insertion point range: left interbase .. right interbase.
            let leftPoint = left.kind == .duplication ? left.start : left.start
            let rightPoint = right.kind == .duplication ? right.end : right.start
            let inserted = left.alternative  // the 5'-most rotation, inserted at leftPoint
            guard let region = bases(leftPoint, rightPoint) else { return nil }
            return (leftPoint, region, inserted + region, limited)
        }
    }
}
