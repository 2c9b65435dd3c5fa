/// Views over the records of a memory-mapped `ReferenceTable`. Each is a table reference plus an index: making
/// one allocates nothing; reading a field reads the mapped bytes. Coordinates are 0-based half-open
/// (`TranscriptInterval`, `GenomicInterval`).

/// A record type that lives in one table section.
public protocol TableElement {
    init(table: ReferenceTable, index: Int)
}

/// A contiguous run of records (exons of a transcript, transcripts of a gene, ...), without allocation.
public struct RecordList<Element: TableElement>: RandomAccessCollection {
    let table: ReferenceTable
    let range: Range<Int>
    /// Maps a position in the list to a record index (identity, or through a u32 index section).
    let indirection: TableFormat.Section?

    init(table: ReferenceTable, range: Range<Int>, indirection: TableFormat.Section? = nil) {
        self.table = table
        self.range = range
        self.indirection = indirection
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { range.count }
    public var count: Int { range.count }
    public func index(after i: Int) -> Int { i + 1 }
    public func index(before i: Int) -> Int { i - 1 }

    /// Iterates without going through the generic `IndexingIterator`.
    public struct Iterator: IteratorProtocol {
        let list: RecordList
        var position: Int
        public mutating func next() -> Element? {
            guard position < list.range.count else { return nil }
            defer { position += 1 }
            return list[position]
        }
    }
    public func makeIterator() -> Iterator { Iterator(list: self, position: 0) }
    public subscript(position: Int) -> Element {
        let raw = range.lowerBound + position
        if let indirection { return Element(table: table, index: Int(table.u32(indirection, raw, 0))) }
        return Element(table: table, index: raw)
    }
}

/// One exon in transcript coordinates.
public struct ExonRecord: TableElement, Sendable {
    public let interval: TranscriptInterval
    public init(table: ReferenceTable, index: Int) {
        interval = TranscriptInterval(start: Int(table.u32(.exons, index, 0)), end: Int(table.u32(.exons, index, 4)))
    }
}

/// A transcript: accession, gene, CDS, exons, sequence, alignments.
///
/// Example: NM_003156.3 -> gene STIM1, protein NP_003147.2, CDS `[568, 2626)` (n.569_2626), 12 exons.
public struct TranscriptRecord: TableElement, Sendable, Hashable {
    public let table: ReferenceTable
    /// Position in the transcript section.
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    public static func == (l: Self, r: Self) -> Bool { l.table === r.table && l.index == r.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    /// Accession with version, e.g. `NM_003156.3`.
    public var accession: TableString { table.string(.transcripts, index, 0) }
    /// HGNC symbol, e.g. `STIM1`.
    public var gene: TableString { table.string(.transcripts, index, 8) }
    /// Protein accession, e.g. `NP_003147.2`; empty when non-coding or unknown.
    public var proteinAccession: TableString { table.string(.transcripts, index, 16) }
    /// Genomic reference record (RefSeqGene NG_ or LRG), may be empty.
    public var genomicReference: TableString { table.string(.transcripts, index, 24) }
    /// The importer that produced the record, e.g. `UTA-LRG`, `LRG-XML`.
    public var source: TableString { table.string(.transcripts, index, 32) }
    /// HGNC numeric id, 0 when unknown.
    public var hgncID: Int { Int(table.u32(.transcripts, index, 40)) }
    var flags: UInt32 { table.u32(.transcripts, index, 44) }
    public var isCoding: Bool { flags & TableFormat.flagCoding != 0 }
    public var hasSequence: Bool { flags & TableFormat.flagHasSequence != 0 }
    /// Transcript length in bases.
    public var length: Int { Int(table.u32(.transcripts, index, 48)) }
    /// CDS, 0-based half-open in transcript coordinates (A of ATG .. last base of the stop codon); nil if non-coding.
    public var cds: TranscriptInterval? {
        guard isCoding else { return nil }
        return TranscriptInterval(
            start: Int(table.u32(.transcripts, index, 52)), end: Int(table.u32(.transcripts, index, 56)))
    }
    /// Exons in transcript order, transcript coordinates.
    public var exons: RecordList<ExonRecord> {
        RecordList(
            table: table,
            range: table.clampedRange(
                .exons,
                first: table.u32(.transcripts, index, 60), count: table.u32(.transcripts, index, 64)))
    }
    /// Alignments, at most one per assembly.
    public var alignments: RecordList<AlignmentRecord> {
        RecordList(
            table: table,
            range: table.clampedRange(
                .alignments,
                first: table.u32(.transcripts, index, 68), count: table.u32(.transcripts, index, 72)))
    }
    /// The alignment on `assembly`, if any.
    public func alignment(on assembly: Assembly) -> AlignmentRecord? {
        for a in alignments where a.assembly == assembly { return a }
        return nil
    }
    /// First base of the sequence in the table's 2-bit store (see `StoredSequence`).
    public var sequenceStart: UInt64 { table.u64(.transcripts, index, 80) }
}

/// A transcript's placement on one assembly.
public struct AlignmentRecord: TableElement, Sendable {
    public let table: ReferenceTable
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    /// RefSeq chromosome accession, e.g. `NC_000011.10`.
    public var chromosome: TableString { table.string(.alignments, index, 0) }
    /// Where the alignment came from, e.g. `UTA-LRG`, `LRG-XML`, `lrg-derived lift`.
    public var source: TableString { table.string(.alignments, index, 8) }
    public var transcript: TranscriptRecord {
        TranscriptRecord(table: table, index: Int(table.u32(.alignments, index, 16)))
    }
    public var assembly: Assembly { Assembly(rawValue: table.u8(.alignments, index, 20)) ?? .grch38 }
    public var strand: Strand { Strand(rawValue: table.u8(.alignments, index, 21)) ?? .plus }
    /// Exons in transcript order with their genomic intervals and CIGAR.
    public var exons: RecordList<AlignedExonRecord> {
        RecordList(
            table: table,
            range: table.clampedRange(
                .alignedExons,
                first: table.u32(.alignments, index, 24), count: table.u32(.alignments, index, 28)))
    }
    /// Genomic span of all exons, 0-based half-open.
    public var span: GenomicInterval {
        GenomicInterval(start: Int(table.u32(.alignments, index, 32)), end: Int(table.u32(.alignments, index, 36)))
    }

    /// The 0-based genomic position of 0-based transcript position `position` when it lies in an ungapped exon.
    ///
    /// Example: NM_003156.3 `c.494` = n.1062 = transcript position 1061 -> GRCh38 position 4055633 (g.4055634).
    public func genomicPosition(ofTranscriptPosition position: Int) -> Int? {
        for exon in exons where exon.transcript.start <= position && position < exon.transcript.end {
            guard exon.cigar.isEmpty || exon.transcript.length == exon.genomic.length else { return nil }
            let offset = position - exon.transcript.start
            return strand == .plus ? exon.genomic.start + offset : exon.genomic.end - 1 - offset
        }
        return nil
    }
}

extension AlignmentRecord {
    /// The 0-based transcript position at 0-based genomic position `position`, nil in introns, outside the
    /// alignment, or inside a gapped exon.
    ///
    /// Example: NM_003156.3 on GRCh38, genomic 4055633 (g.4055634) -> transcript position 1061 (n.1062 = c.494).
    public func transcriptPosition(ofGenomicPosition position: Int) -> Int? {
        for exon in exons where exon.genomic.contains(position) {
            guard exon.cigar.isEmpty || exon.transcript.length == exon.genomic.length else { return nil }
            return strand == .plus
                ? exon.transcript.start + (position - exon.genomic.start)
                : exon.transcript.start + (exon.genomic.end - 1 - position)
        }
        return nil
    }
}

/// One exon of an alignment.
public struct AlignedExonRecord: TableElement, Sendable {
    public let transcript: TranscriptInterval
    public let genomic: GenomicInterval
    /// CIGAR (transcript = query), empty for an ungapped match.
    public let cigar: TableString
    public init(table: ReferenceTable, index: Int) {
        transcript = TranscriptInterval(
            start: Int(table.u32(.alignedExons, index, 0)), end: Int(table.u32(.alignedExons, index, 4)))
        genomic = GenomicInterval(
            start: Int(table.u32(.alignedExons, index, 8)), end: Int(table.u32(.alignedExons, index, 12)))
        cigar = table.string(.alignedExons, index, 16)
    }
}

/// A gene: symbol, HGNC id, MANE transcripts, and the table's transcripts of the gene.
public struct GeneRecord: TableElement, Sendable {
    public let table: ReferenceTable
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    public var symbol: TableString { table.string(.genes, index, 0) }
    /// MANE Select RefSeq accession, e.g. `NM_001382567.1` for STIM1; may be empty.
    public var maneRefSeq: TableString { table.string(.genes, index, 8) }
    /// MANE Select Ensembl accession; may be empty.
    public var maneEnsembl: TableString { table.string(.genes, index, 16) }
    public var hgncID: Int { Int(table.u32(.genes, index, 24)) }
    /// Transcripts of this gene held in the table.
    public var transcripts: RecordList<TranscriptRecord> {
        RecordList(
            table: table,
            range: table.clampedRange(
                .geneTranscripts,
                first: table.u32(.genes, index, 28), count: table.u32(.genes, index, 32)), indirection: .geneTranscripts
        )
    }
}

/// A genomic sequence record (LRG, NG_) with its sequence and placements.
public struct SegmentRecord: TableElement, Sendable {
    public let table: ReferenceTable
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    public var accession: TableString { table.string(.segments, index, 0) }
    public var gene: TableString { table.string(.segments, index, 8) }
    public var source: TableString { table.string(.segments, index, 16) }
    public var sequenceStart: UInt64 { table.u64(.segments, index, 24) }
    public var length: Int { Int(table.u32(.segments, index, 32)) }
    public var placements: RecordList<PlacementRecord> {
        RecordList(
            table: table,
            range: table.clampedRange(
                .placements,
                first: table.u32(.segments, index, 36), count: table.u32(.segments, index, 40)))
    }
    public func placement(on assembly: Assembly) -> PlacementRecord? { placements.first { $0.assembly == assembly } }
}

/// Where a segment lies on an assembly, with its differences.
public struct PlacementRecord: TableElement, Sendable {
    public let table: ReferenceTable
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    public var chromosome: TableString { table.string(.placements, index, 0) }
    /// Differences encoded as `SegmentDifference.encoded`, `;`-separated.
    public var differencesText: TableString { table.string(.placements, index, 8) }
    /// Decoded differences (allocates).
    public var differences: [SegmentDifference] {
        differencesText.string.split(separator: ";").compactMap { SegmentDifference(encoded: $0) }
    }
    public var segment: SegmentRecord { SegmentRecord(table: table, index: Int(table.u32(.placements, index, 16))) }
    public var assembly: Assembly { Assembly(rawValue: table.u8(.placements, index, 20)) ?? .grch38 }
    public var strand: Strand { Strand(rawValue: table.u8(.placements, index, 21)) ?? .plus }
    /// 0-based half-open span on the segment.
    public var segmentInterval: GenomicInterval {
        GenomicInterval(start: Int(table.u32(.placements, index, 24)), end: Int(table.u32(.placements, index, 28)))
    }
    /// 0-based half-open span on the chromosome.
    public var genomic: GenomicInterval {
        GenomicInterval(start: Int(table.u32(.placements, index, 32)), end: Int(table.u32(.placements, index, 36)))
    }
}

/// A chromosome of an assembly.
public struct ChromosomeRecord: TableElement, Sendable {
    public let table: ReferenceTable
    public let index: Int
    public init(table: ReferenceTable, index: Int) {
        self.table = table
        self.index = index
    }
    /// e.g. `NC_000011.10`.
    public var accession: TableString { table.string(.chromosomes, index, 0) }
    /// e.g. `11`.
    public var name: TableString { table.string(.chromosomes, index, 8) }
    /// Comma-separated, e.g. `chr11`.
    public var aliases: TableString { table.string(.chromosomes, index, 16) }
    public var length: Int { Int(clamping: table.u64(.chromosomes, index, 24)) }
    public var assembly: Assembly { Assembly(rawValue: table.u8(.chromosomes, index, 32)) ?? .grch38 }
}

/// One rsID allele.
public struct RSIDRecord: TableElement, Sendable {
    /// Numeric part of the rsID.
    public let rsid: Int
    /// Allele text, e.g. `NC_000011.9:g.4076864C>A`.
    public let allele: TableString
    public init(table: ReferenceTable, index: Int) {
        rsid = Int(clamping: table.u64(.rsids, index, 0))
        allele = table.string(.rsids, index, 8)
    }
}

/// A key/value note stored in the table (sources, build command).
public struct MetadataRecord: TableElement, Sendable {
    public let key: TableString
    public let value: TableString
    public init(table: ReferenceTable, index: Int) {
        key = table.string(.metadata, index, 0)
        value = table.string(.metadata, index, 8)
    }
}

/// A record with bases in the table's 2-bit store (transcripts, genomic segments).
public protocol StoredSequence {
    var table: ReferenceTable { get }
    /// Number of bases.
    var length: Int { get }
    /// Whether the record has a sequence at all.
    var hasSequence: Bool { get }
    var sequenceStart: UInt64 { get }
}

extension StoredSequence {
    /// Base at 0-based position `position` (upper-case ASCII), nil when outside or without sequence.
    public func base(at position: Int) -> UInt8? {
        guard hasSequence, position >= 0, position < length else { return nil }
        return table.base(atStoreIndex: sequenceStart + UInt64(position))
    }

    /// Copies the bases of `range` (0-based half-open, clamped to the record) into `buffer`; returns how many were
    /// written. Allocates nothing.
    public func copySequence(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard hasSequence else { return 0 }
        return table.copyBases(storeStart: sequenceStart, available: length, range: range, into: buffer)
    }

    /// The bases of `range` as a `String` (allocates; for display and tests).
    public func sequence(_ range: Range<Int>) -> String {
        let lo = max(0, range.lowerBound)
        let hi = min(length, range.upperBound)
        guard hasSequence, lo < hi else { return "" }
        return String(unsafeUninitializedCapacity: hi - lo) { copySequence(lo..<hi, into: $0) }
    }
}

extension TranscriptRecord: StoredSequence {}

extension SegmentRecord: StoredSequence {
    /// Segments always carry their sequence.
    public var hasSequence: Bool { true }
}
