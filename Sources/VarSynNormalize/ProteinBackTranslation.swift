import VarSynCore

/// One coding change that produces a protein substitution: `NM_003156.3:c.494C>A` (codon CCA -> CAA).
public struct CodingCandidate: Hashable, Sendable {
    /// The `c.` description on the transcript: a substitution for one changed base, else a deletion-insertion
    /// over the changed span of the codon (`c.494_495delinsAG`; an unchanged middle base is included).
    public var description: VariantDescription
    /// The variant codon, e.g. `CAA`.
    public var codon: String
    /// How many bases of the codon change (1, 2 or 3).
    public var changedBases: Int

    /// `NM_003156.3:c.494C>A`.
    public func hgvs() -> String { description.hgvs() }
}

/// Every coding change on one codon that produces a protein substitution, synonymous change or nonsense.
///
/// `STIM1 P165Q` on NM_003156.3: reference codon `CCA` (c.493_495), candidates `c.494C>A` (CAA) and
/// `c.494_495delinsAG` (CAG).
public struct BackTranslation: Hashable, Sendable {
    public var transcript: String
    public var protein: String
    /// Residue number (1-based; Met1 is 1).
    public var residueNumber: Int
    public var reference: AminoAcid
    public var alternative: AminoAcid
    /// The reference codon, e.g. `CCA`.
    public var referenceCodon: String
    /// `c.` number of the codon's first base (`3 * residueNumber - 2`).
    public var codonStart: Int
    /// Single-nucleotide candidates first (by position, then base), then the two- and three-base ones.
    public var candidates: [CodingCandidate]

    /// Candidates that change one base.
    public var singleNucleotide: [CodingCandidate] { candidates.filter { $0.changedBases == 1 } }
    /// Candidates that change two or three bases of the codon (`delins`).
    public var multiNucleotide: [CodingCandidate] { candidates.filter { $0.changedBases > 1 } }
}

extension ProteinTranscript {
    /// Back-translates a protein substitution (`p.Pro165Gln`, `p.Arg97Ter`) or synonymous change (`p.Pro165=`).
    ///
    /// The stated reference residue is checked: `p.Leu197Pro` on NP_003147.2 (residue 197 is Thr) throws
    /// `.referenceMismatch` naming Leu (expected) and Thr (found).
    public func backTranslate(_ variant: ProteinVariant) throws(ProteinMappingError) -> BackTranslation {
        guard case .exact(let position) = variant.location.start, variant.location.end == nil,
            let number = position.number
        else {
            throw .unsupported("a protein change that is not at one residue")
        }
        switch variant.edit {
        case .substitution(let alternative):
            return try backTranslate(residue: number, from: position.residue, to: alternative)
        case .identity:
            return try backTranslate(residue: number, from: position.residue, to: position.residue)
        default:
            throw .unsupported("back-translation of a protein change other than a substitution")
        }
    }

    /// Back-translates `reference` at residue `number` to `alternative`: every single-base change of the codon that
    /// encodes `alternative`, then every two- and three-base one (as `delins`). For `alternative == reference` the
    /// candidates are the synonymous codons.
    ///
    /// NM_003156.3 residue 165 Pro -> Gln: `c.494C>A`, `c.494_495delinsAG`. Residue 304 Arg -> His (codon CGG): no
    /// single-base change; `c.911_912delinsAC`, `c.911_912delinsAT`.
    public func backTranslate(residue number: Int, from reference: AminoAcid, to alternative: AminoAcid)
        throws(ProteinMappingError) -> BackTranslation
    {
        guard number >= 1, number <= protein.count else {
            throw .positionOutOfRange(reference: proteinName, position: "p.\(number)")
        }
        let found = protein[number - 1]
        guard found == reference else {
            throw .referenceMismatch(
                ReferenceMismatch(
                    reference: proteinName.isEmpty ? transcriptName : proteinName, location: "p.\(number)",
                    expected: reference.threeLetterCode, found: found.threeLetterCode))
        }
        let targets = ProteinCodonTable.codonsByResidue[Int(alternative.rawValue)]
        guard !targets.isEmpty else { throw .unsupported("no codon encodes \(alternative.threeLetterCode)") }
        let codonIndex = cdsStart + 3 * (number - 1)
        let refBases = SIMD4<UInt8>(bases[codonIndex], bases[codonIndex + 1], bases[codonIndex + 2], 0)
        let codonStart = 3 * number - 2
        // Order: single-base changes first, then by first changed position, last changed position, codon. At most
        // six codons per residue: sort their keys in place, then build the candidates in that order.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 8) { keys in
            var count = 0
            for target in targets {
                let altBases = Self.codonVector(target)
                var first = -1
                var last = -1
                var changed = 0
                for i in 0..<3 where refBases[i] != altBases[i] {
                    if first < 0 { first = i }
                    last = i
                    changed += 1
                }
                guard first >= 0, count < keys.count else { continue }  // the reference codon itself
                let key = (changed == 1 ? 0 : 1) << 16 | first << 12 | last << 8 | target
                var j = count
                while j > 0, keys[j - 1] > key {
                    keys[j] = keys[j - 1]
                    j -= 1
                }
                keys[j] = key
                count += 1
            }
            var candidates: [CodingCandidate] = []
            candidates.reserveCapacity(count)
            for k in 0..<count {
                let key = keys[k]
                candidates.append(
                    candidate(refBases, Self.codonVector(key & 0xFF), (key >> 12) & 0xF, (key >> 8) & 0xF, codonStart))
            }
            return BackTranslation(
                transcript: transcriptName, protein: proteinName, residueNumber: number, reference: reference,
                alternative: alternative, referenceCodon: Self.text(refBases, 0...2), codonStart: codonStart,
                candidates: candidates)
        }
    }

    /// The candidate changing codon bases `first...last` (0-based in the codon) from `refBases` to `altBases`.
    func candidate(
        _ refBases: SIMD4<UInt8>, _ altBases: SIMD4<UInt8>, _ first: Int, _ last: Int, _ codonStart: Int
    ) -> CodingCandidate {
        var changed = 0
        for i in 0..<3 where refBases[i] != altBases[i] { changed += 1 }
        let edit: NucleotideEdit
        let location: Location<TranscriptPosition>
        if first == last {
            location = Location(TranscriptPosition(base: codonStart + first))
            edit = .substitution(reference: refBases[first], alternative: altBases[first])
        } else {
            location = Location(TranscriptPosition(base: codonStart + first), TranscriptPosition(base: codonStart + last))
            let inserted = NucleotideSequence(Self.text(altBases, first...last))
            edit = .deletionInsertion(deleted: nil, inserted: .single(.sequence(inserted, count: nil)))
        }
        return CodingCandidate(
            description: VariantDescription(
                reference: ReferenceSpecifier(transcriptAccession),
                body: .transcript(.coding, .variant(NucleotideVariant(location: location, edit: edit)))),
            codon: Self.text(altBases, 0...2), changedBases: changed)
    }

    static func codonVector(_ codon: Int) -> SIMD4<UInt8> {
        let bases = ProteinCodonTable.codonBases(codon)
        return SIMD4<UInt8>(bases.0, bases.1, bases.2, 0)
    }

    /// The bases `range` of a codon vector as text (a small string: no allocation).
    static func text(_ bases: SIMD4<UInt8>, _ range: ClosedRange<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for i in range { buffer[i - range.lowerBound] = bases[i] }
            return range.count
        }
    }
}
