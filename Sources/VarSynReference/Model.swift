/// The owned, in-memory model that importers produce and `TableWriter` serializes. Lookups go through
/// `ReferenceTable` (memory-mapped views), not through these types.

/// One exon of an alignment: where a transcript interval lies on the genome, with the CIGAR of the gaps.
///
/// Example: exon 4 of NM_003156.3 on GRCh38 is transcript `[953, 1065)` at NC_000011.10 `[4055525, 4055637)`, CIGAR `112=`.
public struct AlignedExon: Sendable, Hashable {
    /// 0-based half-open on the transcript.
    public var transcript: TranscriptInterval
    /// 0-based half-open on the chromosome.
    public var genomic: GenomicInterval
    /// CIGAR in the cdot/UTA convention (transcript is the query, genome the reference; `M`/`=`/`X` both,
    /// `I` transcript only, `D` genome only), read in transcript order. Empty means an ungapped match.
    public var cigar: String

    public init(transcript: TranscriptInterval, genomic: GenomicInterval, cigar: String = "") {
        self.transcript = transcript
        self.genomic = genomic
        self.cigar = cigar
    }
}

/// A transcript placed on one assembly: chromosome accession, strand and exons in transcript order.
public struct TranscriptAlignment: Sendable, Hashable {
    public var assembly: Assembly
    /// RefSeq chromosome accession, e.g. `NC_000011.10`.
    public var chromosome: String
    public var strand: Strand
    /// Exons in transcript order (exon 1 first, also on the minus strand).
    public var exons: [AlignedExon]
    /// Where this alignment came from, e.g. `UTA-LRG`, `LRG-XML`, `lrg-derived lift`, `cdot`.
    public var source: String

    public init(assembly: Assembly, chromosome: String, strand: Strand, exons: [AlignedExon], source: String) {
        self.assembly = assembly
        self.chromosome = chromosome
        self.strand = strand
        self.exons = exons
        self.source = source
    }

    /// The genomic span covered by all exons.
    public var span: GenomicInterval {
        GenomicInterval(
            start: exons.map(\.genomic.start).min() ?? 0,
            end: exons.map(\.genomic.end).max() ?? 0)
    }
}

/// Where a transcript lies on its own genomic record (`TranscriptModel.genomicReference`, an NG_ RefSeqGene or an
/// LRG sequence), in that record's coordinates: what `NG_012337.1(NM_003002.2):c.274G>T` needs, independent of any
/// assembly. Held in memory only (the binary table places transcripts through the assemblies).
///
/// Example: NM_003002.2 on NG_012337.1 is on the plus strand; exon 1 is transcript `[0, 113)` at `[5000, 5113)`.
public struct RecordPlacement: Sendable, Hashable {
    public var strand: Strand
    /// Exons in transcript order, `genomic` in the record's coordinates (0-based half-open).
    public var exons: [AlignedExon]

    public init(strand: Strand, exons: [AlignedExon]) {
        self.strand = strand
        self.exons = exons
    }
}

/// A transcript: accession.version, gene, CDS, sequence, exons, alignments.
public struct TranscriptModel: Sendable, Hashable {
    /// Primary accession with version, e.g. `NM_003156.3` (or `LRG_164t1` when no RefSeq name is known).
    public var accession: String
    /// Other names of the same sequence, e.g. `LRG_164t1`, `ENST00000300737.8` is NOT one (different UTRs).
    public var alternateAccessions: [String]
    /// HGNC gene symbol, e.g. `STIM1`.
    public var gene: String
    /// HGNC numeric id (`HGNC:11386` -> 11386), 0 when unknown.
    public var hgncID: Int
    /// Protein accession with version, e.g. `NP_003147.2`; empty for non-coding transcripts or when unknown.
    public var proteinAccession: String
    /// RefSeqGene / LRG genomic record the transcript is annotated on, e.g. `NG_016277.1`; may be empty.
    public var genomicReference: String
    /// CDS in transcript coordinates (0-based half-open, from the A of ATG to the last base of the stop codon);
    /// nil for non-coding transcripts.
    public var cds: TranscriptInterval?
    /// Transcript sequence (upper-case IUPAC), empty when the source has none.
    public var sequence: [UInt8]
    /// Length in bases (the sequence length when there is one, else the end of the last exon).
    public var length: Int
    /// Exons in transcript coordinates, in transcript order.
    public var exons: [TranscriptInterval]
    /// At most one alignment per assembly.
    public var alignments: [TranscriptAlignment]
    /// Importer that produced the record, e.g. `UTA-LRG`.
    public var source: String
    /// The exons on `genomicReference` in its own coordinates, when the importer read them (GFF3 on an NG_
    /// record, LRG XML); not stored in the binary table.
    public var recordPlacement: RecordPlacement?

    public init(
        accession: String, alternateAccessions: [String] = [], gene: String, hgncID: Int = 0,
        proteinAccession: String = "", genomicReference: String = "", cds: TranscriptInterval?,
        sequence: [UInt8] = [], length: Int? = nil, exons: [TranscriptInterval], alignments: [TranscriptAlignment] = [],
        source: String, recordPlacement: RecordPlacement? = nil
    ) {
        self.accession = accession
        self.alternateAccessions = alternateAccessions
        self.gene = gene
        self.hgncID = hgncID
        self.proteinAccession = proteinAccession
        self.genomicReference = genomicReference
        self.cds = cds
        self.sequence = sequence
        self.length = length ?? (sequence.isEmpty ? (exons.map(\.end).max() ?? 0) : sequence.count)
        self.exons = exons
        self.alignments = alignments
        self.source = source
        self.recordPlacement = recordPlacement
    }

    /// Whether the transcript codes for a protein.
    public var isCoding: Bool { cds != nil }

    /// The alignment on one assembly, if any.
    public func alignment(on assembly: Assembly) -> TranscriptAlignment? {
        alignments.first { $0.assembly == assembly }
    }
}

/// One difference between a genomic segment and an assembly (LRG XML `<diff>`), positions 1-based inclusive as
/// in the XML: `segmentStart...segmentEnd` on the segment, `genomicStart...genomicEnd` on the chromosome.
public struct SegmentDifference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case mismatch
        /// Bases present in the segment only (`lrg_ins`).
        case segmentInsertion = "lrg_ins"
        /// Bases present on the assembly only (`other_ins`).
        case genomicInsertion = "other_ins"
    }
    public var kind: Kind
    public var segmentStart: Int
    public var segmentEnd: Int
    public var genomicStart: Int
    public var genomicEnd: Int
    public var segmentSequence: String
    public var genomicSequence: String

    public init(
        kind: Kind, segmentStart: Int, segmentEnd: Int, genomicStart: Int, genomicEnd: Int, segmentSequence: String,
        genomicSequence: String
    ) {
        self.kind = kind
        self.segmentStart = segmentStart
        self.segmentEnd = segmentEnd
        self.genomicStart = genomicStart
        self.genomicEnd = genomicEnd
        self.segmentSequence = segmentSequence
        self.genomicSequence = genomicSequence
    }

    /// Compact text used in the binary table: `mismatch:17703-17703:3868405-3868405:T:C`.
    public var encoded: String {
        "\(kind.rawValue):\(segmentStart)-\(segmentEnd):\(genomicStart)-\(genomicEnd):\(segmentSequence):\(genomicSequence)"
    }

    /// Parses `encoded`.
    public init?(encoded: Substring) {
        let parts = encoded.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, let kind = Kind(rawValue: String(parts[0])) else { return nil }
        let s = parts[1].split(separator: "-")
        let g = parts[2].split(separator: "-")
        guard s.count == 2, g.count == 2, let s0 = Int(s[0]), let s1 = Int(s[1]), let g0 = Int(g[0]), let g1 = Int(g[1])
        else { return nil }
        self.init(
            kind: kind, segmentStart: s0, segmentEnd: s1, genomicStart: g0, genomicEnd: g1,
            segmentSequence: String(parts[3]), genomicSequence: String(parts[4]))
    }
}

/// Where a genomic segment lies on an assembly.
public struct SegmentPlacement: Sendable, Hashable {
    public var assembly: Assembly
    /// RefSeq chromosome accession, e.g. `NC_000011.10`.
    public var chromosome: String
    public var strand: Strand
    /// 0-based half-open span on the segment.
    public var segment: GenomicInterval
    /// 0-based half-open span on the chromosome.
    public var genomic: GenomicInterval
    /// Mismatches and indels between segment and assembly; a position must be computed through them.
    public var differences: [SegmentDifference]

    public init(
        assembly: Assembly, chromosome: String, strand: Strand, segment: GenomicInterval, genomic: GenomicInterval,
        differences: [SegmentDifference]
    ) {
        self.assembly = assembly
        self.chromosome = chromosome
        self.strand = strand
        self.segment = segment
        self.genomic = genomic
        self.differences = differences
    }
}

/// A genomic sequence record (LRG, RefSeqGene NG_, chromosome slice) and its placements on the assemblies.
public struct GenomicSegment: Sendable, Hashable {
    /// e.g. `LRG_164`.
    public var accession: String
    /// Other names, e.g. `NG_016277.1` (the RefSeqGene the LRG was made from).
    public var alternateAccessions: [String]
    public var gene: String
    public var sequence: [UInt8]
    public var placements: [SegmentPlacement]
    public var source: String

    public init(
        accession: String, alternateAccessions: [String] = [], gene: String, sequence: [UInt8],
        placements: [SegmentPlacement], source: String
    ) {
        self.accession = accession
        self.alternateAccessions = alternateAccessions
        self.gene = gene
        self.sequence = sequence
        self.placements = placements
        self.source = source
    }
}

/// A gene: HGNC symbol, id, aliases and the MANE transcripts.
public struct GeneModel: Sendable, Hashable {
    public var symbol: String
    public var hgncID: Int
    /// Previous symbols and aliases, e.g. `C1orf159` style case variants.
    public var aliases: [String]
    /// MANE Select RefSeq transcript, e.g. `NM_001382567.1`; empty when unknown.
    public var maneRefSeq: String
    /// MANE Select Ensembl transcript, e.g. `ENST00000526596.2`; empty when unknown.
    public var maneEnsembl: String

    public init(
        symbol: String, hgncID: Int = 0, aliases: [String] = [], maneRefSeq: String = "", maneEnsembl: String = ""
    ) {
        self.symbol = symbol
        self.hgncID = hgncID
        self.aliases = aliases
        self.maneRefSeq = maneRefSeq
        self.maneEnsembl = maneEnsembl
    }
}

/// A chromosome (or other top-level sequence) of an assembly: `chr11` / `11` <-> `NC_000011.10`, length.
public struct ChromosomeModel: Sendable, Hashable {
    public var assembly: Assembly
    /// Assembly name, e.g. `11`.
    public var name: String
    /// RefSeq accession, e.g. `NC_000011.10`.
    public var accession: String
    /// Other names, e.g. `chr11`, `CM000673.2`.
    public var aliases: [String]
    public var length: Int

    public init(assembly: Assembly, name: String, accession: String, aliases: [String], length: Int) {
        self.assembly = assembly
        self.name = name
        self.accession = accession
        self.aliases = aliases
        self.length = length
    }
}

/// A known relation between two versions of an accession, e.g. NM_003156.4 has the same protein and CDS as
/// NM_003156.3, so a request for .4 may be served by .3 with a warning.
public struct VersionEquivalence: Sendable, Hashable {
    /// The accession asked for, e.g. `NM_003156.4`.
    public var accession: String
    /// The accession in the table that serves it, e.g. `NM_003156.3`.
    public var servedBy: String
    /// Why, shown as the warning.
    public var note: String

    public init(accession: String, servedBy: String, note: String) {
        self.accession = accession
        self.servedBy = servedBy
        self.note = note
    }
}

/// One rsID allele: `rs80338794` -> `NC_000011.9:g.4076864C>A` (any HGVS-style allele text).
public struct RSIDAllele: Sendable, Hashable {
    /// Numeric part of the rsID.
    public var rsid: Int
    /// Allele as HGVS text, e.g. `NC_000011.10:g.4055634C>A`.
    public var allele: String

    public init(rsid: Int, allele: String) {
        self.rsid = rsid
        self.allele = allele
    }
}

/// Everything a table holds, owned. Importers fill one; `merge` combines several; `TableWriter` writes it.
public struct ReferenceData: Sendable {
    public var transcripts: [TranscriptModel] = []
    public var segments: [GenomicSegment] = []
    public var genes: [GeneModel] = []
    public var chromosomes: [ChromosomeModel] = []
    public var equivalences: [VersionEquivalence] = []
    public var rsids: [RSIDAllele] = []
    /// Free key/value notes written into the table (sources, build command).
    public var metadata: [(key: String, value: String)] = []

    public init() {}

    /// Adds `other`. Transcripts with an accession already present are replaced when `other` is preferred,
    /// otherwise alignments missing from the existing record are added; genes merge aliases.
    public mutating func merge(_ other: ReferenceData, preferOther: Bool = false) {
        var index: [String: Int] = [:]
        for (i, t) in transcripts.enumerated() { index[t.accession] = i }
        for t in other.transcripts {
            if let i = index[t.accession] {
                if preferOther {
                    var replacement = t
                    for a in transcripts[i].alignments where replacement.alignment(on: a.assembly) == nil {
                        replacement.alignments.append(a)
                    }
                    for name in transcripts[i].alternateAccessions where !replacement.alternateAccessions.contains(name)
                    {
                        replacement.alternateAccessions.append(name)
                    }
                    if replacement.sequence.isEmpty { replacement.sequence = transcripts[i].sequence }
                    transcripts[i] = replacement
                } else {
                    for a in t.alignments where transcripts[i].alignment(on: a.assembly) == nil {
                        transcripts[i].alignments.append(a)
                    }
                }
            } else {
                index[t.accession] = transcripts.count
                transcripts.append(t)
            }
        }
        var segmentIndex: [String: Int] = [:]
        for (i, s) in segments.enumerated() { segmentIndex[s.accession] = i }
        for s in other.segments {
            if let i = segmentIndex[s.accession] {
                if preferOther { segments[i] = s }
            } else {
                segmentIndex[s.accession] = segments.count
                segments.append(s)
            }
        }
        var geneIndex: [String: Int] = [:]
        for (i, g) in genes.enumerated() { geneIndex[g.symbol] = i }
        for g in other.genes {
            if let i = geneIndex[g.symbol] {
                for a in g.aliases where !genes[i].aliases.contains(a) { genes[i].aliases.append(a) }
                if genes[i].hgncID == 0 { genes[i].hgncID = g.hgncID }
                if genes[i].maneRefSeq.isEmpty { genes[i].maneRefSeq = g.maneRefSeq }
                if genes[i].maneEnsembl.isEmpty { genes[i].maneEnsembl = g.maneEnsembl }
            } else {
                geneIndex[g.symbol] = genes.count
                genes.append(g)
            }
        }
        var chromosomeKeys = Set(chromosomes.map { "\($0.assembly):\($0.accession)" })
        for c in other.chromosomes where chromosomeKeys.insert("\(c.assembly):\(c.accession)").inserted {
            chromosomes.append(c)
        }
        equivalences.append(contentsOf: other.equivalences)
        rsids.append(contentsOf: other.rsids)
        metadata.append(contentsOf: other.metadata)
    }
}
