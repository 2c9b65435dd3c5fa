import VarSynReference

/// The production ``ReferenceProvider``: views over a memory-mapped `ReferenceTable`. Transcripts and alignments
/// are (table, index) pairs; reading a field reads the mapped bytes.
///
/// ```swift
/// let provider = TableReferenceProvider(try ReferenceTable.embeddedDefault())
/// provider.transcript(accession: "NM_003156.3")?.transcript.base(at: 1061)   // "C" (c.494)
/// ```
public struct TableReferenceProvider: ReferenceProvider {
    public let table: ReferenceTable

    public init(_ table: ReferenceTable) { self.table = table }

    public func transcript(accession: String) -> TranscriptLookup<TableTranscript>? {
        guard let r = table.transcript(accession: accession) else { return nil }
        return TranscriptLookup(transcript: TableTranscript(r.record), warning: r.warning(requested: accession))
    }

    public func transcript(protein accession: String) -> TableTranscript? {
        table.transcript(protein: accession).map(TableTranscript.init)
    }

    public func transcripts(gene symbol: String) -> [TableTranscript] {
        table.transcripts(gene: symbol).map(TableTranscript.init)
    }

    public func transcripts(overlapping interval: GenomicInterval, chromosome: String, assembly: Assembly)
        -> [TableTranscript]
    {
        var out: [TableTranscript] = []
        for feature in table.features(overlapping: interval, on: chromosome, assembly: assembly) {
            if case .alignment(let a) = feature { out.append(TableTranscript(a.transcript)) }
        }
        return out.sorted { $0.accession < $1.accession }
    }

    public func chromosome(_ name: String, assembly: Assembly?) -> ChromosomeModel? {
        guard let c = table.chromosome(name, assembly: assembly) else { return nil }
        return ChromosomeModel(
            assembly: c.assembly, name: c.name.string, accession: c.accession.string,
            aliases: c.aliases.string.split(separator: ",").map(String.init), length: c.length)
    }

    public func chromosomeLength(accession: String) -> Int? { table.chromosome(accession)?.length }

    public func genomicSequence(
        chromosome: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        guard !range.isEmpty else { return true }
        let interval = GenomicInterval(start: range.lowerBound, end: range.upperBound)
        for feature in table.features(overlapping: interval, on: chromosome) {
            guard case .placement(let p) = feature else { continue }
            let segment = p.segment
            guard !differencesBlock(range, kinds: EncodedDifferences(bytes: p.differencesText.bytes)) else { continue }
            if copyThroughPlacement(
                strand: p.strand, segment: p.segmentInterval, genomic: p.genomic, range: range, into: buffer,
                read: { segment.copySequence($0, into: $1) })
            {
                return true
            }
        }
        return false
    }

    public func segment(accession: String) -> ReferenceSegment? {
        guard let s = table.segment(accession: accession) else { return nil }
        return ReferenceSegment(
            accession: s.accession.string, length: s.length,
            placements: s.placements.map {
                SegmentPlacement(
                    assembly: $0.assembly, chromosome: $0.chromosome.string, strand: $0.strand,
                    segment: $0.segmentInterval, genomic: $0.genomic, differences: $0.differences)
            })
    }

    public func segmentSequence(accession: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        table.segment(accession: accession)?.copySequence(range, into: buffer) ?? 0
    }

    public func rsids(allele: String) -> [Int] { table.rsids(allele: allele).map(\.rsid) }

    public func alleles(rsid: Int) -> [String] { table.alleles(rsid: rsid).map(\.allele.string) }
}

/// A transcript of a `ReferenceTable` as a ``ReferenceTranscript``.
public struct TableTranscript: ReferenceTranscript, Hashable {
    public let record: TranscriptRecord

    public init(_ record: TranscriptRecord) { self.record = record }

    public var accession: String { record.accession.string }
    public var gene: String { record.gene.string }
    public var proteinAccession: String { record.proteinAccession.string }
    public var lrgAccession: String? {
        let source = record.source
        // LRG-XML / UTA-LRG records are LRG transcripts; their LRG name is an alternate name in the table.
        guard source == "LRG-XML" || source == "UTA-LRG" else { return nil }
        return record.table.lrgName(of: record)
    }
    public var isMANESelect: Bool {
        guard let gene = record.table.gene(symbol: record.gene.string) else { return false }
        return !gene.maneRefSeq.isEmpty && gene.maneRefSeq == record.accession
            || !gene.maneEnsembl.isEmpty && gene.maneEnsembl == record.accession
    }
    public var length: Int { record.length }
    public var cds: TranscriptInterval? { record.cds }
    public var exonCount: Int { record.exons.count }
    public func exon(_ index: Int) -> TranscriptInterval { record.exons[index].interval }
    public func base(at position: Int) -> UInt8? { record.base(at: position) }
    public func copySequence(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        record.copySequence(range, into: buffer)
    }
    public func alignment(on assembly: Assembly) -> TableAlignment? {
        record.alignment(on: assembly).map(TableAlignment.init)
    }
}

/// An alignment of a `ReferenceTable` transcript as a ``ReferenceAlignment``.
public struct TableAlignment: ReferenceAlignment {
    public let record: AlignmentRecord

    public init(_ record: AlignmentRecord) { self.record = record }

    public var assembly: Assembly { record.assembly }
    public var chromosome: String { record.chromosome.string }
    public var strand: Strand { record.strand }
    public var exonCount: Int { record.exons.count }
    public func exon(_ index: Int) -> AlignedExon {
        let e = record.exons[index]
        return AlignedExon(transcript: e.transcript, genomic: e.genomic, cigar: e.cigar.isEmpty ? "" : e.cigar.string)
    }
}

extension ReferenceTable {
    /// The LRG transcript name (`LRG_164t1`) of a transcript, found among its LRG-flavoured names: the record's
    /// genomic reference `LRG_N` with `tK`, probing K = 1...40 through the name index (allocates a few strings).
    func lrgName(of record: TranscriptRecord) -> String? {
        let reference = record.genomicReference.string
        guard reference.hasPrefix("LRG_") else { return nil }
        for k in 1...40 {
            let name = "\(reference)t\(k)"
            if let r = transcript(accession: name), r.match == .exact || r.match == .alternateName, r.record == record {
                return name
            }
        }
        return nil
    }
}

extension Normalizer where Provider == TableReferenceProvider {
    /// A normalizer over a `ReferenceTable` (e.g. `ReferenceTable.embeddedDefault()`).
    public init(table: ReferenceTable, options: NormalizeOptions = NormalizeOptions()) {
        self.init(provider: TableReferenceProvider(table), options: options)
    }
}

/// The (kind, genomic start, genomic end) of differences encoded as `mismatch:17703-17703:3868405-3868405:T:C;…`,
/// read from the table's bytes without allocating.
struct EncodedDifferences: Sequence, IteratorProtocol {
    let bytes: UnsafeRawBufferPointer
    var position = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func next() -> (mismatch: Bool, genomicStart: Int, genomicEnd: Int)? {
        while position < bytes.count {
            let start = position
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ";") { end += 1 }
            position = end + 1
            // Fields: kind, s0-s1, g0-g1, ...
            var field = 0
            var numbers: [Int] = []
            numbers.reserveCapacity(4)
            var value = 0
            var inNumber = false
            var i = start
            let mismatch = end - start >= 8 && bytes[start] == UInt8(ascii: "m") && bytes[start + 1] == UInt8(ascii: "i")
            while i < end && field < 3 {
                let b = bytes[i]
                if b == UInt8(ascii: ":") {
                    if inNumber { numbers.append(value) }
                    field += 1
                    value = 0
                    inNumber = false
                } else if field > 0 && b == UInt8(ascii: "-") {
                    if inNumber { numbers.append(value) }
                    value = 0
                    inNumber = false
                } else if field > 0 && b >= 48 && b <= 57 {
                    value = value &* 10 &+ Int(b - 48)
                    inNumber = true
                }
                i += 1
            }
            if inNumber && field <= 2 { numbers.append(value) }
            if numbers.count >= 4 { return (mismatch, numbers[2], numbers[3]) }
        }
        return nil
    }
}
