#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Importer for cdot JSON (SACGF/cdot, what biocommons hgvs' cdot data provider reads), GRCh37 and/or GRCh38.
///
/// Per transcript: `gene_name`, `hgnc`, `protein`, `start_codon`/`stop_codon` (CDS, 0-based half-open in
/// transcript coordinates, stop codon included) and per build `contig`, `strand` and exons
/// `[g_start, g_end, exon_no, tx_start, tx_end, cigar]` (genomic 0-based half-open; transcript 1-based inclusive;
/// cigar like `M196 I1 M61`, `I` = bases in the transcript only). Sequences come from an optional
/// `{accession: sequence}` JSON (cdot's transcript sequence file).
///
/// Example: NM_001637.3 (AOAH) exon 20 on GRCh37 has CIGAR `196M1I61M1I181M`.
public struct CDotImporter {
    public var path: String
    public var sequencesPath: String?
    public init(path: String, sequences: String? = nil) {
        self.path = path
        sequencesPath = sequences
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        let bytes = try InputFile.read(path)
        guard let root = JSONReader.value(bytes) as? [String: Any],
            let transcripts = root["transcripts"] as? [String: Any]
        else {
            throw ReferenceError(
                .badRecord, file: path, line: 1, field: "transcripts",
                "expected a cdot JSON object with \"transcripts\"")
        }
        var sequences: [String: String] = [:]
        if let sequencesPath {
            let raw = try InputFile.read(sequencesPath)
            guard let object = JSONReader.value(raw) as? [String: String] else {
                throw ReferenceError(
                    .badRecord, file: sequencesPath, line: 1, "expected a JSON object of accession -> sequence")
            }
            sequences = object
        }
        var data = ReferenceData()
        for accession in transcripts.keys.sorted() {
            func fail(_ field: String, _ message: String) -> ReferenceError {
                ReferenceError(.badRecord, file: path, field: "transcripts.\(accession).\(field)", message)
            }
            guard let t = transcripts[accession] as? [String: Any] else { throw fail("", "expected an object") }
            let builds = t["genome_builds"] as? [String: Any] ?? [:]
            var alignments: [TranscriptAlignment] = []
            var transcriptExons: [TranscriptInterval] = []
            for buildName in builds.keys.sorted() {
                guard let assembly = Assembly(name: buildName) else { continue }
                guard let build = builds[buildName] as? [String: Any], let contig = build["contig"] as? String,
                    let strandText = build["strand"] as? String, let strand = Strand(text: strandText),
                    let exons = build["exons"] as? [[Any]]
                else { throw fail("genome_builds.\(buildName)", "expected contig, strand (+/-) and exons") }
                var aligned: [(number: Int, exon: AlignedExon)] = []
                for (i, e) in exons.enumerated() {
                    guard e.count >= 5, let gs = JSONReader.int(e[0]), let ge = JSONReader.int(e[1]),
                        let number = JSONReader.int(e[2]), let ts = JSONReader.int(e[3]), let te = JSONReader.int(e[4]),
                        gs <= ge, ts >= 1, ts <= te + 1
                    else {
                        throw fail(
                            "genome_builds.\(buildName).exons[\(i)]",
                            "expected [g_start, g_end, exon_no, tx_start, tx_end, cigar]")
                    }
                    let cigar = try Self.normalizeCIGAR(e.count > 5 ? e[5] as? String : nil) {
                        fail("genome_builds.\(buildName).exons[\(i)]", $0)
                    }
                    aligned.append(
                        (
                            number,
                            AlignedExon(
                                transcript: TranscriptInterval(hgvsStart: ts, hgvsEnd: te),
                                genomic: GenomicInterval(start: gs, end: ge), cigar: cigar)
                        ))
                }
                aligned.sort { $0.number < $1.number }
                if transcriptExons.isEmpty { transcriptExons = aligned.map(\.exon.transcript) }
                alignments.append(
                    TranscriptAlignment(
                        assembly: assembly, chromosome: contig, strand: strand,
                        exons: aligned.map(\.exon), source: "cdot"))
            }
            var cds: TranscriptInterval?
            if let start = JSONReader.int(t["start_codon"]), let stop = JSONReader.int(t["stop_codon"]) {
                guard start < stop else {
                    throw fail("start_codon", "start_codon \(start) is not before stop_codon \(stop)")
                }
                cds = TranscriptInterval(start: start, end: stop)
            }
            let sequence = Array((sequences[accession] ?? "").uppercased().utf8)
            data.transcripts.append(
                TranscriptModel(
                    accession: accession, gene: t["gene_name"] as? String ?? "",
                    hgncID: Int(t["hgnc"] as? String ?? "") ?? 0, proteinAccession: t["protein"] as? String ?? "",
                    cds: cds,
                    sequence: sequence, exons: transcriptExons, alignments: alignments, source: "cdot"))
        }
        if let genes = root["genes"] as? [String: Any] {
            for (_, value) in genes.sorted(by: { $0.key < $1.key }) {
                guard let g = value as? [String: Any], let symbol = g["gene_symbol"] as? String else { continue }
                let aliases = (g["aliases"] as? String ?? "").split(separator: ",").map {
                    $0.trimmingWhitespace()
                }
                data.genes.append(
                    GeneModel(
                        symbol: symbol, hgncID: Int(g["hgnc"] as? String ?? "") ?? 0,
                        aliases: aliases.filter { !$0.isEmpty }))
            }
        }
        return data
    }

    /// cdot `M196 I1 M61` (op first) or SAM `196M1I61M` into SAM order; nil/empty stays empty.
    static func normalizeCIGAR(_ text: String?, fail: (String) -> ReferenceError) throws(ReferenceError) -> String {
        guard let text, !text.isEmpty else { return "" }
        var out = ""
        for token in text.split(separator: " ") {
            guard let first = token.first else { continue }
            if first.isLetter {
                guard let n = Int(token.dropFirst()), "MIDNX=".contains(first) else {
                    throw fail("bad CIGAR operation \"\(token)\"")
                }
                out += "\(n)\(first)"
            } else {
                out += token
            }
        }
        return out
    }
}
