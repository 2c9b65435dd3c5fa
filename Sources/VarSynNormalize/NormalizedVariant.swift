import VarSynReference

/// Which outputs ``Normalizer/normalize(_:)-(String)`` computes. The key alone is the cheap path (no HGVS text,
/// no other transcripts, no rsID lookups).
public struct OutputForms: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `key`, `spdi` (and `transcriptSPDI` without a genomic placement).
    public static let key = OutputForms(rawValue: 1)
    /// `vcfGRCh38` (and `vcfGRCh37` with `.otherAssembly`).
    public static let vcf = OutputForms(rawValue: 2)
    /// `hgvsG`, `hgvsC`, `hgvsR`, and p. through the protein seam.
    public static let hgvs = OutputForms(rawValue: 4)
    /// The GRCh37 forms.
    public static let otherAssembly = OutputForms(rawValue: 8)
    /// The variant on every other transcript covering it.
    public static let candidates = OutputForms(rawValue: 16)
    /// rsIDs from the reference data's index.
    public static let rsids = OutputForms(rawValue: 32)
    /// `hgvsC` alone: the normalized c./n. text on the input's transcript (`NM_003156.3:c.494C>A`), without the
    /// g., r. and p. forms `.hgvs` adds (ferro-hgvs's `normalize` answers this). Included in `.hgvs`.
    public static let hgvsC = OutputForms(rawValue: 64)
    public static let all: OutputForms = [.key, .vcf, .hgvs, .otherAssembly, .candidates, .rsids]
}

/// Options for ``Normalizer``.
public struct NormalizeOptions: Hashable, Sendable {
    /// Where c./n. variants may be shifted when no genomic sequence is known around them.
    public enum TranscriptShift: Hashable, Sendable {
        /// HGVS: never across an exon-exon junction (`c.3921del`, not `c.3922del`); into introns only when the
        /// genome is known (then `c.1704+1del`).
        case withinExon
        /// Along the whole transcript sequence, ignoring exon junctions (biocommons `cross_boundaries=True`).
        case wholeTranscript
    }

    /// The assembly of genomic input written with a chromosome name (`chr11:…`, `11-4076864-C-A`).
    public var assembly: Assembly
    public var transcriptShift: TranscriptShift
    /// 3' (HGVS) for the HGVS forms; 5' only to compare with tools that left-align c. descriptions.
    public var direction: ShiftDirection
    /// The outputs to compute (all by default).
    public var forms: OutputForms

    public init(
        assembly: Assembly = .grch38, transcriptShift: TranscriptShift = .withinExon,
        direction: ShiftDirection = .threePrime, forms: OutputForms = .all
    ) {
        self.assembly = assembly
        self.transcriptShift = transcriptShift
        self.direction = direction
        self.forms = forms
    }
}

/// The canonical forms and keys of one variant.
///
/// For `NM_003156.3:c.494C>A`: `key` = `spdi` = `NC_000011.10:4055633:C:A`, `vcfGRCh38` = `11-4055634-C-A`,
/// `vcfGRCh37` = `11-4076864-C-A`, `hgvsG` = `NC_000011.10:g.4055634C>A`, `hgvsC` = `NM_003156.3:c.494C>A`.
public struct NormalizedVariant: Hashable, Sendable {
    /// THE canonical DNA key: SPDI on the GRCh38 chromosome (NCBI full justification); without a GRCh38 placement,
    /// the SPDI on the transcript. Nil when unavailable (see `keyUnavailableReason`).
    public var key: String?
    /// Why `key` is nil.
    public var keyUnavailableReason: String?
    /// SPDI on the GRCh38 chromosome accession, e.g. `NC_000011.10:4055633:C:A`.
    public var spdi: String?
    /// SPDI on the transcript (0-based transcript position), e.g. `NM_003156.3:1061:C:A`.
    public var transcriptSPDI: String?
    /// VCF-style, left-aligned, anchor base for indels: `11-4055634-C-A`.
    public var vcfGRCh38: String?
    public var vcfGRCh37: String?
    /// Normalized (3') HGVS on the GRCh38 and GRCh37 chromosomes.
    public var hgvsG: String?
    public var hgvsGGRCh37: String?
    /// Normalized HGVS on the input transcript (or the preferred transcript for genomic input).
    public var hgvsC: String?
    /// The same on the r. level (exonic variants of a transcript).
    public var hgvsR: String?
    /// p. consequence and protein key: filled by the protein module (empty until it is merged).
    public var hgvsP: String?
    public var proteinKey: String?
    /// rsIDs recorded for this variant in the reference data, e.g. `rs184479614`.
    public var rsids: [String]
    /// The same variant on other transcripts covering it (normalized c./n.).
    public var candidates: [String]
    /// Non-fatal notes: version fallbacks, unchecked reference bases, shifts limited by unknown sequence.
    public var warnings: [String]
    /// For an allele (`[a;b]`, `[a];[b]`, `[a(;)b]`): how its parts are phased; nil for a single variant.
    public var phase: AllelePhase?
    /// For an allele: its normalized components, one list per chromosome copy (`[a;b]`: one list; `[a];[b]`:
    /// two; `[a(;)b]`: one list per variant). Adjacent changes of one copy are merged into one component
    /// (`g.[7109T>A;7110del]` is the single component `g.7109_7110delinsA`). Empty for a single variant.
    public var alleles: [[NormalizedVariant]]

    public init() {
        rsids = []
        candidates = []
        warnings = []
        alleles = []
    }
}

/// How the parts of an allele description are phased.
public enum AllelePhase: String, Hashable, Sendable {
    /// `[a;b]`: on one chromosome copy.
    case cis
    /// `[a];[b]`: on different copies.
    case trans
    /// `[a(;)b]`: phase not known.
    case unknown
}
