import VarSynReference

/// A small ``ReferenceProvider`` over owned records, for tests and examples: transcripts (`TranscriptModel`),
/// chromosomes, and genomic sequence windows (a stretch of a chromosome's bases at an offset).
///
/// ```swift
/// var reference = InMemoryReferenceProvider()
/// reference.addGenomicWindow(chromosome: "NC_000001.11", start: 1000, bases: Array("ACGTTTTG".utf8))
/// ```
public struct InMemoryReferenceProvider: ReferenceProvider {
    public var transcriptModels: [TranscriptModel] = []
    public var chromosomes: [ChromosomeModel] = []
    /// MANE Select accessions.
    public var maneSelect: Set<String> = []
    /// Known genomic bases: chromosome accession -> windows (0-based start, bases).
    public var genomicWindows: [String: [(start: Int, bases: [UInt8])]] = [:]
    public var segments: [GenomicSegment] = []
    public var rsidAlleles: [RSIDAllele] = []

    public init(
        transcripts: [TranscriptModel] = [], chromosomes: [ChromosomeModel] = [], maneSelect: Set<String> = []
    ) {
        self.transcriptModels = transcripts
        self.chromosomes = chromosomes
        self.maneSelect = maneSelect
    }

    /// Records `bases` (upper-cased) as the plus-strand sequence of `chromosome` from 0-based `start`.
    public mutating func addGenomicWindow(chromosome: String, start: Int, bases: [UInt8]) {
        let upper = bases.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        genomicWindows[chromosome, default: []].append((start, upper))
    }

    func make(_ index: Int) -> InMemoryTranscript {
        let model = transcriptModels[index]
        return InMemoryTranscript(model: model, isMANESelect: maneSelect.contains(model.accession))
    }

    public func transcript(accession: String) -> TranscriptLookup<InMemoryTranscript>? {
        if let i = transcriptModels.firstIndex(where: {
            $0.accession == accession || $0.alternateAccessions.contains(accession)
        }) {
            return TranscriptLookup(transcript: make(i))
        }
        let base = accession.split(separator: ".").first.map(String.init) ?? accession
        let candidates = transcriptModels.indices.filter {
            transcriptModels[$0].accession.split(separator: ".").first.map(String.init) == base
        }
        guard let best = candidates.max(by: { transcriptModels[$0].accession < transcriptModels[$1].accession })
        else { return nil }
        let served = transcriptModels[best].accession
        let warning =
            accession.contains(".")
            ? "\(accession) is not in the table; using \(served) instead, whose sequence and coordinates may differ"
            : "\(accession) has no version; using the highest in the table, \(served)"
        return TranscriptLookup(transcript: make(best), warning: warning)
    }

    public func transcript(protein accession: String) -> InMemoryTranscript? {
        transcriptModels.indices.first { transcriptModels[$0].proteinAccession == accession }.map(make)
    }

    public func transcripts(gene symbol: String) -> [InMemoryTranscript] {
        transcriptModels.indices.filter { transcriptModels[$0].gene.lowercased() == symbol.lowercased() }.map(make)
    }

    public func transcripts(overlapping interval: GenomicInterval, chromosome: String, assembly: Assembly)
        -> [InMemoryTranscript]
    {
        transcriptModels.indices.filter { i in
            guard let a = transcriptModels[i].alignment(on: assembly), a.chromosome == chromosome else { return false }
            let span = a.span
            return span.start < interval.end && interval.start < span.end
        }.map(make)
    }

    public func chromosome(_ name: String, assembly: Assembly?) -> ChromosomeModel? {
        if let c = chromosomes.first(where: { $0.accession == name }) { return c }
        let wanted = assembly ?? .grch38
        return chromosomes.first {
            $0.assembly == wanted
                && ($0.name.lowercased() == name.lowercased() || $0.aliases.contains { $0.lowercased() == name.lowercased() })
        }
    }

    public func genomicSequence(
        chromosome: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        guard buffer.count >= range.count else { return false }
        for window in genomicWindows[chromosome] ?? [] {
            let lo = range.lowerBound - window.start
            let hi = range.upperBound - window.start
            guard lo >= 0, hi <= window.bases.count else { continue }
            for i in 0..<range.count { buffer[i] = window.bases[lo + i] }
            return true
        }
        for segment in segments {
            for placement in segment.placements where placement.chromosome == chromosome {
                let kinds = placement.differences.map { ($0.kind == .mismatch, $0.genomicStart, $0.genomicEnd) }
                guard !differencesBlock(range, kinds: kinds) else { continue }
                let found = copyThroughPlacement(
                    strand: placement.strand, segment: placement.segment, genomic: placement.genomic, range: range,
                    into: buffer
                ) { r, out in Self.copy(segment.sequence, r, out) }
                if found { return true }
            }
        }
        return false
    }

    public func segment(accession: String) -> ReferenceSegment? {
        segments.first { $0.accession == accession || $0.alternateAccessions.contains(accession) }.map {
            ReferenceSegment(accession: $0.accession, length: $0.sequence.count, placements: $0.placements)
        }
    }

    public func segmentSequence(accession: String, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        guard let s = segments.first(where: { $0.accession == accession || $0.alternateAccessions.contains(accession) })
        else { return 0 }
        return Self.copy(s.sequence, range, buffer)
    }

    public func rsids(allele: String) -> [Int] { rsidAlleles.filter { $0.allele == allele }.map(\.rsid) }

    public func alleles(rsid: Int) -> [String] { rsidAlleles.filter { $0.rsid == rsid }.map(\.allele) }

    static func copy(_ source: [UInt8], _ range: Range<Int>, _ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let lo = max(0, range.lowerBound)
        let hi = min(source.count, range.upperBound, lo + buffer.count)
        guard lo < hi else { return 0 }
        for i in lo..<hi { buffer[i - lo] = source[i] }
        return hi - lo
    }
}

/// A ``ReferenceTranscript`` over a `TranscriptModel`.
public struct InMemoryTranscript: ReferenceTranscript {
    public let model: TranscriptModel
    public let isMANESelect: Bool

    public init(model: TranscriptModel, isMANESelect: Bool = false) {
        self.model = model
        self.isMANESelect = isMANESelect
    }

    public var accession: String { model.accession }
    public var gene: String { model.gene }
    public var proteinAccession: String { model.proteinAccession }
    public var lrgAccession: String? { model.alternateAccessions.first { $0.hasPrefix("LRG_") } }
    public var length: Int { model.length }
    public var cds: TranscriptInterval? { model.cds }
    public var exonCount: Int { model.exons.count }
    public func exon(_ index: Int) -> TranscriptInterval { model.exons[index] }
    public func base(at position: Int) -> UInt8? {
        position >= 0 && position < model.sequence.count ? model.sequence[position] : nil
    }
    public func copySequence(_ range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        InMemoryReferenceProvider.copy(model.sequence, range, buffer)
    }
    public func alignment(on assembly: Assembly) -> InMemoryAlignment? {
        model.alignment(on: assembly).map(InMemoryAlignment.init)
    }
}

/// A ``ReferenceAlignment`` over a `TranscriptAlignment` model.
public struct InMemoryAlignment: ReferenceAlignment {
    public let model: TranscriptAlignment

    public init(_ model: TranscriptAlignment) { self.model = model }

    public var assembly: Assembly { model.assembly }
    public var chromosome: String { model.chromosome }
    public var strand: Strand { model.strand }
    public var exonCount: Int { model.exons.count }
    public func exon(_ index: Int) -> AlignedExon { model.exons[index] }
}
