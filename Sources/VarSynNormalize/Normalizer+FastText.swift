import VarSynCore
import VarSynReference

// The normalized c./n. text on the fast path: what `transcriptForms` writes for a change placed within one exon
// (`SequenceAlgebra.normalize` on the genome toward the transcript's 3' end, mapped back to the transcript), over
// the bases `Normalizer+FastKey.swift` prepared. It declines (nil) whenever the general path would do anything
// else: the shift leaves the exon (intronic text) or reads a base the preparation does not hold. A shift stopped
// by unknown sequence just past the exon (no genome there) is `limited`: the general path warns about it.

/// The fast path's normalized c./n. change before it becomes text: genome `[s, e)` replaced by `ins` (plus strand),
/// at transcript indexes `first ... last`, in exon `exon`.
struct FastTextChange {
    var kind: ChangeKind
    var s: Int
    var e: Int
    /// The inserted/replacing bases (plus strand); points into the caller's scratch buffer.
    var ins: UnsafeBufferPointer<UInt8>
    var first: Int
    var last: Int
    var exon: Int
    /// Unknown sequence just past the exon stopped the shift (the general path warns).
    var limited: Bool
}

extension Normalizer {
    /// The normalized c./n. change (and whether unknown sequence stopped the shift) for the change `[gStart, gEnd)`
    /// -> `alt` (plus strand, reference bases known) in exon `k` of `t`, or nil when the general path must answer
    /// (``writeTranscriptText(_:_:_:)`` writes it). `scratch` holds at least 256 bytes for the rotated insertion.
    /// `NM_900046.1:c.686del` (a G of GG) -> `NM_900046.1:c.687del`.
    static func fastTranscriptChange(
        _ t: FastTranscript, exon k: Int, bases: inout FastBases, start gStart: Int, end gEnd: Int,
        alternative alt: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> FastTextChange? {
        // Toward the transcript's 3' end: 3' on the plus strand, 5' on the minus strand.
        let threePrime = t.plus
        let (rs, re, a0, a1) = bases.trimmed(start: gStart, end: gEnd, alternative: alt)
        guard !bases.declined else { return nil }
        var kind: ChangeKind
        var limited = false
        // The result: genome [s, e) with the inserted/replacing bases `ins` (plus strand).
        var s = rs
        var e = re
        var ins = UnsafeBufferPointer(rebasing: alt[a0..<a1])
        if re == rs && a1 == a0 {
            kind = .identity
            s = gStart
            e = gEnd
        } else if re > rs && a1 > a0 {
            let r = re - rs
            let a = a1 - a0
            if r == 1 && a == 1 {
                kind = .substitution
            } else {
                kind = .deletionInsertion
                if r >= 2 && r == a {
                    // An inversion: the replacing bases are the reverse complement of the reference.
                    var inverted = true
                    for i in 0..<r where bases.base(re - 1 - i).map(complementBase) != alt[a0 + i] {
                        inverted = false
                        break
                    }
                    if inverted { kind = .inversion }
                }
            }
        } else if a1 == a0 {
            kind = .deletion
            if threePrime {
                while true {
                    guard let next = bases.base(e), let first = bases.base(s) else {
                        limited = true
                        break
                    }
                    guard next == first else { break }
                    s += 1
                    e += 1
                }
            } else {
                while true {
                    guard let previous = bases.base(s - 1), let last = bases.base(e - 1) else {
                        limited = true
                        break
                    }
                    guard previous == last else { break }
                    s -= 1
                    e -= 1
                }
            }
        } else {
            // Insertion of alt[a0..<a1] at interbase rs: slide, rotate, and see whether it copies its neighbour.
            kind = .insertion
            let n = a1 - a0
            guard n <= scratch.count else { return nil }
            var k = 0
            var rotation = 0
            if threePrime {
                while true {
                    guard let next = bases.base(s) else {
                        limited = true
                        break
                    }
                    guard next == alt[a0 + k % n] else { break }
                    s += 1
                    k += 1
                }
                rotation = k % n
            } else {
                while true {
                    guard let previous = bases.base(s - 1) else {
                        limited = true
                        break
                    }
                    guard previous == alt[a0 + (n - 1 - k % n)] else { break }
                    s -= 1
                    k += 1
                }
                rotation = (n - k % n) % n
            }
            for i in 0..<n { scratch[i] = alt[a0 + (i + rotation) % n] }
            ins = UnsafeBufferPointer(rebasing: scratch[0..<n])
            e = s
            // A copy of the bases next to it (before it on the 3' side, after it on the 5' side): a duplication.
            let copyStart = threePrime ? s - n : s
            var copy = true
            for i in 0..<n {
                guard let b = bases.base(copyStart + i), b == ins[i] else {
                    copy = false
                    break
                }
            }
            if copy {
                kind = .duplication
                s = copyStart
                e = copyStart + n
            }
        }
        guard !bases.declined else { return nil }
        // Back to the transcript: both ends must stay in this exon.
        let exon = t.exons[k]
        let (lo, hi) = kind == .insertion ? (s - 1, s) : (s, e - 1)
        guard lo >= exon.genomicStart, hi < exon.genomicEnd, lo <= hi else { return nil }
        func index(_ g: Int) -> Int {
            t.plus ? exon.transcriptStart + (g - exon.genomicStart) : exon.transcriptStart + (exon.genomicEnd - 1 - g)
        }
        let first = t.plus ? index(lo) : index(hi)
        let last = t.plus ? index(hi) : index(lo)
        return FastTextChange(
            kind: kind, s: s, e: e, ins: ins, first: first, last: last, exon: k, limited: limited)
    }

    /// The most bytes ``writeTranscriptText(_:_:_:)`` writes for `change`.
    @inline(__always)
    static func fastTextCapacity(_ t: FastTranscript, _ change: FastTextChange) -> Int {
        t.accessionBytes.count + 60 + (change.e - change.s) + change.ins.count
    }

    /// Writes `NM_…:c.…` for `change` (at most ``fastTextCapacity(_:_:)`` bytes).
    static func writeTranscriptText(_ b: inout FastTextBuilder, _ t: FastTranscript, _ change: FastTextChange) {
        let exon = t.exons[change.exon]
        let kind = change.kind
        let shift = exon.storage - exon.origin
        // Reference and replacing bases in transcript orientation.
        let reference = UnsafeBufferPointer(rebasing: t.genomeBytes[(change.s + shift)..<(change.e + shift)])
        let cds = t.cds
        let plus = t.plus
        b.add(t.accessionBytes)
        b.add(cds == nil ? ":n." : ":c.")
        b.add(transcriptPosition: change.first, cds: cds)
        if kind == .substitution {
            b.add(oriented: reference, plus: plus)
            b.add(">")
            b.add(oriented: change.ins, plus: plus)
            return
        }
        if change.first != change.last || kind == .insertion {
            b.add("_")
            b.add(transcriptPosition: change.last, cds: cds)
        }
        switch kind {
        case .deletion: b.add("del")
        case .duplication: b.add("dup")
        case .insertion:
            b.add("ins")
            b.add(oriented: change.ins, plus: plus)
        case .inversion: b.add("inv")
        case .deletionInsertion:
            b.add("delins")
            b.add(oriented: change.ins, plus: plus)
        case .identity: b.add("=")
        case .substitution: break
        }
    }
}

extension FastTextBuilder {
    /// Transcript index `i` as a c. position (`-12`, `494`, `*37`) when `cds` is set, else as an n. position.
    @inline(__always)
    mutating func add(transcriptPosition i: Int, cds: TranscriptInterval?) {
        if let cds {
            if i < cds.start {
                add(number: i - cds.start)
            } else if i < cds.end {
                add(number: i - cds.start + 1)
            } else {
                add("*")
                add(number: i - cds.end + 1)
            }
        } else {
            add(number: i + 1)
        }
    }

    /// Plus-strand bases in transcript orientation (reverse complement on the minus strand).
    @inline(__always)
    mutating func add(oriented bytes: UnsafeBufferPointer<UInt8>, plus: Bool) {
        if plus {
            add(bytes)
        } else {
            var k = bytes.count
            while k > 0 {
                k -= 1
                add(byte: complementBase(bytes[k]))
            }
        }
    }
}
