import VarSynReference

/// Genomic bases of one chromosome as far as the reference data knows them: from an LRG/NG_ segment placed there
/// (through the provider), else from the exons of transcripts aligned there (their sequence, complemented on the
/// minus strand). Unknown bases read as nil. Reads are cached in one window.
final class GenomeView<Provider: ReferenceProvider> {
    let provider: Provider
    let chromosome: String
    let assembly: Assembly
    let length: Int?
    var exonSources: [(Provider.Transcript, Provider.Transcript.Alignment)] = []
    /// Whether any base was served from a transcript rather than a genomic record.
    private(set) var usedTranscriptSequence = false

    private var window: [UInt8] = []
    private var windowStart = 0
    /// Where no genomic record is (one failed base read marks ±1 kb: segments are long, and a view lives for one
    /// variant).
    private var failedWindows: [Range<Int>] = []
    /// Plus-strand bases of the last exon served from a transcript.
    private var exonWindow: [UInt8] = []
    private var exonWindowStart = 0

    init(provider: Provider, chromosome: String, assembly: Assembly, length: Int?) {
        self.provider = provider
        self.chromosome = chromosome
        self.assembly = assembly
        self.length = length
    }

    /// Adds a transcript whose exons may serve bases where no genomic record does.
    func addExonSource(_ transcript: Provider.Transcript) {
        guard let a = transcript.alignment(on: assembly), a.chromosome == chromosome else { return }
        if exonSources.contains(where: { $0.0.accession == transcript.accession }) { return }
        exonSources.append((transcript, a))
    }

    /// Whether the genomic record (not a transcript) knows base `g`.
    func genomeKnows(_ g: Int) -> Bool { genomicBase(g) != nil }

    /// The plus-strand base at 0-based `g`, nil when unknown.
    func base(_ g: Int) -> UInt8? {
        guard g >= 0, length.map({ g < $0 }) ?? true else { return nil }
        if let b = genomicBase(g) { return b }
        if g >= exonWindowStart && g < exonWindowStart + exonWindow.count {
            usedTranscriptSequence = true
            return exonWindow[g - exonWindowStart]
        }
        for (t, a) in exonSources {
            // The ungapped exon holding g, copied once in plus-strand orientation.
            for i in 0..<a.exonCount {
                let exon = a.exon(i)
                guard exon.genomic.contains(g), exon.cigar.isEmpty, exon.transcript.length == exon.genomic.length,
                    exon.transcript.start >= 0, exon.transcript.end <= t.length
                else { continue }
                // ±64 bases around g, clipped to the exon.
                let lo = max(exon.genomic.start, g - 64)
                let hi = min(exon.genomic.end, g + 64)
                let tStart =
                    a.strand == .plus
                    ? exon.transcript.start + (lo - exon.genomic.start) : exon.transcript.start + (exon.genomic.end - hi)
                var bases = [UInt8](repeating: 0, count: hi - lo)
                let n = bases.withUnsafeMutableBufferPointer { t.copySequence(tStart..<(tStart + hi - lo), into: $0) }
                guard n == bases.count else { continue }
                if a.strand == .minus {
                    bases.withUnsafeMutableBufferPointer { reverseComplementInPlace($0, count: n) }
                }
                exonWindow = bases
                exonWindowStart = lo
                usedTranscriptSequence = true
                return exonWindow[g - exonWindowStart]
            }
            // A gapped exon: map the single base.
            let mapper = TranscriptMapper(transcript: t)
            guard let p = mapper.point(ofGenomic: g, on: a), p.offset == 0, p.index >= 0, p.index < t.length,
                let b = t.base(at: p.index)
            else { continue }
            usedTranscriptSequence = true
            return a.strand == .plus ? b : complementBase(b)
        }
        return nil
    }

    private func genomicBase(_ g: Int) -> UInt8? {
        if g >= windowStart && g < windowStart + window.count { return window[g - windowStart] }
        if failedWindows.contains(where: { $0.contains(g) }) { return nil }
        for size in [512, 64, 1] {
            let lo = max(0, g - size / 2)
            let hi = length.map { min($0, lo + size) } ?? lo + size
            guard lo <= g, g < hi else { continue }
            var bases = [UInt8](repeating: 0, count: hi - lo)
            let ok = bases.withUnsafeMutableBufferPointer {
                provider.genomicSequence(chromosome: chromosome, range: lo..<hi, into: $0)
            }
            if ok {
                window = bases
                windowStart = lo
                return window[g - lo]
            }
        }
        failedWindows.append((g - 1000)..<(g + 1000))
        return nil
    }

    /// Sequence algebra over this view; nil beyond the chromosome's ends reads as a real end.
    var algebra: SequenceAlgebra {
        SequenceAlgebra(base: { self.base($0) }, bounds: length.map { 0..<$0 })
    }
}
