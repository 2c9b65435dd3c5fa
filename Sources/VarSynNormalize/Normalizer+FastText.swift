import VarSynCore
import VarSynReference

// The normalized c./n. text on the fast path: what `transcriptForms` writes for a change placed within one exon
// (`SequenceAlgebra.normalize` on the genome toward the transcript's 3' end, mapped back to the transcript), over
// the bases `Normalizer+FastKey.swift` prepared. It declines (nil) whenever the general path would do anything
// else: the shift leaves the exon (intronic text) or reads a base the preparation does not hold. A shift stopped
// by unknown sequence just past the exon (no genome there) is `limited`: the general path warns about it.

extension Normalizer {
    /// `NM_…:c.…` (and whether unknown sequence stopped the shift) for the change `[gStart, gEnd)` -> `alt` (plus strand, reference bases known) in exon `k` of
    /// `t`, or nil when the general path must answer. `scratch` holds at least 256 bytes for the rotated
    /// insertion. `NM_900046.1:c.686del` (a G of GG) -> `NM_900046.1:c.687del`.
    static func fastTranscriptText(
        _ t: FastTranscript, exon k: Int, bases: inout FastBases, start gStart: Int, end gEnd: Int,
        alternative alt: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> (text: String, limited: Bool)? {
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
        let deleted = e - s
        let shift = exon.storage - exon.origin
        let genome = t.genomeBytes
        // Reference and replacing bases in transcript orientation.
        let reference = UnsafeBufferPointer(rebasing: genome[(s + shift)..<(e + shift)])
        let cds = t.cds
        func position(_ b: inout FastTextBuilder, _ i: Int) {
            if let cds {
                if i < cds.start {
                    b.add(number: i - cds.start)
                } else if i < cds.end {
                    b.add(number: i - cds.start + 1)
                } else {
                    b.add("*")
                    b.add(number: i - cds.end + 1)
                }
            } else {
                b.add(number: i + 1)
            }
        }
        func oriented(_ b: inout FastTextBuilder, _ bytes: UnsafeBufferPointer<UInt8>) {
            if t.plus {
                b.add(bytes)
            } else {
                for byte in bytes.reversed() { b.add(byte: complementBase(byte)) }
            }
        }
        let accession = t.accessionBytes
        let text = fastString(accession.count + 60 + deleted + ins.count) { b in
            b.add(accession)
            b.add(cds == nil ? ":n." : ":c.")
            position(&b, first)
            if kind == .substitution {
                oriented(&b, reference)
                b.add(">")
                oriented(&b, ins)
                return
            }
            if first != last || kind == .insertion {
                b.add("_")
                position(&b, last)
            }
            switch kind {
            case .deletion: b.add("del")
            case .duplication: b.add("dup")
            case .insertion:
                b.add("ins")
                oriented(&b, ins)
            case .inversion: b.add("inv")
            case .deletionInsertion:
                b.add("delins")
                oriented(&b, ins)
            case .identity: b.add("=")
            case .substitution: break
            }
        }
        return (text, limited)
    }
}
