/// Importer for the UTA loading format used by biocommons/uta (`loading/data/*`):
/// `sequences.fasta(.bgz)` (`>LRG_164t1 ...`), `exonset(.gz)` (`tx_ac alt_ac method strand exons_se_i`, genomic
/// exons 0-based half-open in transcript order) and `txinfo(.gz)` (`origin ac hgnc cds_se_i exons_se_i`, CDS and
/// exons 0-based half-open in transcript coordinates), optionally joined with NCBI's `LRG_RefSeqGene` file
/// (LRG_164 t1 <-> NM_003156.3 / NP_003147.2 / NG_016277.1).
///
/// Example: `LRG_164t1` with RefSeqGene becomes transcript NM_003156.3 (alternate name LRG_164t1), CDS `[568, 2626)`.
public struct UTAImporter {
    public var sequencesPath: String
    public var exonSetPath: String
    public var transcriptInfoPath: String
    /// NCBI `LRG_RefSeqGene` (tab-separated, `#tax_id GeneID Symbol RSG LRG RNA t Protein p Category`); optional.
    public var refSeqGenePath: String?
    /// The assembly of the exon set's `alt_ac` alignments (the LRG loading data is GRCh37).
    public var assembly: Assembly

    public init(
        sequences: String, exonSet: String, transcriptInfo: String, refSeqGene: String? = nil,
        assembly: Assembly = .grch37
    ) {
        sequencesPath = sequences
        exonSetPath = exonSet
        transcriptInfoPath = transcriptInfo
        refSeqGenePath = refSeqGene
        self.assembly = assembly
    }

    /// Reads all inputs; every transcript must have a txinfo row, an exon set and a sequence.
    public func load() throws(ReferenceError) -> ReferenceData {
        let sequences = try readFASTA(InputFile.read(sequencesPath), file: sequencesPath)
        var sequenceOf: [String: [UInt8]] = [:]
        for s in sequences { sequenceOf[s.name] = s.sequence }

        // exonset
        var genomic: [String: (chromosome: String, strand: Strand, exons: [(Int, Int)], line: Int)] = [:]
        try forEachTSVRecord(exonSetPath) { r throws(ReferenceError) in
            let transcript = String(try r.string(0))
            guard let strand = Strand(text: try r.string(3)) else {
                throw r.fail(3, "expected 1 or -1, found \"\(r.optional(3))\"")
            }
            genomic[transcript] = (String(try r.string(1)), strand, try r.startEndList(4), r.line)
        }

        // LRG_RefSeqGene: LRG_164 + t1 -> (NM, NP, NG)
        var refSeq: [String: (rna: String, protein: String, genomic: String)] = [:]
        if let path = refSeqGenePath {
            try forEachTSVRecord(
                path, names: ["tax_id", "GeneID", "Symbol", "RSG", "LRG", "RNA", "t", "Protein", "p", "Category"]
            ) {
                r throws(ReferenceError) in
                let lrg = try r.string(4)
                let t = try r.string(6)
                guard !lrg.isEmpty, !t.isEmpty else { return }
                refSeq["\(lrg)\(t)"] = (String(try r.string(5)), String(try r.string(7)), String(try r.string(3)))
            }
        }

        var data = ReferenceData()
        try forEachTSVRecord(transcriptInfoPath) { r throws(ReferenceError) in
            let id = String(try r.string(1))
            let gene = String(try r.string(2))
            let cdsText = try r.string(3)
            var cds: TranscriptInterval?
            if !cdsText.isEmpty {
                let pairs = try r.startEndList(3)
                guard pairs.count == 1 else { throw r.fail(3, "expected one \"start,end\" pair, found \"\(cdsText)\"") }
                cds = TranscriptInterval(start: pairs[0].0, end: pairs[0].1)
            }
            let exons = try r.startEndList(4).map { TranscriptInterval(start: $0.0, end: $0.1) }
            guard let sequence = sequenceOf[id] else {
                throw r.fail(1, "\(id) has no sequence in \(sequencesPath)")
            }
            guard exons.last?.end == sequence.count else {
                throw r.fail(
                    4, "exons end at \(exons.last?.end ?? 0) but the sequence of \(id) has \(sequence.count) bases")
            }
            if let cds, cds.end > sequence.count || cds.start >= cds.end {
                throw r.fail(3, "CDS \(cds.start),\(cds.end) lies outside the \(sequence.count)-base transcript")
            }
            var alignments: [TranscriptAlignment] = []
            if let g = genomic[id] {
                guard g.exons.count == exons.count else {
                    throw ReferenceError(
                        .badRecord, file: exonSetPath, line: g.line, field: "exons_se_i",
                        "\(id) has \(g.exons.count) genomic exons but \(exons.count) transcript exons in \(transcriptInfoPath)"
                    )
                }
                // UTA exon sets carry no CIGAR. Where an exon's transcript and genomic lengths differ (an assembly
                // indel, e.g. UNC93B1 LRG_123t1 on GRCh37) the gap is recorded at the exon's 3' end of the CIGAR;
                // its exact place inside the exon is not known from this source.
                let aligned = zip(exons, g.exons).map { tx, gx -> AlignedExon in
                    let genomicLength = gx.1 - gx.0
                    var cigar = ""
                    if tx.length > genomicLength {
                        cigar = "\(genomicLength)M\(tx.length - genomicLength)I"
                    } else if tx.length < genomicLength {
                        cigar = "\(tx.length)M\(genomicLength - tx.length)D"
                    }
                    return AlignedExon(transcript: tx, genomic: GenomicInterval(start: gx.0, end: gx.1), cigar: cigar)
                }
                alignments.append(
                    TranscriptAlignment(
                        assembly: assembly, chromosome: g.chromosome, strand: g.strand,
                        exons: aligned, source: "UTA-LRG"))
            }
            var model = TranscriptModel(
                accession: id, gene: gene, cds: cds, sequence: sequence, exons: exons,
                alignments: alignments, source: "UTA-LRG")
            if let names = refSeq[id], !names.rna.isEmpty {
                model.accession = names.rna
                model.alternateAccessions = [id]
                model.proteinAccession = names.protein
                model.genomicReference = names.genomic
            }
            data.transcripts.append(model)
        }
        return data
    }
}

/// Importer for `lrg-derived/lrg_transcripts.tsv`: the GRCh38 exons of the LRG transcripts, lifted per gene.
/// Lifts with no support or contradicted by the ClinVar check (`clinvar_snv_offset_check` with disagreements,
/// e.g. FOXP3, UNC93B1, ITCH, GPC3) are skipped.
public struct LRGDerivedImporter {
    public var path: String
    public init(path: String) { self.path = path }

    /// GRCh38 alignments keyed by LRG transcript id (`LRG_164t1`), and the transcripts skipped with why.
    public func grch38Alignments() throws(ReferenceError) -> (
        alignments: [String: TranscriptAlignment], skipped: [String: String]
    ) {
        var result: [String: TranscriptAlignment] = [:]
        var skipped: [String: String] = [:]
        try forEachTSVRecord(path) { r throws(ReferenceError) in
            let id = String(try r.string(0))
            guard !r.optional(18).isEmpty, !r.optional(15).isEmpty else {
                skipped[id] = "no GRCh38 lift"
                return
            }
            let check = r.optional(19).split(separator: "/")
            if check.count == 2, let agree = Int(check[0]), let total = Int(check[1]), agree < total {
                skipped[id] = "GRCh38 lift contradicted by ClinVar (\(r.optional(19)))"
                return
            }
            guard let strand = Strand(text: try r.string(10)) else { throw r.fail(10, "expected + or -") }
            let g = try r.oneBasedRangeList(18)
            let t = try r.oneBasedRangeList(14)
            guard g.count == t.count else {
                throw r.fail(18, "\(g.count) genomic exons for \(t.count) transcript exons")
            }
            let exons = zip(t, g).map {
                AlignedExon(
                    transcript: TranscriptInterval(start: $0.0.0, end: $0.0.1),
                    genomic: GenomicInterval(start: $0.1.0, end: $0.1.1))
            }
            result[id] = TranscriptAlignment(
                assembly: .grch38, chromosome: String(try r.string(15)), strand: strand,
                exons: exons, source: "lrg-derived lift")
        }
        return (result, skipped)
    }
}
