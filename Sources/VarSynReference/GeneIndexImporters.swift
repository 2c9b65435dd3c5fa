#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Importer for the NCBI MANE summary (`MANE.GRCh38.v1.5.summary.txt.gz`): gene symbol, HGNC id and the
/// MANE Select RefSeq/Ensembl transcripts, i.e. the gene -> transcript index.
///
/// Example: `STIM1` -> HGNC 11386, MANE Select `NM_001382567.1` / `ENST00000526596.2`.
public struct MANESummaryImporter {
    public var path: String
    public init(path: String) { self.path = path }

    public func load() throws(ReferenceError) -> ReferenceData {
        var data = ReferenceData()
        var index: [String: Int] = [:]
        try forEachTSVRecord(path, validateHeader: { $0.count >= 10 && $0[3] == "symbol" && $0[5] == "RefSeq_nuc" }) {
            r throws(ReferenceError) in
            let symbol = String(try r.string(3))
            let hgncText = try r.string(2)
            var hgnc = 0
            if !hgncText.isEmpty {  // a few MANE rows have no HGNC id
                guard hgncText.hasPrefix("HGNC:"), let n = Int(hgncText.dropFirst(5)) else {
                    throw r.fail(2, "expected HGNC:<number> or nothing, found \"\(hgncText)\"")
                }
                hgnc = n
            }
            let select = try r.string(9) == "MANE Select"
            let gene = GeneModel(
                symbol: symbol, hgncID: hgnc,
                maneRefSeq: select ? String(try r.string(5)) : "", maneEnsembl: select ? String(try r.string(7)) : "")
            if let i = index[symbol] {
                if select { data.genes[i] = gene }
            } else {
                index[symbol] = data.genes.count
                data.genes.append(gene)
            }
        }
        return data
    }
}

/// Importer for `lrg-derived/mane_grch38_exons.tsv.gz`: the MANE transcripts' GRCh38 exons (no CDS, no
/// sequence), as transcripts with a GRCh38 alignment. `symbol hgnc_id ncbi_gene_id refseq_nuc refseq_prot
/// ensembl_nuc ensembl_prot mane_status chrom_ac chrom strand exon_count exons_genomic_1based exons_tx_1based
/// tx_len_exonic`.
public struct MANEExonsImporter {
    public var path: String
    public init(path: String) { self.path = path }

    public func load() throws(ReferenceError) -> ReferenceData {
        var data = ReferenceData()
        try forEachTSVRecord(path) { r throws(ReferenceError) in
            guard let strand = Strand(text: try r.string(10)) else { throw r.fail(10, "expected + or -") }
            let g = try r.oneBasedRangeList(12)
            let t = try r.oneBasedRangeList(13)
            guard g.count == t.count else {
                throw r.fail(13, "\(t.count) transcript exons for \(g.count) genomic exons")
            }
            let exons = t.map { TranscriptInterval(start: $0.0, end: $0.1) }
            let aligned = zip(exons, g).map {
                AlignedExon(transcript: $0.0, genomic: GenomicInterval(start: $0.1.0, end: $0.1.1))
            }
            let hgnc = Int(r.optional(1).dropFirst(5)) ?? 0
            let alignment = TranscriptAlignment(
                assembly: .grch38, chromosome: String(try r.string(8)), strand: strand,
                exons: aligned, source: "MANE/GENCODE")
            let symbol = String(try r.string(0))
            let ensembl = String(r.optional(5))
            data.transcripts.append(
                TranscriptModel(
                    accession: String(try r.string(3)),
                    alternateAccessions: [], gene: symbol, hgncID: hgnc, proteinAccession: String(r.optional(4)),
                    cds: nil, exons: exons, alignments: [alignment], source: "MANE/GENCODE"))
            if !ensembl.isEmpty {
                data.transcripts.append(
                    TranscriptModel(
                        accession: ensembl, gene: symbol, hgncID: hgnc,
                        proteinAccession: String(r.optional(6)), cds: nil, exons: exons, alignments: [alignment],
                        source: "MANE/GENCODE"))
            }
        }
        return data
    }
}

/// Importer for GENCODE gene tables: `hg38_gene_aliases.json.gz` (`{"alias": "SYMBOL"}`) and
/// `hg38_genes.tsv.gz` (`#contig start end gene_name gene_id strand gene_type`). Aliases that differ from the
/// symbol only in letter case are dropped (lookups are case-insensitive anyway).
public struct GencodeGeneImporter {
    public var aliasesPath: String?
    public var genesPath: String?
    public init(aliases: String? = nil, genes: String? = nil) {
        aliasesPath = aliases
        genesPath = genes
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        var data = ReferenceData()
        var aliasesOf: [String: [String]] = [:]
        if let path = aliasesPath {
            let bytes = try InputFile.read(path)
            guard let object = JSONReader.value(bytes) as? [String: String] else {
                throw ReferenceError(
                    .badRecord, file: path, line: 1, "expected a JSON object of alias -> symbol strings")
            }
            for (alias, symbol) in object {
                aliasesOf[symbol, default: []].append(
                    contentsOf: alias.uppercased() == symbol.uppercased() ? [] : [alias])
            }
        }
        if let path = genesPath {
            try forEachTSVRecord(
                path, names: ["contig", "start", "end", "gene_name", "gene_id", "strand", "gene_type"]
            ) {
                r throws(ReferenceError) in
                let symbol = String(try r.string(3))
                if aliasesOf[symbol] == nil { aliasesOf[symbol] = [] }
            }
        }
        for symbol in aliasesOf.keys.sorted() {
            data.genes.append(GeneModel(symbol: symbol, aliases: (aliasesOf[symbol] ?? []).sorted()))
        }
        return data
    }
}

/// Importer for NCBI assembly reports as JSON (bioutils `GRCh38.p14.json.gz`): chromosome names, RefSeq
/// accessions, aliases and lengths. Only assembled molecules are kept unless `allSequences`.
public struct AssemblyImporter {
    public var path: String
    public var allSequences: Bool
    public init(path: String, allSequences: Bool = false) {
        self.path = path
        self.allSequences = allSequences
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        let bytes = try InputFile.read(path)
        guard let object = JSONReader.value(bytes) as? [String: Any],
            let name = object["name"] as? String, let sequences = object["sequences"] as? [[String: Any]]
        else {
            throw ReferenceError(.badRecord, file: path, line: 1, "expected an assembly report with name and sequences")
        }
        guard let assembly = Assembly(name: name) else {
            throw ReferenceError(.badRecord, file: path, line: 1, field: "name", "unsupported assembly \"\(name)\"")
        }
        var data = ReferenceData()
        for (i, s) in sequences.enumerated() {
            guard allSequences || (s["sequence_role"] as? String) == "assembled-molecule" else { continue }
            guard let accession = s["refseq_ac"] as? String, let chromosome = s["name"] as? String,
                let length = JSONReader.int(s["length"])
            else {
                throw ReferenceError(
                    .badRecord, file: path, line: 0, field: "sequences[\(i)]", "missing refseq_ac, name or length")
            }
            var aliases = (s["aliases"] as? [String]) ?? []
            if let genbank = s["genbank_ac"] as? String { aliases.append(genbank) }
            data.chromosomes.append(
                ChromosomeModel(
                    assembly: assembly, name: chromosome, accession: accession,
                    aliases: aliases, length: length))
        }
        return data
    }
}

/// Importer for GENCODE exon tables as BED-like TSV (`hg38_exons.bed.gz`:
/// `#contig start end exon_id gene_name exon_number transcript_id`, 0-based half-open, UCSC names) with the gene
/// table (`hg38_genes.tsv.gz`) for the strand. Transcripts get GRCh38 alignments without CDS or sequence;
/// transcript coordinates are the exon lengths summed in `exon_number` order.
///
/// Example: ENST00000526596.2 (STIM1 MANE Select) -> 13 exons on NC_000011.10, plus strand.
public struct GencodeExonImporter {
    public var exonsPath: String
    public var genesPath: String
    public init(exons: String, genes: String) {
        exonsPath = exons
        genesPath = genes
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        var strandOf: [String: Strand] = [:]
        try forEachTSVRecord(genesPath) { r throws(ReferenceError) in
            guard let strand = Strand(text: try r.string(5)) else { throw r.fail(5, "expected + or -") }
            strandOf[String(try r.string(3))] = strand
        }
        var exons: [String: [(number: Int, chromosome: String, interval: GenomicInterval, gene: String, line: Int)]] =
            [:]
        var order: [String] = []
        try forEachTSVRecord(exonsPath) { r throws(ReferenceError) in
            let transcript = String(try r.string(6))
            let start = try r.int(1), end = try r.int(2)
            guard start < end else { throw r.fail(1, "start \(start) is not before end \(end)") }
            if exons[transcript] == nil { order.append(transcript) }
            exons[transcript, default: []].append(
                (
                    try r.int(5), String(try r.string(0)), GenomicInterval(start: start, end: end),
                    String(try r.string(4)), r.line
                ))
        }
        var data = ReferenceData()
        for transcript in order {
            guard let parts = exons[transcript]?.sorted(by: { $0.number < $1.number }), let first = parts.first else {
                continue
            }
            guard let chromosome = Assembly.grch38.chromosomeAccession(name: first.chromosome) else { continue }
            guard let strand = strandOf[first.gene] else {
                throw ReferenceError(
                    .badRecord, file: exonsPath, line: first.line, field: "gene_name",
                    "\(first.gene) is not in \(genesPath), so its strand is unknown")
            }
            var cursor = 0
            var aligned: [AlignedExon] = []
            for p in parts {
                aligned.append(
                    AlignedExon(
                        transcript: TranscriptInterval(start: cursor, end: cursor + p.interval.length),
                        genomic: p.interval))
                cursor += p.interval.length
            }
            data.transcripts.append(
                TranscriptModel(
                    accession: transcript, gene: first.gene, cds: nil,
                    exons: aligned.map(\.transcript),
                    alignments: [
                        TranscriptAlignment(
                            assembly: .grch38, chromosome: chromosome, strand: strand, exons: aligned,
                            source: "GENCODE")
                    ], source: "GENCODE"))
        }
        return data
    }
}
