// The syntax tree: value types only. One tree for the standard and the shorthand forms; a parsed
// expression records the form it came from in `ParsedExpression.form`.

// MARK: - References

/// What kind of identifier a reference is. Identifiers are opaque per SVD-WG008; the kind is a pragmatic
/// reading of the prefix used to pick defaults and to validate.
public enum AccessionKind: Hashable, Sendable {
    /// RefSeq `XX_digits.version`: `NC_000011.10`, `NM_003156.4`, `NP_003147.2`, `NG_012232.1`.
    case refSeq
    /// Ensembl `ENST00000357033.8`, `ENSG…`, `ENSP…`.
    case ensembl
    /// `LRG_199`.
    case lrgGenomic
    /// `LRG_199t1`.
    case lrgTranscript
    /// `LRG_199p1`.
    case lrgProtein
    /// Other accession with a version (GenBank `L01538.1`, `J01749.1`).
    case genBank
    /// Gene symbol used as a reference or selector: `GJB2:c.35del`, `NM_000492.3(CFTR)`, `STIM1 P165Q`.
    case geneSymbol
    /// Chromosome name used as a reference (shorthand): `chr11:g.4055634C>A`, `11-4055634-C-A`.
    case chromosome
}

/// An identifier: accession with version, LRG, gene symbol or chromosome name.
///
/// `NM_003156.4` has kind `.refSeq`, `version` 4, `base` `NM_003156`.
public struct Accession: Hashable, Sendable, CustomStringConvertible {
    @usableFromInline var storedText: CompactText
    public var kind: AccessionKind

    /// The identifier exactly as it appears in the canonical form (`chr` dropped from chromosome names).
    @inlinable public var text: String {
        get { storedText.string }
        set { storedText = CompactText(newValue) }
    }

    @inlinable
    public init(_ text: String, kind: AccessionKind) {
        self.storedText = CompactText(text)
        self.kind = kind
    }

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, kind: AccessionKind) {
        self.storedText = CompactText(bytes: bytes)
        self.kind = kind
    }

    public var description: String { text }

    /// The version after the last `.`, if any: `NM_003156.4` -> 4.
    public var version: Int? {
        guard kind != .geneSymbol, kind != .chromosome, let dot = text.utf8.lastIndex(of: UInt8(ascii: ".")) else {
            return nil
        }
        var value = 0
        var any = false
        for byte in text.utf8[text.utf8.index(after: dot)...] {
            guard byte >= 48, byte <= 57 else { return nil }
            value = value &* 10 &+ Int(byte - 48)
            any = true
        }
        return any ? value : nil
    }

    /// The identifier without its version: `NM_003156.4` -> `NM_003156`.
    public var unversioned: String {
        guard version != nil, let dot = text.utf8.lastIndex(of: UInt8(ascii: ".")) else { return text }
        return String(text[..<dot])
    }

    /// The two-letter RefSeq prefix (`NM`, `NC`, ...) for RefSeq accessions.
    public var refSeqPrefix: String? {
        guard kind == .refSeq else { return nil }
        return String(text.prefix(2))
    }
}

/// A reference sequence specifier: an accession with an optional selector in parentheses.
///
/// `NC_000023.10(NM_004006.2):c.357+1G>A` has accession `NC_000023.10` and selector `NM_004006.2`;
/// `NM_000492.3(CFTR):c.1521_1523del` has a gene-symbol selector.
public struct ReferenceSpecifier: Hashable, Sendable {
    public var accession: Accession
    public var selector: Accession?

    @inlinable
    public init(_ accession: Accession, selector: Accession? = nil) {
        self.accession = accession
        self.selector = selector
    }
}

// MARK: - Nucleotide edits

/// Redundant content written after `del`, `dup` or `inv`: `delA`, `del3`, `delN[15]`.
public enum StatedContent: Hashable, Sendable {
    /// `delCTT`: the affected bases spelled out (discouraged; checked against the reference by the normalizer).
    case sequence(NucleotideSequence)
    /// `del3`: a length (legacy; not HGVS).
    case length(Int)
    /// `delN[15]`, `delN`: an unknown stretch of the given size (size-only change).
    case unknown(RepeatCount?)
}

/// One part of inserted material.
///
/// `ins[T;401_419]` has two items: `.sequence(T)` and `.localRange(401_419)`.
public enum InsertItem: Hashable, Sendable {
    /// Literal bases, optionally repeated: `insT`, `ins[A[26]]`.
    case sequence(NucleotideSequence, count: RepeatCount?)
    /// Unknown bases: `insN`, `insN[100]`, `insN[(80_120)]`, `insN[?]`.
    case unknown(count: RepeatCount?)
    /// Legacy length only: `ins6`, `ins(5)`, `ins(5_10)` (read leniently; HGVS writes `insN[6]`).
    case length(RepeatCount)
    /// A copy of a range of the same reference: `ins858_895`, `ins850_900inv`.
    indirect case localRange(NucleotideLocation, inverted: Bool)
    /// A copy of a range of another reference: `ins[NC_000022.10:g.35788169_35788352]`.
    indirect case remote(ReferenceSpecifier?, CoordinateSystem, NucleotideLocation, inverted: Bool)
    /// A bracketed sub-list inside a list: `ins[[ACC:g.393_1295];123+45_123+51]`.
    case nested([InsertItem])
}

/// Inserted material: one item, or a bracketed list `[a;b;…]`.
public enum Insertion: Hashable, Sendable {
    /// One item written without brackets, except a remote copy, which is always bracketed.
    case single(InsertItem)
    /// `[item;item;…]` (also one item in brackets).
    case list([InsertItem])

    /// The items in order.
    public var items: [InsertItem] {
        switch self {
        case .single(let item): [item]
        case .list(let items): items
        }
    }
}

/// One unit of a repeated sequence: `CAG[23]`, or one segment of a mixed repeat `CTG[9]TTG[1]`.
public struct RepeatUnit: Hashable, Sendable {
    public var unit: NucleotideSequence
    public var count: RepeatCount

    @inlinable
    public init(unit: NucleotideSequence, count: RepeatCount) {
        self.unit = unit
        self.count = count
    }
}

/// Methylation status change (SVD-WG005): `g.1999904_1999946|gom`.
public enum MethylationChange: Hashable, Sendable {
    /// `|gom`: gain of methylation.
    case gain
    /// `|lom`: loss of methylation.
    case loss
    /// `|met=`: methylation unchanged.
    case unchanged
}

/// A change to a nucleotide sequence at a location.
///
/// `c.494C>A` is `.substitution(reference: "C", alternative: "A")`; `c.20_23dup` is `.duplication(nil)`.
public enum NucleotideEdit: Hashable, Sendable {
    /// `C>A`: one base to one other (the alternative may be an IUPAC ambiguity code, `G>H`).
    case substitution(reference: UInt8, alternative: UInt8)
    /// `=`, optionally with the reference bases (`c.123A=`, discouraged).
    case identity(NucleotideSequence?)
    /// `del`, `delCTT`, `del3`, `delN[15]`.
    case deletion(StatedContent?)
    /// `dup`, `dupT`.
    case duplication(StatedContent?)
    /// `inv`, `invATG`.
    case inversion(StatedContent?)
    /// `insT`, `ins858_895`, `ins[…]`. (Insertion payloads are boxed so that the common edits stay small.)
    indirect case insertion(Insertion)
    /// `delinsGA`, with the deleted content when given (`delGAGinsC`, discouraged).
    indirect case deletionInsertion(deleted: StatedContent?, inserted: Insertion)
    /// `con…`: conversion (retired by SVD-WG009; read for old data; means delins).
    indirect case conversion(Insertion)
    /// `CAG[23]`, `CTG[9]TTG[1]CTG[13]`: unit sequences with counts.
    case repeated([RepeatUnit])
    /// `[4]` on a location without a unit: `r.9495_9497[4]`, `g.pter_qter[2]`, `(a_b)_(c_d)[3]`.
    case copyNumber(RepeatCount)
    /// `|gom`, `|lom`, `|met=`.
    case methylation(MethylationChange)
    /// `sup`: supernumerary (ISCN extension).
    case supernumerary
}

/// How an edit relates to a mosaic or chimeric sample: `c.85=/T>C`, `c.85=//T>C`, `r.=/6_8del`.
public struct Mosaicism: Hashable, Sendable {
    /// `//` chimeric rather than `/` mosaic.
    public var chimeric: Bool
    /// `=/variant` (whole reference first, `r.=/6_8del`) rather than `position=/edit` (`c.85=/T>C`).
    public var wholeReference: Bool

    @inlinable
    public init(chimeric: Bool, wholeReference: Bool) {
        self.chimeric = chimeric
        self.wholeReference = wholeReference
    }
}

/// One nucleotide variant: a location and an edit.
///
/// `NM_003156.3:c.494C>A` -> location `494`, edit `C>A`. `c.(76A>G)` has `predicted == true`.
public struct NucleotideVariant<Position> {
    public var location: Location<Position>
    public var edit: NucleotideEdit
    /// Written in parentheses: a predicted (not observed) change.
    public var predicted: Bool
    /// Mosaic or chimeric (`=/`, `=//`), nil otherwise.
    public var mosaicism: Mosaicism?

    @inlinable
    public init(
        location: Location<Position>, edit: NucleotideEdit, predicted: Bool = false, mosaicism: Mosaicism? = nil
    ) {
        self.location = location
        self.edit = edit
        self.predicted = predicted
        self.mosaicism = mosaicism
    }
}

extension NucleotideVariant: Equatable where Position: Equatable {}
extension NucleotideVariant: Hashable where Position: Hashable {}
extension NucleotideVariant: Sendable where Position: Sendable {}

// MARK: - Protein edits

/// Where a new stop codon is, counted from the first changed residue: `fsTer23` -> `.position(23)`, `fs*?` -> `.unknown`.
public enum StopDistance: Hashable, Sendable {
    case position(Int)
    case unknown
}

/// Inserted residues in a protein insertion or deletion-insertion.
public enum ProteinInsert: Hashable, Sendable {
    /// `insGlnSerLys`, `insSerSerTer` (a stop may end the run).
    case residues([AminoAcid])
    /// `insXaa`, `insXaa[5]`: unknown residues, optionally counted.
    case unknown(count: RepeatCount?)
    /// `insTer12`, `ins*63`: a stop at position n of the insert (length given).
    case stopAt(Int)
    /// `insGly4_Ser6`: a copy of a range of the same protein.
    case copiedRange(ProteinPosition, ProteinPosition)
}

/// A protein extension.
public enum ProteinExtension: Hashable, Sendable {
    /// N-terminal: `p.Met1ext-5` (5 residues added before Met1); `legacyResidue` for the old `Met1extMet-5`.
    case nTerminal(upstream: Int?, legacyResidue: AminoAcid?)
    /// C-terminal (stop-loss): `p.Ter110GlnextTer17`; `newResidue` is encoded at the old stop.
    case cTerminal(newResidue: AminoAcid?, stop: StopDistance?)
}

/// A change to a protein at a location.
///
/// `p.Pro165Gln` is `.substitution(.gln)`; `p.Arg97ProfsTer23` is `.frameshift(newResidue: .pro, stop: .position(23))`.
public enum ProteinEdit: Hashable, Sendable {
    /// One residue to another (`Trp24Cys`, `Trp24Ter`, `Arg782Xaa`).
    case substitution(AminoAcid)
    /// `Gly56Ala^Ser^Cys`: one of several residues.
    case alternativeSubstitutions([AminoAcid])
    /// `Met1?`: the consequence for the residue is unknown.
    case unknown
    /// `Cys188=`: unchanged (silent).
    case identity
    case deletion
    case duplication
    indirect case insertion(ProteinInsert)
    indirect case deletionInsertion(ProteinInsert)
    /// `fs`, `ProfsTer23`, `Profs*?`, `(Ala^Ser)fsTer23`. `newResidue` nil for the short form.
    case frameshift(newResidue: AminoAcid?, alternatives: [AminoAcid], stop: StopDistance?)
    case `extension`(ProteinExtension)
    /// `Ala2[10]`, `Arg65_Ser67[12]`.
    case repeated(RepeatCount)
}

/// One protein variant: a location and an edit.
///
/// `NP_003147.2:p.(Pro165Gln)` -> location `Pro165`, edit `.substitution(.gln)`, `predicted == true`.
public struct ProteinVariant: Hashable, Sendable {
    public var location: Location<ProteinPosition>
    public var edit: ProteinEdit
    public var predicted: Bool
    public var mosaicism: Mosaicism?

    @inlinable
    public init(
        location: Location<ProteinPosition>, edit: ProteinEdit, predicted: Bool = false, mosaicism: Mosaicism? = nil
    ) {
        self.location = location
        self.edit = edit
        self.predicted = predicted
        self.mosaicism = mosaicism
    }
}

// MARK: - Alleles

/// The allele structure of a description body, generic over the variant type.
///
/// `c.494C>A` is `.variant`; `c.[2376G>C;3103del]` is `.bracket(.cis([…]))`;
/// `c.[2376G>C];[3103del]` is `.trans([.bracket(…), .bracket(…)])`; `c.2376G>C(;)3103del` is `.unknownPhase`.
public enum AlleleTree<Variant> {
    /// A single variant (its own `predicted` flag carries single-variant parentheses).
    case variant(Variant)
    /// `[ … ]`: an allele.
    indirect case bracket(AlleleTree)
    /// `( … )` around more than one variant: a predicted group (`c.(370A>C^372C>R)`, `p.[(Ser68Arg;Asn594del)]`).
    indirect case predicted(AlleleTree)
    /// Members separated by `;` inside brackets: in cis.
    case cis([AlleleTree])
    /// Bracketed alleles separated by `;` outside brackets: in trans.
    case trans([AlleleTree])
    /// `(;)`: phase unknown.
    case unknownPhase([AlleleTree])
    /// `^`: one of these.
    case alternatives([AlleleTree])
    /// `,` inside r./p. brackets: products of different transcripts.
    case products([AlleleTree])
    /// `::` between DNA segments (ring chromosome, ISCN extension).
    case junction([AlleleTree])
    /// `[…]sup`: a supernumerary chromosome made of the bracketed segments (ISCN extension).
    indirect case supernumerary(AlleleTree)
    /// `=`: the whole reference is unchanged (`c.=`, `[=]`).
    case unchanged
    /// `?`: unknown (`c.[2376G>C];[?]`, `p.?`, `r.?`).
    case unknown
    /// `0`: absent (`c.[76A>C];[0]`, `p.0`, `r.0`); `0?` when `uncertain`.
    case absent(uncertain: Bool)
    /// `spl`, `spl?`: RNA splicing affected.
    case splicing(uncertain: Bool)
    /// Repeat-allele short form: `p.Ala2[10];[11]`, `r.-124_-123[14];[18]`: the first variant then more counts.
    case repeatAlleles(Variant, [RepeatCount])
}

extension AlleleTree: Equatable where Variant: Equatable {}
extension AlleleTree: Hashable where Variant: Hashable {}
extension AlleleTree: Sendable where Variant: Sendable {}

// MARK: - Descriptions and expressions

/// The part after `:`: a coordinate system and an allele tree of variants in that system.
public enum DescriptionBody: Hashable, Sendable {
    /// `g.`, `m.`, `o.`
    case genomic(CoordinateSystem, AlleleTree<NucleotideVariant<GenomicPosition>>)
    /// `c.`, `n.`, `r.`
    case transcript(CoordinateSystem, AlleleTree<NucleotideVariant<TranscriptPosition>>)
    /// `p.`
    case protein(AlleleTree<ProteinVariant>)

    public var coordinateSystem: CoordinateSystem {
        switch self {
        case .genomic(let system, _), .transcript(let system, _): system
        case .protein: .protein
        }
    }
}

/// A reference and a body: `NM_003156.3:c.494C>A`. The reference is nil in shorthand (`c.494C>A`, `P165Q`).
public struct VariantDescription: Hashable, Sendable {
    // Spelled `Optional<…>`, not `…?`: a `var` of type `T?` gets an implicit `= nil`, which the initializer then
    // overwrites, and that double initialization kept the optimizer from moving the description out of the
    // initializer: it copied and destroyed the whole description once per parse (~390 instructions).
    // swift-format-ignore: UseShorthandTypeNames
    public var reference: Optional<ReferenceSpecifier>
    public var body: DescriptionBody

    @inlinable
    public init(reference: ReferenceSpecifier?, body: DescriptionBody) {
        self.reference = reference
        self.body = body
    }
}

/// One partner of an adjoined transcript (RNA fusion, SVD-WG007): `NM_002354.2:r.-358_555`.
public struct AdjoinedPartner: Hashable, Sendable {
    public var reference: ReferenceSpecifier
    public var location: Location<TranscriptPosition>

    @inlinable
    public init(reference: ReferenceSpecifier, location: Location<TranscriptPosition>) {
        self.reference = reference
        self.location = location
    }
}

/// A dbSNP reference SNP identifier, optionally with an allele: `rs74315465`, `rs2306220 T>C`.
public struct DBSNPIdentifier: Hashable, Sendable {
    public var number: UInt64
    /// `T>C` after the id, when written.
    public var substitution: (reference: UInt8, alternative: UInt8)? {
        get { hasAllele ? (alleleReference, alleleAlternative) : nil }
        set {
            hasAllele = newValue != nil
            alleleReference = newValue?.reference ?? 0
            alleleAlternative = newValue?.alternative ?? 0
        }
    }
    var hasAllele = false
    var alleleReference: UInt8 = 0
    var alleleAlternative: UInt8 = 0

    @inlinable
    public init(number: UInt64) { self.number = number }

    /// `rs74315465`.
    public var text: String { "rs\(number)" }
}

/// A whole expression: one description, or a structure over several references.
public enum VariantExpression: Hashable, Sendable {
    /// `NM_003156.3:c.494C>A`.
    case description(VariantDescription)
    /// `NM_000517.4:c.424C>T^NM_000558.3:c.424C>T`.
    case alternatives([VariantDescription])
    /// `[NM_004004.2:c.35del];[NM_006783.1:c.689_690insT]`: alleles whose members carry their own references.
    case alleles([[VariantDescription]])
    /// `NM_002354.2:r.-358_555::NM_000251.2:r.212_*279`, optionally with a linker sequence.
    indirect case adjoinedTranscripts(AdjoinedPartner, linker: NucleotideSequence?, AdjoinedPartner)
    /// `rs74315465`.
    case dbSNP(DBSNPIdentifier)

    /// The single description, when this is one.
    public var singleDescription: VariantDescription? {
        if case .description(let description) = self { return description }
        return nil
    }
}
