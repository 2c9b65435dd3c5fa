/// An amino acid, including the stop (`Ter`, `*`) and the unknown residue (`Xaa`, `X`).
///
/// `p.Trp24Cys` has `.trp` and `.cys`; `p.W24*` has `.trp` and `.ter`.
/// `X` is read as `.xaa` (unknown) in strict HGVS; legacy text that uses `X` for stop is read as `.ter`
/// only by the shorthand front end, which tags the reading with ``NotationForm/legacyStop``.
public enum AminoAcid: UInt8, Hashable, Sendable, CaseIterable {
    case ala, arg, asn, asp, cys, gln, glu, gly, his, ile, leu, lys, met, phe, pro, ser, thr, trp, tyr, val
    case sec, pyl, asx, glx, xaa, ter

    /// Three-letter code: `Ala`, ..., `Ter`.
    public var threeLetterCode: String { threeLetterStaticCode.description }

    /// Three-letter code as static text (`Ala`, ..., `Ter`), for writers that copy bytes without making a `String`.
    public var threeLetterStaticCode: StaticString {
        switch self {
        case .ala: "Ala"
        case .arg: "Arg"
        case .asn: "Asn"
        case .asp: "Asp"
        case .cys: "Cys"
        case .gln: "Gln"
        case .glu: "Glu"
        case .gly: "Gly"
        case .his: "His"
        case .ile: "Ile"
        case .leu: "Leu"
        case .lys: "Lys"
        case .met: "Met"
        case .phe: "Phe"
        case .pro: "Pro"
        case .ser: "Ser"
        case .thr: "Thr"
        case .trp: "Trp"
        case .tyr: "Tyr"
        case .val: "Val"
        case .sec: "Sec"
        case .pyl: "Pyl"
        case .asx: "Asx"
        case .glx: "Glx"
        case .xaa: "Xaa"
        case .ter: "Ter"
        }
    }

    /// One-letter code: `A`, ..., `*` for stop, `X` for unknown.
    public var oneLetterCode: UInt8 { AminoAcid.oneLetterCodes[Int(rawValue)] }

    @usableFromInline
    static let oneLetterCodes: [UInt8] = Array("ARNDCQEGHILKMFPSTWYVUOBZX*".utf8)

    /// The residue for a one-letter code (upper case), or nil. `*` is `.ter`; `X` is `.xaa`.
    @inlinable
    public static func fromOneLetter(_ byte: UInt8) -> AminoAcid? {
        switch byte {
        case UInt8(ascii: "A"): .ala
        case UInt8(ascii: "R"): .arg
        case UInt8(ascii: "N"): .asn
        case UInt8(ascii: "D"): .asp
        case UInt8(ascii: "C"): .cys
        case UInt8(ascii: "Q"): .gln
        case UInt8(ascii: "E"): .glu
        case UInt8(ascii: "G"): .gly
        case UInt8(ascii: "H"): .his
        case UInt8(ascii: "I"): .ile
        case UInt8(ascii: "L"): .leu
        case UInt8(ascii: "K"): .lys
        case UInt8(ascii: "M"): .met
        case UInt8(ascii: "F"): .phe
        case UInt8(ascii: "P"): .pro
        case UInt8(ascii: "S"): .ser
        case UInt8(ascii: "T"): .thr
        case UInt8(ascii: "W"): .trp
        case UInt8(ascii: "Y"): .tyr
        case UInt8(ascii: "V"): .val
        case UInt8(ascii: "U"): .sec
        case UInt8(ascii: "O"): .pyl
        case UInt8(ascii: "B"): .asx
        case UInt8(ascii: "Z"): .glx
        case UInt8(ascii: "X"): .xaa
        case UInt8(ascii: "*"): .ter
        default: nil
        }
    }

    /// The residue for a three-letter code given as three bytes in exact case (`Ala`), or nil.
    /// Packs the bytes into an integer so the lookup is a switch over constants.
    @inlinable
    public static func fromThreeLetter(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> AminoAcid? {
        let key = UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2)
        switch key {
        case 0x41_6C_61: return .ala  // Ala
        case 0x41_72_67: return .arg  // Arg
        case 0x41_73_6E: return .asn  // Asn
        case 0x41_73_70: return .asp  // Asp
        case 0x43_79_73: return .cys  // Cys
        case 0x47_6C_6E: return .gln  // Gln
        case 0x47_6C_75: return .glu  // Glu
        case 0x47_6C_79: return .gly  // Gly
        case 0x48_69_73: return .his  // His
        case 0x49_6C_65: return .ile  // Ile
        case 0x4C_65_75: return .leu  // Leu
        case 0x4C_79_73: return .lys  // Lys
        case 0x4D_65_74: return .met  // Met
        case 0x50_68_65: return .phe  // Phe
        case 0x50_72_6F: return .pro  // Pro
        case 0x53_65_72: return .ser  // Ser
        case 0x54_68_72: return .thr  // Thr
        case 0x54_72_70: return .trp  // Trp
        case 0x54_79_72: return .tyr  // Tyr
        case 0x56_61_6C: return .val  // Val
        case 0x53_65_63: return .sec  // Sec
        case 0x50_79_6C: return .pyl  // Pyl
        case 0x41_73_78: return .asx  // Asx
        case 0x47_6C_78: return .glx  // Glx
        case 0x58_61_61: return .xaa  // Xaa
        case 0x54_65_72: return .ter  // Ter
        default: return nil
        }
    }
}

/// A nucleotide sequence as written: IUPAC bases, upper case for DNA (`ACGT`), lower case for RNA (`acgu`).
///
/// `NM_004006.2:c.6775_6777delinsC` inserts the sequence `C`; `r.123_127delinsag` inserts `ag`.
public struct NucleotideSequence: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline var storedBases: CompactText

    /// The bases, in the case of the coordinate system they belong to.
    @inlinable public var bases: String {
        get { storedBases.string }
        set { storedBases = CompactText(newValue) }
    }

    @inlinable
    public init(_ bases: String) { self.storedBases = CompactText(bases) }

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>) { self.storedBases = CompactText(bytes: bytes) }

    public var description: String { bases }
    /// Number of bases.
    public var count: Int { storedBases.count }
    /// The first base, if any.
    public var first: UInt8? { storedBases.firstByte }
}

/// A repeat or length count: `[14]`, `[?]`, `[(50_60)]`, `[(60_?)]`.
public enum RepeatCount: Hashable, Sendable {
    case exactly(Int)
    /// `?`
    case unknown
    /// `(a_b)` with either bound possibly unknown (`nil` = `?`).
    case range(Int?, Int?)
}
