import VarSynReference

// The reference data the normalizer sees. Everything the normalizer (and the protein consequence code) reads
// about transcripts, alignments, genomic sequence and rsIDs goes through these protocols, so tests can run on a
// few hand-made records and production runs on the memory-mapped `ReferenceTable` without copying it.
//
// Coordinates are those of VarSynReference: 0-based half-open (`TranscriptInterval`, `GenomicInterval`, and
// `Range<Int>` of 0-based positions for sequence reads). Bases are upper-case ASCII IUPAC letters.

/// A transcript: accession, CDS, exons, sequence and its alignments to the genome assemblies.
///
/// Example: NM_003156.3 (STIM1) has `cds` `[568, 2626)` (n.569_2626), 12 exons, `base(at: 1061)` = `C` (c.494).
public protocol ReferenceTranscript: Sendable {
    associatedtype Alignment: ReferenceAlignment
    /// Accession with version, e.g. `NM_003156.3`.
    var accession: String { get }
    /// HGNC gene symbol, e.g. `STIM1`; may be empty.
    var gene: String { get }
    /// Protein accession with version, e.g. `NP_003147.2`; empty when non-coding or unknown.
    var proteinAccession: String { get }
    /// The LRG transcript name of the same sequence (`LRG_164t1`), when known.
    var lrgAccession: String? { get }
    /// Whether this is the gene's MANE Select transcript.
    var isMANESelect: Bool { get }
    /// Number of bases.
    var length: Int { get }
    /// CDS (A of ATG .. last base of the stop codon), 0-based half-open on the transcript; nil when non-coding.
    var cds: TranscriptInterval? { get }
    /// Number of exons.
    var exonCount: Int { get }
    /// Exon `index` (0-based, transcript order) in transcript coordinates.
    func exon(_ index: Int) -> TranscriptInterval
    /// Base at 0-based transcript position, nil outside or without sequence.
    func base(at position: Int) -> UInt8?
    /// Copies the bases of `range` (clamped) into `buffer`; returns how many were written.
    func copySequence(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
    /// The alignment to `assembly`, if any.
    func alignment(on assembly: Assembly) -> Alignment?
}

/// A transcript's placement on one assembly: chromosome, strand and exons (transcript order) with CIGAR gaps.
///
/// Example: NM_003156.3 on GRCh38 is on NC_000011.10, plus strand; exon 4 is transcript `[953, 1065)` at
/// `[4055525, 4055637)`.
public protocol ReferenceAlignment: Sendable {
    var assembly: Assembly { get }
    /// RefSeq chromosome accession, e.g. `NC_000011.10`.
    var chromosome: String { get }
    var strand: Strand { get }
    var exonCount: Int { get }
    /// Exon `index` in transcript order (exon 1 first, also on the minus strand). The CIGAR follows the cdot/UTA
    /// convention (transcript = query: `M`/`=`/`X` both, `I` transcript only, `D` genome only); empty = ungapped.
    func exon(_ index: Int) -> AlignedExon
}

/// The result of looking up a transcript accession: the transcript and, when the accession was not matched
/// exactly (versionless, other version, known equivalent), the warning to show.
///
/// Example: `NM_003156.4` -> NM_003156.3 with "NM_003156.4 is not in the table; resolved through NM_003156.3: …".
public struct TranscriptLookup<Transcript: ReferenceTranscript>: Sendable {
    public var transcript: Transcript
    public var warning: String?

    public init(transcript: Transcript, warning: String? = nil) {
        self.transcript = transcript
        self.warning = warning
    }
}

/// A genomic sequence record (LRG, RefSeqGene NG_) with its placements on the assemblies.
///
/// Example: `LRG_164` (STIM1), placed on NC_000011.10 and NC_000011.9.
public struct ReferenceSegment: Sendable, Hashable {
    public var accession: String
    public var length: Int
    public var placements: [SegmentPlacement]

    public init(accession: String, length: Int, placements: [SegmentPlacement]) {
        self.accession = accession
        self.length = length
        self.placements = placements
    }
}

/// The reference data the normalizer reads: transcripts, chromosomes, genomic sequence where known, rsIDs.
///
/// Conformances: ``TableReferenceProvider`` (the memory-mapped `ReferenceTable`; lookups allocate nothing beyond
/// the returned strings) and ``InMemoryReferenceProvider`` (a few records, for tests).
public protocol ReferenceProvider: Sendable {
    associatedtype Transcript: ReferenceTranscript

    /// Resolves a transcript accession (`NM_003156.3`, `LRG_164t1`, versionless or other version with a warning).
    func transcript(accession: String) -> TranscriptLookup<Transcript>?
    /// The transcript encoding protein `accession` (`NP_003147.2`).
    func transcript(protein accession: String) -> Transcript?
    /// Transcripts of a gene (symbol or alias, case-insensitive).
    func transcripts(gene symbol: String) -> [Transcript]
    /// Transcripts whose alignment on `assembly` overlaps `interval` of chromosome accession `chromosome`.
    func transcripts(overlapping interval: GenomicInterval, chromosome: String, assembly: Assembly) -> [Transcript]
    /// A chromosome by accession (`NC_000011.10`) or by name/alias (`11`, `chr11`) on `assembly` (GRCh38 if nil).
    func chromosome(_ name: String, assembly: Assembly?) -> ChromosomeModel?
    /// The length of a chromosome given by accession (has a default implementation through `chromosome`).
    func chromosomeLength(accession: String) -> Int?
    /// Copies genomic bases of chromosome accession `chromosome` (0-based `range`, plus strand) into `buffer`
    /// when the provider knows all of them (an LRG/NG_ segment covers the range without differences from the
    /// assembly there); returns false, writing nothing meaningful, when it does not.
    func genomicSequence(
        chromosome: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>
    )
        -> Bool
    /// A genomic segment (`LRG_164`, `NG_016277.1`).
    func segment(accession: String) -> ReferenceSegment?
    /// Copies bases of a segment's own sequence; returns how many were written.
    func segmentSequence(accession: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int
    /// rsIDs (numbers) recorded for allele text, e.g. `NC_000011.9:g.4076864C>A`.
    func rsids(allele: String) -> [Int]
    /// Allele texts recorded for `rs<number>`.
    func alleles(rsid: Int) -> [String]
}

extension ReferenceProvider {
    /// Length of a chromosome given by accession, without building a `ChromosomeModel` where the provider can.
    public func chromosomeLength(accession: String) -> Int? { chromosome(accession, assembly: nil)?.length }
}

// MARK: - Sequence helpers shared by the conformances

/// Complement of one upper-case IUPAC base, `N` for anything else (the table stores upper-case bases).
@inlinable
func complementBase(_ b: UInt8) -> UInt8 {
    guard b & 0x20 == 0, let c = Nucleotides.complement(b) else { return UInt8(ascii: "N") }
    return c
}

/// Reverse-complements `buffer[0..<count]` in place.
@inlinable
func reverseComplementInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>, count: Int) {
    var i = 0
    var j = count - 1
    while i < j {
        let a = complementBase(buffer[i])
        buffer[i] = complementBase(buffer[j])
        buffer[j] = a
        i += 1
        j -= 1
    }
    if i == j { buffer[i] = complementBase(buffer[i]) }
}

/// Whether a placement's differences keep `range` from being read through a plain offset: any indel (it shifts
/// coordinates) or a mismatch inside the range. Differences are 1-based inclusive genomic positions.
func differencesBlock(
    _ range: Range<Int>, kinds: some Sequence<(mismatch: Bool, genomicStart: Int, genomicEnd: Int)>
) -> Bool {
    for d in kinds {
        if !d.mismatch { return true }
        let lo = min(d.genomicStart, d.genomicEnd) - 1
        let hi = max(d.genomicStart, d.genomicEnd)
        if lo < range.upperBound && hi > range.lowerBound { return true }
    }
    return false
}

/// Copies the genomic bases of `range` on the plus strand of a chromosome from a segment placed there, when the
/// placement (`segment` interval on the segment, `genomic` on the chromosome) covers the range; `read` copies
/// segment bases. The caller has checked the differences with `differencesBlock`.
func copyThroughPlacement(
    strand: Strand, segment: GenomicInterval, genomic g: GenomicInterval, range: Range<Int>,
    into buffer: UnsafeMutableBufferPointer<UInt8>, read: (Range<Int>, UnsafeMutableBufferPointer<UInt8>) -> Int
) -> Bool {
    guard range.lowerBound >= g.start, range.upperBound <= g.end, buffer.count >= range.count,
        g.length == segment.length
    else { return false }
    let segmentRange: Range<Int>
    if strand == .plus {
        let s = segment.start + (range.lowerBound - g.start)
        segmentRange = s..<(s + range.count)
    } else {
        let e = segment.end - (range.lowerBound - g.start)
        segmentRange = (e - range.count)..<e
    }
    let n = read(segmentRange, buffer)
    guard n == range.count else { return false }
    if strand == .minus { reverseComplementInPlace(buffer, count: n) }
    return true
}
