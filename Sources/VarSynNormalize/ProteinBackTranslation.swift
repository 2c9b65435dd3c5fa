import VarSynCore

/// One coding change that produces a protein substitution: `NM_003156.3:c.494C>A` (codon CCA -> CAA).
///
/// Holds the codon change and the transcript; the `c.` description is built when asked for, so a back-translation
/// whose candidates are only counted or filtered builds no syntax trees.
public struct CodingCandidate: Hashable, Sendable {
    /// The codon change: c. positions, variant codon, changed bases.
    public let change: CodonChange
    /// The reference codon (index 0..<64).
    public let referenceCodon: Int
    let transcript: Accession

    /// The `c.` description on the transcript: a substitution for one changed base, else a deletion-insertion
    /// over the changed span of the codon (`c.494_495delinsAG`; an unchanged middle base is included).
    public var description: VariantDescription {
        let edit: NucleotideEdit
        let location: Location<TranscriptPosition>
        if change.first == change.last {
            location = Location(TranscriptPosition(base: change.first))
            let shift = 2 * (2 - (change.first - change.codonStart))
            edit = .substitution(
                reference: ProteinCodonTable.bases[(referenceCodon >> shift) & 3],
                alternative: ProteinCodonTable.bases[(change.codon >> shift) & 3])
        } else {
            location = Location(TranscriptPosition(base: change.first), TranscriptPosition(base: change.last))
            let inserted =
                change.last - change.first == 2
                ? ProteinCodonTable.codonTexts[change.codon]
                : ProteinCodonTable.pairTexts[change.first == change.codonStart ? change.codon >> 2 : change.codon & 15]
            edit = .deletionInsertion(
                deleted: nil, inserted: .single(.sequence(NucleotideSequence(inserted), count: nil)))
        }
        return VariantDescription(
            reference: ReferenceSpecifier(transcript),
            body: .transcript(.coding, .variant(NucleotideVariant(location: location, edit: edit))))
    }

    /// The variant codon, e.g. `CAA`.
    public var codon: String { ProteinCodonTable.codonTexts[change.codon] }
    /// How many bases of the codon change (1, 2 or 3).
    public var changedBases: Int { change.changedBases }

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
    public func backTranslate(
        residue number: Int, from reference: AminoAcid, to alternative: AminoAcid
    )
        throws(ProteinMappingError) -> BackTranslation
    {
        let changes = try codonChanges(residue: number, from: reference, to: alternative)
        var candidates: [CodingCandidate] = []
        candidates.reserveCapacity(changes.count)
        for change in changes { candidates.append(candidate(change, referenceCodon: changes.referenceCodon)) }
        return BackTranslation(
            transcript: transcriptName, protein: proteinName, residueNumber: number, reference: reference,
            alternative: alternative, referenceCodon: ProteinCodonTable.codonTexts[changes.referenceCodon],
            codonStart: changes.codonStart, candidates: candidates)
    }

    /// The codon changes behind a back-translation, without building any text or description (allocates nothing):
    /// residue 165 Pro -> Gln on NM_003156.3 gives CCA (c.493_495) -> `c.494` to CAA, `c.494_495` to CAG.
    public func codonChanges(
        residue number: Int, from reference: AminoAcid, to alternative: AminoAcid
    )
        throws(ProteinMappingError) -> CodonChangeList
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
        let i = cdsStart + 3 * (number - 1)
        let codes = (
            ProteinCodonTable.code(bases[i]), ProteinCodonTable.code(bases[i + 1]), ProteinCodonTable.code(bases[i + 2])
        )
        guard codes.0 | codes.1 | codes.2 < 4 else {
            throw .unsupported("a reference codon with a base other than A, C, G, T")
        }
        let referenceCodon = Int(codes.0) << 4 | Int(codes.1) << 2 | Int(codes.2)
        var list = CodonChangeList(referenceCodon: referenceCodon, codonStart: 3 * number - 2)
        var mask = ProteinCodonTable.codonMasks[Int(alternative.rawValue)]
        let any = mask != 0
        while mask != 0 {
            list.insert(mask.trailingZeroBitCount)
            mask &= mask - 1
        }
        guard any else { throw .unsupported("no codon encodes \(alternative.threeLetterCode)") }
        return list
    }

    /// The candidate for one codon change.
    func candidate(_ change: CodonChange, referenceCodon: Int) -> CodingCandidate {
        CodingCandidate(change: change, referenceCodon: referenceCodon, transcript: transcriptAccession)
    }
}

/// One way to change a codon: c. bases `first...last` (1-based c. numbers) replaced so that the codon becomes `codon`
/// (index 0..<64 in `ProteinCodonTable` order), changing `changedBases` of them.
public struct CodonChange: Hashable, Sendable {
    /// c. number of the codon's first base.
    public var codonStart: Int
    public var first: Int
    public var last: Int
    public var codon: Int
    public var changedBases: Int
}

/// The codon changes of one back-translation, in candidate order (single-base changes first, then by first and
/// last changed position, then codon), stored inline: at most six (the codons of one residue).
public struct CodonChangeList: RandomAccessCollection, Sendable {
    /// The reference codon (index 0..<64).
    public let referenceCodon: Int
    /// c. number of the codon's first base.
    public let codonStart: Int
    var keys = SIMD8<Int32>(repeating: 0)
    public private(set) var count = 0

    init(referenceCodon: Int, codonStart: Int) {
        self.referenceCodon = referenceCodon
        self.codonStart = codonStart
    }

    /// Adds codon `target` unless it is the reference codon, keeping the order.
    mutating func insert(_ target: Int) {
        var first = -1
        var last = -1
        var changed = 0
        for i in 0..<3 where (referenceCodon >> (4 - 2 * i)) & 3 != (target >> (4 - 2 * i)) & 3 {
            if first < 0 { first = i }
            last = i
            changed += 1
        }
        guard first >= 0, count < 8 else { return }
        let key = Int32((changed == 1 ? 0 : 1) << 16 | first << 12 | last << 8 | target)
        var j = count
        while j > 0, keys[j - 1] > key {
            keys[j] = keys[j - 1]
            j -= 1
        }
        keys[j] = key
        count += 1
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> CodonChange {
        let key = Int(keys[position & 7])
        let codon = key & 0xFF
        let differing = referenceCodon ^ codon
        let changed =
            (differing & 0x30 != 0 ? 1 : 0) + (differing & 0x0C != 0 ? 1 : 0) + (differing & 0x03 != 0 ? 1 : 0)
        return CodonChange(
            codonStart: codonStart, first: codonStart + (key >> 12) & 3, last: codonStart + (key >> 8) & 3,
            codon: codon, changedBases: changed)
    }
}
