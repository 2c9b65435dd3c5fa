/// Base-level helpers shared by the importers and the normalizer.
public enum Nucleotides {
    /// The complement of an IUPAC nucleotide code, keeping its case (`A`->`T`, `r`->`y`, `N`->`N`); nil for a byte
    /// that is not a nucleotide code. Used to reverse-complement minus-strand sequence.
    @inlinable
    public static func complement(_ b: UInt8) -> UInt8? {
        let lower = b | 0x20
        let c: UInt8
        switch lower {
        case UInt8(ascii: "a"): c = UInt8(ascii: "t")
        case UInt8(ascii: "t"), UInt8(ascii: "u"): c = UInt8(ascii: "a")
        case UInt8(ascii: "c"): c = UInt8(ascii: "g")
        case UInt8(ascii: "g"): c = UInt8(ascii: "c")
        case UInt8(ascii: "r"): c = UInt8(ascii: "y")
        case UInt8(ascii: "y"): c = UInt8(ascii: "r")
        case UInt8(ascii: "k"): c = UInt8(ascii: "m")
        case UInt8(ascii: "m"): c = UInt8(ascii: "k")
        case UInt8(ascii: "b"): c = UInt8(ascii: "v")
        case UInt8(ascii: "v"): c = UInt8(ascii: "b")
        case UInt8(ascii: "d"): c = UInt8(ascii: "h")
        case UInt8(ascii: "h"): c = UInt8(ascii: "d")
        case UInt8(ascii: "s"), UInt8(ascii: "w"), UInt8(ascii: "n"): c = lower
        default: return nil
        }
        return b == lower ? c : c & ~0x20
    }
}
