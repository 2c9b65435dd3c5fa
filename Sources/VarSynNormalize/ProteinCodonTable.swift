import VarSynCore

/// The standard genetic code (NCBI translation table 1) as a 64-entry array indexed by 2-bit base codes.
///
/// Bases code as A=0, C=1, G=2, T=3 (`U` reads as `T`, lower case as upper case); a codon's index is
/// `first << 4 | second << 2 | third`. `CCA` (index 20) is `.pro`; a codon with any other byte (`N`, IUPAC
/// ambiguity codes) translates to `.xaa`.
public enum ProteinCodonTable {
    /// Base code for every byte: 0...3 for A, C, G, T/U (either case), 4 for anything else.
    @usableFromInline
    static let baseCodes: [UInt8] = {
        var codes = [UInt8](repeating: 4, count: 256)
        for (code, letters) in ["Aa", "Cc", "Gg", "TtUu"].enumerated() {
            for byte in letters.utf8 { codes[Int(byte)] = UInt8(code) }
        }
        return codes
    }()

    /// The residue of each codon index, in A, C, G, T order: `AAA`=Lys ... `TTT`=Phe.
    @usableFromInline
    static let residues: [AminoAcid] = {
        let oneLetter = Array("KNKNTTTTRSRSIIMIQHQHPPPPRRRRLLLLEDEDAAAAGGGGVVVV*Y*YSSSS*CWCLFLF".utf8)
        return oneLetter.map { AminoAcid.fromOneLetter($0) ?? .xaa }
    }()

    /// The four bases in code order.
    public static let bases: [UInt8] = Array("ACGT".utf8)

    /// The codon indexes of each residue (by raw value), in increasing index order: Pro -> CCA, CCC, CCG, CCT.
    public static let codonsByResidue: [[Int]] = {
        var codons = [[Int]](repeating: [], count: AminoAcid.allCases.count)
        for (index, residue) in residues.enumerated() { codons[Int(residue.rawValue)].append(index) }
        return codons
    }()

    /// The codons of each residue (by raw value) as bits of a mask: bit `i` set when codon index `i` encodes it.
    static let codonMasks: [UInt64] = codonsByResidue.map { $0.reduce(0) { $0 | 1 << UInt64($1) } }

    /// The base of 2-bit code `code & 3`, without a table: `base(1)` is `C`.
    @inline(__always)
    static func base(_ code: Int) -> UInt8 {
        // "ACGT" as little-endian bytes.
        UInt8(truncatingIfNeeded: UInt32(0x5447_4341) >> UInt32(8 * (code & 3)))
    }

    /// The 2-bit code of a base byte, or 4 when it is not A, C, G, T or U.
    @inlinable
    public static func code(_ base: UInt8) -> UInt8 { baseCodes[Int(base)] }

    /// Translates three base bytes: `translate(C, C, A)` -> `.pro`; `.xaa` when any byte is not a plain base.
    @inlinable
    public static func translate(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> AminoAcid {
        let codes = baseCodes
        let a = codes[Int(first)]
        let b = codes[Int(second)]
        let c = codes[Int(third)]
        guard a | b | c < 4 else { return .xaa }
        return residues[Int(a) << 4 | Int(b) << 2 | Int(c)]
    }

    /// The residue of codon index 0..<64.
    @inlinable
    public static func residue(ofCodon index: Int) -> AminoAcid { residues[index & 63] }

    /// The three bases of codon index 0..<64: `codonBases(20)` -> `CCA`.
    public static func codonBases(_ index: Int) -> (UInt8, UInt8, UInt8) {
        (bases[(index >> 4) & 3], bases[(index >> 2) & 3], bases[index & 3])
    }

    /// The 64 codons as text (`codonTexts[20]` is `CCA`); small strings, so copies allocate nothing.
    public static let codonTexts: [String] = (0..<64).map { index in
        let b = codonBases(index)
        return String(decoding: [b.0, b.1, b.2], as: UTF8.self)
    }

    /// The 16 base pairs as text, indexed `first << 2 | second` (`pairTexts[2]` is `AG`).
    public static let pairTexts: [String] = (0..<16).map { index in
        String(decoding: [bases[index >> 2], bases[index & 3]], as: UTF8.self)
    }
}
