/// The notation an expression was written in. Standard HGVS is `.hgvs`; everything else is a shorthand the
/// lenient front end recognises and reads into the same syntax tree.
///
/// `NM_003156.4:c.494C>A` -> `.hgvs`; `STIM1 P165Q` -> `.geneProtein`; `C494A` -> `.referencePositionAlternative`.
public enum NotationForm: String, Hashable, Sendable, CaseIterable {
    /// Standard HGVS with a reference: `NM_003156.4:c.494C>A`.
    case hgvs = "hgvs"
    /// HGVS body with no reference: `c.494C>A`, `p.Pro165Gln`, `p.P165Q`.
    case noReference = "shorthand-no-reference"
    /// Gene symbol as the reference: `STIM1:c.494C>A`, `BRAF:p.V600E`.
    case geneReference = "shorthand-gene-reference"
    /// Gene symbol, space, change: `STIM1 P165Q`, `STIM1 p.Pro165Gln`, `BRAF V600E`, `GJB2 76A>C`.
    case geneProtein = "shorthand-gene-space"
    /// Bare one-letter protein change: `P165Q`, `V600E`, `R117*`, `F508del`, `E746_A750del`.
    case proteinOneLetter = "shorthand-protein-one-letter"
    /// Bare three-letter protein change: `Pro165Gln`, `Arg72Pro`.
    case proteinThreeLetter = "shorthand-protein-three-letter"
    /// Bare coding change without `c.`: `494C>A`, `677 C>T`.
    case codingWithoutPrefix = "shorthand-coding-no-prefix"
    /// Reference base before the position: `C494A`, `c.T1799A` (ANNOVAR), `G-395A`.
    case referencePositionAlternative = "shorthand-ref-pos-alt"
    /// Arrow instead of `>`: `c.494C->A`, `677 C-->T`, `c.494C→A`.
    case arrow = "shorthand-arrow"
    /// Legacy intron numbering: `IVS2+1G>A`, `IVS-II-1(G>A)`, `IVS34 + 39T > C`.
    case intronNumbering = "shorthand-ivs"
    /// Delta deletions: `ΔF508`, `delF508`, `delta F508`, `deltaF508`.
    case deltaDeletion = "shorthand-delta"
    /// Legacy indels with numbering and bases or lengths: `185delAG`, `3020insC`, `2393del9`, `6174delT`.
    case legacyIndel = "shorthand-legacy-indel"
    /// Exon-level changes: `exon 2 deletion`, `EX2del`, `c.EX2del`.
    case exonLevel = "shorthand-exon"
    /// dbSNP identifier: `rs74315465`.
    case dbSNP = "shorthand-rsid"
    /// Chromosome name as reference: `chr11:g.4055634C>A`, `chr11:4055634 C>A`.
    case chromosomeReference = "shorthand-chromosome"
    /// VCF-like chrom-pos-ref-alt: `11-4055634-C-A`, `11:4055634:C:A`.
    case vcf = "shorthand-vcf"
    /// NCBI SPDI (0-based interbase): `NC_000011.10:4055633:C:A`.
    case spdi = "shorthand-spdi"
    /// `X`, `Stop` or `fsX12` used for a stop codon: `R117X`, `p.Arg117Stop`, `p.Glu23ValfsX16`.
    case legacyStop = "shorthand-legacy-stop"
    /// A stop position written after `fs` without `Ter`: `p.T3708fs3769`, `C105Vfs114X` (codon or count: both read).
    case legacyFrameshiftStop = "shorthand-legacy-frameshift-stop"
}

/// A non-fatal finding while parsing in lenient mode: the text was read, but not in standard HGVS.
///
/// `c.35delG` reads as `c.35del` with `.redundantSequence` over bytes 6..<7.
public struct ParseWarning: Hashable, Sendable {
    public enum Code: String, Hashable, Sendable {
        /// `delA`, `dupT`, `delGAGinsC`: the deleted/duplicated bases are given (discouraged).
        case redundantSequence = "redundant-sequence"
        /// `del3`: a length after the edit.
        case redundantLength = "redundant-length"
        /// `c.123A=`: the reference base before `=`.
        case referenceBeforeIdentity = "reference-before-identity"
        /// `NM_004006:c.76A>G`: no version.
        case missingVersion = "missing-version"
        /// Bases in the wrong case for the coordinate system (`c.76a>g`, `r.76A>G`) or `t` in RNA.
        case caseFolded = "case-folded"
        /// Spaces, en dashes, Unicode minus or arrows that standard HGVS does not allow.
        case typography = "typography"
        /// `X` read as a stop codon (legacy).
        case stopAsX = "stop-as-x"
        /// `c.52insT`: a single-position insertion, read with both possible flanks.
        case singlePositionInsertion = "single-position-insertion"
        /// `p.T3708fs3769`: a number after `fs` that may be the codon of the new stop or the HGVS count from the
        /// changed residue; both are read (codon first when it lies past the changed residue).
        case frameshiftStopCodon = "frameshift-stop-codon"
        /// `ins6`: a length-only insertion (HGVS writes `insN[6]`).
        case insertionLength = "insertion-length"
        /// `c.79_80GC>TT`: a multi-base substitution, read as a deletion-insertion.
        case multiBaseSubstitution = "multi-base-substitution"
        /// `con`: conversion (retired; read as a deletion-insertion).
        case conversion = "conversion"
        /// `c.76A/G`: slash polymorphism, read as a substitution.
        case slashSubstitution = "slash-substitution"
        /// `p.Leu54Leu`: synonymous written as a substitution to the same residue.
        case synonymousAsSubstitution = "synonymous-as-substitution"
    }

    public var code: Code
    /// Byte offsets into the input (UTF-8), half-open.
    public var start: Int
    public var end: Int

    @inlinable
    public init(_ code: Code, start: Int, end: Int) {
        self.code = code
        self.start = start
        self.end = end
    }
}

/// One complete reading of an input.
public struct Reading: Hashable, Sendable {
    public var expression: VariantExpression
    public var form: NotationForm
    public var warnings: [ParseWarning]

    @inlinable
    public init(expression: VariantExpression, form: NotationForm, warnings: [ParseWarning] = []) {
        self.expression = expression
        self.form = form
        self.warnings = warnings
    }
}

/// The result of parsing one input: its best reading, and the other readings of ambiguous text, ranked.
///
/// `C677T` has a first reading `c.677C>T` (`.referencePositionAlternative`) and another, `p.Cys677Thr`.
/// `NM_003156.4:c.494C>A` has one reading and no warnings.
public struct ParsedExpression: Hashable, Sendable {
    // The best reading's parts are stored directly (not as a `Reading`) so the result is built with one copy.
    /// The best reading's syntax tree.
    public var expression: VariantExpression
    /// The notation the best reading came from.
    public var form: NotationForm
    // The two lists are stored as nil when empty (always: equality and hashing compare the stored values), so that
    // dropping a result without warnings or other readings releases no array: two fewer runtime calls per parse.
    // Spelled `Optional<…>`, not `…?`: see VariantDescription.reference (an implicit `= nil` made a copy).
    @usableFromInline var storedWarnings: Optional<[ParseWarning]>
    @usableFromInline var storedOtherReadings: Optional<[Reading]>

    /// Non-standard notation found in the best reading.
    @inlinable public var warnings: [ParseWarning] {
        get { storedWarnings ?? [] }
        set { storedWarnings = newValue.isEmpty ? nil : newValue }
    }
    /// Further readings of ambiguous text, most likely first; empty for unambiguous text.
    @inlinable public var otherReadings: [Reading] {
        get { storedOtherReadings ?? [] }
        set { storedOtherReadings = newValue.isEmpty ? nil : newValue }
    }

    @inlinable
    public init(reading: Reading, otherReadings: [Reading] = []) {
        self.expression = reading.expression
        self.form = reading.form
        self.storedWarnings = reading.warnings.isEmpty ? nil : reading.warnings
        self.storedOtherReadings = otherReadings.isEmpty ? nil : otherReadings
    }

    @inlinable
    public init(
        expression: VariantExpression, form: NotationForm, warnings: [ParseWarning] = [], otherReadings: [Reading] = []
    ) {
        self.expression = expression
        self.form = form
        self.storedWarnings = warnings.isEmpty ? nil : warnings
        self.storedOtherReadings = otherReadings.isEmpty ? nil : otherReadings
    }

    /// A result with one reading and no warnings (the common case; builds no arrays).
    @inline(__always)
    init(expression: __owned VariantExpression, form: NotationForm) {
        self.expression = expression
        self.form = form
        self.storedWarnings = nil
        self.storedOtherReadings = nil
    }

    /// The most likely reading.
    public var reading: Reading {
        get { Reading(expression: expression, form: form, warnings: warnings) }
        set {
            expression = newValue.expression
            form = newValue.form
            warnings = newValue.warnings
        }
    }

    /// All readings, most likely first.
    public var readings: [Reading] { [reading] + otherReadings }
    /// True when the text has more than one reading.
    public var isAmbiguous: Bool { storedOtherReadings != nil }
}
