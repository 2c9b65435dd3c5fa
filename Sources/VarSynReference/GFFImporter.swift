#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Importer for RefSeq GFF3 and Ensembl GTF/GFF3 annotation, with optional FASTA for sequences.
///
/// - On chromosomes (`NC_000011.10`, or Ensembl `11` with a known assembly) transcripts get an alignment; the
///   RefSeq `cDNA_match` records (Target + Gap) give the transcript coordinates and CIGAR of gapped exons.
/// - On genomic records (`NG_012337.1`, chromosome slices) the record becomes a genomic segment when its FASTA is
///   given, and the transcripts' sequences are spliced from it.
/// - On a transcript record itself (mutalyzer `NM_003002.4.gff3`: seqid = the transcript) the CDS is read directly.
///
/// Positions in GFF/GTF are 1-based inclusive. GTF CDS excludes the stop codon; it is added from `stop_codon`.
public struct GFFImporter {
    public var path: String
    public var fastaPaths: [String]
    /// Assembly of chromosome names without accession (Ensembl `11`); guessed from the file name when nil.
    public var assembly: Assembly?

    public init(path: String, fasta: [String] = [], assembly: Assembly? = nil) {
        self.path = path
        fastaPaths = fasta
        self.assembly = assembly
    }

    struct Feature {
        var seqid: String, type: String, start: Int, end: Int, strand: Strand?, attributes: [String: String], line: Int
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        var sequences: [String: [UInt8]] = [:]
        for f in fastaPaths {
            for record in try readFASTA(InputFile.read(f), file: f) { sequences[record.name] = record.sequence }
        }
        let fileAssembly = assembly ?? (path.contains("GRCh37") ? .grch37 : path.contains("GRCh38") ? .grch38 : nil)
        var features: [Feature] = []
        for (number, text) in LineReader(try InputFile.read(path))
        where !text.isEmpty && text.first != UInt8(ascii: "#") {
            let r = TSVRecord(
                file: path, line: number, text: text,
                names: ["seqid", "source", "type", "start", "end", "score", "strand", "phase", "attributes"])
            guard r.fields.count >= 9 else { throw r.fail(r.fields.count, "expected 9 tab-separated columns") }
            let start = try r.int(3)
            let end = try r.int(4)
            guard start >= 1, start <= end + 1 else { throw r.fail(3, "start \(start) after end \(end)") }
            features.append(
                Feature(
                    seqid: String(r.fields[0]), type: String(r.fields[2]), start: start, end: end,
                    strand: Strand(text: r.fields[6]), attributes: Self.attributes(r.fields[8]), line: number))
        }
        // Transcript keys: GFF3 Parent of exons, GTF transcript_id.
        func transcriptKey(_ f: Feature) -> String? { f.attributes["Parent"] ?? f.attributes["transcript_id"] }
        var exonsOf: [String: [Feature]] = [:]
        var cdsOf: [String: [Feature]] = [:]
        var stopOf: [String: [Feature]] = [:]
        var featureByID: [String: Feature] = [:]
        var gtfTranscripts: [String: Feature] = [:]
        var matches: [String: [Feature]] = [:]
        var order: [String] = []
        for f in features {
            if let id = f.attributes["ID"], featureByID[id] == nil { featureByID[id] = f }
            switch f.type {
            case "exon":
                guard let key = transcriptKey(f) else { continue }
                if exonsOf[key] == nil { order.append(key) }
                exonsOf[key, default: []].append(f)
            case "CDS": if let key = transcriptKey(f) { cdsOf[key, default: []].append(f) }
            case "stop_codon": if let key = transcriptKey(f) { stopOf[key, default: []].append(f) }
            case "transcript" where f.attributes["ID"] == nil:
                if let id = f.attributes["transcript_id"] { gtfTranscripts[id] = f }
            case "cDNA_match", "match":
                if let target = f.attributes["Target"]?.split(separator: " ").first {
                    matches[String(target), default: []].append(f)
                }
            default: break
            }
        }

        var data = ReferenceData()
        var segmentsDone = Set<String>()
        for key in order {
            guard let exonFeatures = exonsOf[key], let first = exonFeatures.first else { continue }
            let parent = featureByID[key] ?? gtfTranscripts[key] ?? first
            let a = parent.attributes
            var accession = a["transcript_id"] ?? a["Name"] ?? key
            if accession.hasPrefix("rna-") { accession.removeFirst(4) }
            if let colon = accession.firstIndex(of: ":") {
                accession = String(accession[accession.index(after: colon)...])
            }
            if !accession.contains("."), let v = a["transcript_version"] ?? a["version"] { accession += ".\(v)" }
            // Exons of a gene on a transcript record (mutalyzer NM_003002.4.gff3): the record is the transcript.
            if Self.looksLikeTranscript(first.seqid) && (parent.type == "gene" || featureByID[key] == nil) {
                accession = first.seqid
            } else if parent.type == "gene" {
                // RefSeqGene `gbkey=exon` features hang off the gene (Splign exons of NG_012337.1 TIMM8B): they
                // describe no transcript of their own; the gene's mRNA records do.
                continue
            }
            let gene = a["gene"] ?? a["gene_name"] ?? featureByID[a["Parent"] ?? ""]?.attributes["Name"] ?? ""
            let hgnc = Self.hgncID(
                a["Dbxref"] ?? a["db_xref"] ?? featureByID[a["Parent"] ?? ""]?.attributes["Dbxref"] ?? "")
            guard let strand = first.strand else {
                throw ReferenceError(
                    .badRecord, file: path, line: first.line, field: "strand", "exon of \(accession) has no strand")
            }
            var genomicExons = exonFeatures.map { GenomicInterval(hgvsStart: $0.start, hgvsEnd: $0.end) }.sorted {
                $0.start < $1.start
            }
            if strand == .minus { genomicExons.reverse() }
            // Transcript coordinates: from cDNA_match when present, else cumulative.
            var aligned: [AlignedExon] = []
            var cursor = 0
            for g in genomicExons {
                if let m = matches[accession]?.first(where: { $0.start == g.start + 1 && $0.end == g.end }),
                    let target = m.attributes["Target"]?.split(separator: " "), target.count >= 3,
                    let ts = Int(target[1]), let te = Int(target[2])
                {
                    let cigar = try CDotImporter.normalizeCIGAR(m.attributes["Gap"]) {
                        ReferenceError(.badRecord, file: path, line: m.line, field: "Gap", $0)
                    }
                    aligned.append(
                        AlignedExon(
                            transcript: TranscriptInterval(hgvsStart: ts, hgvsEnd: te), genomic: g, cigar: cigar))
                    cursor = te
                } else {
                    aligned.append(
                        AlignedExon(transcript: TranscriptInterval(start: cursor, end: cursor + g.length), genomic: g))
                    cursor += g.length
                }
            }
            // CDS: genomic CDS pieces (+ GTF stop codon) mapped to transcript coordinates.
            var cds: TranscriptInterval?
            var protein = ""
            let cdsFeatures = (cdsOf[key] ?? []) + (stopOf[key] ?? [])
            if !cdsFeatures.isEmpty {
                let lo = cdsFeatures.map(\.start).min() ?? 0
                let hi = cdsFeatures.map(\.end).max() ?? 0
                func tx(_ position: Int) -> Int? {  // 1-based genomic -> 0-based transcript
                    for e in aligned where e.genomic.contains(position - 1) {
                        return strand == .plus
                            ? e.transcript.start + (position - 1 - e.genomic.start)
                            : e.transcript.start + (e.genomic.end - position)
                    }
                    return nil
                }
                if let s = tx(strand == .plus ? lo : hi), let e = tx(strand == .plus ? hi : lo) {
                    cds = TranscriptInterval(start: s, end: e + 1)
                }
                let c = cdsFeatures[0].attributes
                protein =
                    c["protein_id"].map { p in p.contains(".") ? p : p + (c["protein_version"].map { ".\($0)" } ?? "") }
                    ?? c["Name"] ?? ""
            }
            let seqid = first.seqid
            let chromosome =
                seqid.hasPrefix("NC_0000") || seqid == "NC_012920.1"
                ? seqid : fileAssembly?.chromosomeAccession(name: seqid)
            let onAssembly =
                chromosome.flatMap { Assembly(chromosomeAccession: $0) } ?? (chromosome != nil ? fileAssembly : nil)
            var alignments: [TranscriptAlignment] = []
            var sequence = sequences[accession] ?? []
            var genomicReference = ""
            var recordPlacement: RecordPlacement?
            if let chromosome, let onAssembly, !sequences.keys.contains(seqid) {
                alignments.append(
                    TranscriptAlignment(
                        assembly: onAssembly, chromosome: chromosome, strand: strand,
                        exons: aligned, source: "GFF"))
            } else if let genomic = sequences[seqid] {
                // Annotated on a genomic record (NG_, slice): splice the transcript from it.
                genomicReference = seqid
                recordPlacement = RecordPlacement(strand: strand, exons: aligned)
                if sequence.isEmpty {
                    for e in aligned where e.genomic.end <= genomic.count {
                        let piece = genomic[e.genomic.start..<e.genomic.end]
                        sequence += strand == .plus ? Array(piece) : Self.reverseComplement(piece)
                    }
                }
                if segmentsDone.insert(seqid).inserted {
                    data.segments.append(
                        GenomicSegment(accession: seqid, gene: gene, sequence: genomic, placements: [], source: "GFF"))
                }
            }
            data.transcripts.append(
                TranscriptModel(
                    accession: accession, gene: gene, hgncID: hgnc, proteinAccession: protein,
                    genomicReference: genomicReference, cds: cds, sequence: sequence,
                    length: sequence.isEmpty ? aligned.map(\.transcript.end).max() ?? 0 : sequence.count,
                    exons: aligned.map(\.transcript).sorted { $0.start < $1.start }, alignments: alignments,
                    source: "GFF", recordPlacement: recordPlacement))
        }

        // A transcript record annotated on itself (seqid = NM_/NR_/ENST without exon features).
        for f in features
        where f.type == "CDS" && !data.transcripts.contains(where: { $0.accession == f.seqid })
            && exonsOf.isEmpty && Self.looksLikeTranscript(f.seqid)
        {
            let length = sequences[f.seqid]?.count ?? features.filter { $0.seqid == f.seqid }.map(\.end).max() ?? f.end
            data.transcripts.append(
                TranscriptModel(
                    accession: f.seqid, gene: f.attributes["gene"] ?? "",
                    hgncID: Self.hgncID(f.attributes["Dbxref"] ?? ""),
                    proteinAccession: f.attributes["protein_id"] ?? f.attributes["Name"] ?? "",
                    cds: TranscriptInterval(hgvsStart: f.start, hgvsEnd: f.end), sequence: sequences[f.seqid] ?? [],
                    length: length,
                    exons: [TranscriptInterval(start: 0, end: length)], source: "GFF"))
        }
        return data
    }

    static func looksLikeTranscript(_ s: String) -> Bool {
        ["NM_", "NR_", "XM_", "XR_", "ENST"].contains { s.hasPrefix($0) }
    }

    /// GFF3 `key=value;...` (percent-decoded) or GTF `key "value"; ...`.
    static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for part in text.split(separator: ";") {
            let item = part.trimmingWhitespace()
            if let eq = item.firstIndex(of: "="), !item[..<eq].contains(" ") {
                result[String(item[..<eq])] =
                    String(item[item.index(after: eq)...]).removingPercentEscapes()
                    ?? String(item[item.index(after: eq)...])
            } else if let space = item.firstIndex(of: " ") {
                let key = String(item[..<space])
                let value = item[item.index(after: space)...].trimmingScalars { $0 == "\"" || $0 == " " }
                if result[key] == nil { result[key] = value }
            }
        }
        return result
    }

    /// `GeneID:7840,HGNC:HGNC:428` -> 428.
    static func hgncID(_ dbxref: String) -> Int {
        for item in dbxref.split(separator: ",") where item.hasPrefix("HGNC:") {
            if let n = Int(item.split(separator: ":").last ?? "") { return n }
        }
        return 0
    }

    static func reverseComplement(_ s: ArraySlice<UInt8>) -> [UInt8] {
        s.reversed().map { Nucleotides.complement($0) ?? $0 }
    }
}
