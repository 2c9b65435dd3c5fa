/// Importer for LRG XML records (Locus Reference Genomic, schema 1.9): the genomic sequence, the fixed
/// transcripts (cDNA, exons, CDS, protein) and the GRCh37/GRCh38 assembly mappings with their `<diff>`
/// mismatches and indels. Positions in the XML are 1-based inclusive; the model stores 0-based half-open.
///
/// Example: `LRG_164.xml` gives segment LRG_164 (NG_016277.1, 244,508 nt) placed on NC_000011.10 3850703-4095210,
/// and transcript NM_003156.3 (= LRG_164t1) whose GRCh38 exons are computed through the mapping.
public struct LRGXMLImporter {
    public var path: String
    public init(path: String) { self.path = path }

    struct Element {
        var name: String
        var attributes: [String: String]
        var line: Int
    }

    struct Mapping {
        var assembly: Assembly
        var chromosome: String
        var spans:
            [(lrgStart: Int, lrgEnd: Int, otherStart: Int, otherEnd: Int, strand: Strand, diffs: [SegmentDifference])]
    }

    /// A RefSeq/Ensembl transcript of the updatable annotation, mapped onto the LRG.
    struct AnnotatedTranscript {
        var accession: String
        /// (LRG start, LRG end, tx start, tx end), 1-based inclusive, from the `type="transcript"` mapping.
        var spans: [(Int, Int, Int, Int)] = []
        var length = 0
        var usable = true
        var line: Int
    }

    struct FixedTranscript {
        var name: String
        var cdna: [UInt8] = []
        /// (LRG start, LRG end, tx start, tx end), 1-based inclusive.
        var exons: [(Int, Int, Int, Int)] = []
        var codingRegions: [(lrgStart: Int, lrgEnd: Int, translation: String)] = []
        var line: Int
    }

    public func load() throws(ReferenceError) -> ReferenceData {
        let bytes = try InputFile.read(path)
        var id = ""
        var hgnc = 0
        var sequenceSource = ""
        var symbol = ""
        var genomic: [UInt8] = []
        var transcripts: [FixedTranscript] = []
        var mappings: [Mapping] = []
        var refSeqOfFixed: [String: String] = [:]
        var stack: [Element] = []
        var text: [UInt8] = []
        var failure: ReferenceError?

        func attribute(_ e: Element, _ name: String) throws(ReferenceError) -> String {
            guard let v = e.attributes[name] else {
                throw ReferenceError(
                    .badRecord, file: path, line: e.line, field: name, "missing attribute on <\(e.name)>")
            }
            return v
        }
        func int(_ e: Element, _ name: String) throws(ReferenceError) -> Int {
            let v = try attribute(e, name)
            guard let n = Int(v) else {
                throw ReferenceError(
                    .badRecord, file: path, line: e.line, field: name, "expected an integer, found \"\(v)\"")
            }
            return n
        }
        func inside(_ names: String...) -> Bool {
            guard stack.count >= names.count else { return false }
            return zip(stack.suffix(names.count), names).allSatisfy { $0.0.name == $0.1 }
        }
        var annotationSet = ""
        var keptMapping = false
        var annotated: [String: AnnotatedTranscript] = [:]
        var annotatedOrder: [String] = []
        var currentAnnotated: String?
        // Updatable <transcript>: accession -> (protein accession, CDS in LRG coordinates, complete?)
        var proteinOf: [String: (protein: String, lrgStart: Int, lrgEnd: Int)] = [:]
        var incomplete = Set<String>()
        var currentUpdatableTranscript: String?
        var currentProtein: String?
        var aliases: [String] = []

        func open(_ e: Element) throws(ReferenceError) {
            switch e.name {
            case "annotation_set": annotationSet = e.attributes["type"] ?? ""
            case "transcript" where inside("fixed_annotation", "transcript"):
                transcripts.append(FixedTranscript(name: try attribute(e, "name"), line: e.line))
            case "transcript" where annotationSet != "":
                currentUpdatableTranscript = e.attributes["accession"]
                if e.attributes["source"] == "RefSeq", let fixed = e.attributes["fixed_id"],
                    let acc = e.attributes["accession"]
                {
                    refSeqOfFixed[fixed] = acc
                }
            case "protein_product" where annotationSet != "":
                currentProtein = e.attributes["accession"]
                if (e.attributes["codon_start"] ?? "1") != "1", let t = currentUpdatableTranscript {
                    incomplete.insert(t)
                }
                if e.attributes["source"] == "RefSeq", let fixed = e.attributes["fixed_id"],
                    let acc = e.attributes["accession"]
                {
                    refSeqOfFixed[fixed] = acc
                }
            case "coordinates"
            where annotationSet != "" && inside("transcript", "protein_product", "coordinates")
                && e.attributes["coord_system"] == id:
                if let t = currentUpdatableTranscript, let p = currentProtein {
                    if e.attributes["strand"] != "1" { incomplete.insert(t) }
                    proteinOf[t] = (p, try int(e, "start"), try int(e, "end"))
                }
            case "partial" where annotationSet != "" && inside("transcript", "exon", "partial"):
                if let t = currentUpdatableTranscript { incomplete.insert(t) }
            case "mapping"
            where (annotationSet == "ncbi" || annotationSet == "ensembl") && e.attributes["type"] == "transcript":
                let accession = try attribute(e, "other_id")
                currentAnnotated = accession
                if annotated[accession] == nil { annotatedOrder.append(accession) }
                annotated[accession] = AnnotatedTranscript(
                    accession: accession, length: try int(e, "other_end"),
                    usable: (try int(e, "other_start")) == 1, line: e.line)
            case "mapping_span" where currentAnnotated != nil && inside("mapping", "mapping_span"):
                if let key = currentAnnotated {
                    if e.attributes["strand"] != "1" { annotated[key]?.usable = false }
                    annotated[key]?.spans.append(
                        (
                            try int(e, "lrg_start"), try int(e, "lrg_end"), try int(e, "other_start"),
                            try int(e, "other_end")
                        ))
                }
            case "diff" where currentAnnotated != nil && inside("mapping", "mapping_span", "diff"):
                // The transcript differs from the LRG sequence: its bases cannot be spliced from the LRG.
                if let key = currentAnnotated { annotated[key]?.usable = false }
            case "coordinates" where inside("fixed_annotation", "transcript", "coding_region", "coordinates"):
                let start = try int(e, "start")
                let end = try int(e, "end")
                transcripts[transcripts.count - 1].codingRegions.append((start, end, ""))
            case "translation" where inside("fixed_annotation", "transcript", "coding_region", "translation"):
                let n = transcripts[transcripts.count - 1].codingRegions.count
                if n > 0 {
                    transcripts[transcripts.count - 1].codingRegions[n - 1].translation = e.attributes["name"] ?? ""
                }
            case "coordinates" where inside("fixed_annotation", "transcript", "exon", "coordinates"):
                let system = try attribute(e, "coord_system")
                let t = transcripts.count - 1
                if system == id {
                    transcripts[t].exons.append((try int(e, "start"), try int(e, "end"), 0, 0))
                } else if system == id + transcripts[t].name, let last = transcripts[t].exons.indices.last {
                    transcripts[t].exons[last].2 = try int(e, "start")
                    transcripts[t].exons[last].3 = try int(e, "end")
                }
            case "mapping" where annotationSet == "lrg":
                keptMapping = false
                let type = e.attributes["type"] ?? ""
                guard type == "main_assembly" || type == "other_assembly",
                    let assembly = Assembly(name: try attribute(e, "coord_system"))
                else { break }
                mappings.append(Mapping(assembly: assembly, chromosome: try attribute(e, "other_id"), spans: []))
                keptMapping = true
            case "mapping_span" where annotationSet == "lrg" && inside("mapping", "mapping_span") && keptMapping:
                guard let strand = Strand(text: try attribute(e, "strand")) else {
                    throw ReferenceError(.badRecord, file: path, line: e.line, field: "strand", "expected 1 or -1")
                }
                mappings[mappings.count - 1].spans.append(
                    (
                        try int(e, "lrg_start"), try int(e, "lrg_end"),
                        try int(e, "other_start"), try int(e, "other_end"), strand, []
                    ))
            case "diff" where annotationSet == "lrg" && inside("mapping", "mapping_span", "diff") && keptMapping:
                guard let last = mappings.last, !last.spans.isEmpty else { break }
                let type = try attribute(e, "type")
                guard let kind = SegmentDifference.Kind(rawValue: type) else {
                    throw ReferenceError(
                        .badRecord, file: path, line: e.line, field: "type", "unknown diff type \"\(type)\"")
                }
                let d = SegmentDifference(
                    kind: kind, segmentStart: try int(e, "lrg_start"), segmentEnd: try int(e, "lrg_end"),
                    genomicStart: try int(e, "other_start"), genomicEnd: try int(e, "other_end"),
                    segmentSequence: e.attributes["lrg_sequence"] ?? "",
                    genomicSequence: e.attributes["other_sequence"] ?? "")
                let m = mappings.count - 1
                mappings[m].spans[mappings[m].spans.count - 1].diffs.append(d)
            default: break
            }
        }

        func close(_ e: Element) throws(ReferenceError) {
            let value = String(decoding: text, as: UTF8.self).trimmingWhitespaceAndNewlines()
            switch e.name {
            case "id" where inside("fixed_annotation", "id"): id = value
            case "hgnc_id" where inside("fixed_annotation", "hgnc_id"): hgnc = Int(value) ?? 0
            case "sequence_source" where inside("fixed_annotation", "sequence_source"): sequenceSource = value
            case "lrg_locus": symbol = value
            case "synonym" where inside("symbol", "synonym"):
                if !value.isEmpty, !aliases.contains(value) { aliases.append(value) }
            case "mapping": currentAnnotated = nil
            case "transcript" where annotationSet != "": currentUpdatableTranscript = nil
            case "protein_product": currentProtein = nil
            case "sequence" where inside("fixed_annotation", "sequence"): genomic = sequenceBytes(text)
            case "sequence" where inside("fixed_annotation", "transcript", "cdna", "sequence"):
                transcripts[transcripts.count - 1].cdna = sequenceBytes(text)
            case "annotation_set": annotationSet = ""
            default: break
            }
        }

        // Scan the document.
        var i = 0
        var line = 1
        let n = bytes.count
        while i < n && failure == nil {
            let c = bytes[i]
            if c != UInt8(ascii: "<") {
                if c == 0x0a { line += 1 }
                if !stack.isEmpty { text.append(c) }
                i += 1
                continue
            }
            // Tag.
            var j = i + 1
            var quote: UInt8 = 0
            let tagLine = line
            while j < n {
                let d = bytes[j]
                if d == 0x0a { line += 1 }
                if quote != 0 {
                    if d == quote { quote = 0 }
                } else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
                    quote = d
                } else if d == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            guard j < n else {
                failure = ReferenceError(
                    .badRecord, file: path, line: tagLine, field: "", "unterminated tag (truncated XML?)")
                break
            }
            let tag = bytes[(i + 1)..<j]
            i = j + 1
            guard let first = tag.first, first != UInt8(ascii: "?"), first != UInt8(ascii: "!") else { continue }
            do throws(ReferenceError) {
                if first == UInt8(ascii: "/") {
                    let name = String(decoding: tag.dropFirst(), as: UTF8.self).trimmingWhitespace()
                    guard let top = stack.last, top.name == name else {
                        throw ReferenceError(
                            .badRecord, file: path, line: tagLine, field: name,
                            "closing </\(name)> does not match <\(stack.last?.name ?? "nothing")>")
                    }
                    try close(top)
                    stack.removeLast()
                    text.removeAll(keepingCapacity: true)
                } else {
                    let selfClosing = tag.last == UInt8(ascii: "/")
                    let element = parseTag(selfClosing ? tag.dropLast() : tag, line: tagLine)
                    stack.append(element)
                    text.removeAll(keepingCapacity: true)
                    try open(element)
                    if selfClosing {
                        try close(element)
                        stack.removeLast()
                    }
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        if !stack.isEmpty {
            throw ReferenceError(
                .badRecord, file: path, line: line, field: stack.last?.name ?? "",
                "document ends inside <\(stack.last?.name ?? "")> (truncated XML?)")
        }
        guard !id.isEmpty, !genomic.isEmpty else {
            throw ReferenceError(
                .badRecord, file: path, line: 1, field: "fixed_annotation", "no LRG id or genomic sequence")
        }
        var data = try build(
            id: id, hgnc: hgnc, sequenceSource: sequenceSource, symbol: symbol, genomic: genomic,
            transcripts: transcripts, mappings: mappings, refSeqOfFixed: refSeqOfFixed)
        if !aliases.isEmpty, !data.genes.isEmpty { data.genes[0].aliases = aliases }
        // Updatable-annotation transcripts that are complete, on the LRG strand and identical to the LRG sequence.
        let known = Set(data.transcripts.flatMap { [$0.accession] + $0.alternateAccessions })
        for accession in annotatedOrder {
            guard var a = annotated[accession], a.usable, !known.contains(accession), !incomplete.contains(accession)
            else { continue }
            a.spans.sort { $0.2 < $1.2 }
            var expected = 1
            var contiguous = true
            for s in a.spans {
                if s.2 != expected || s.3 - s.2 != s.1 - s.0 || s.0 < 1 || s.1 > genomic.count { contiguous = false }
                expected = s.3 + 1
            }
            guard contiguous, expected - 1 == a.length else { continue }
            var region: [(lrgStart: Int, lrgEnd: Int, translation: String)] = []
            if let p = proteinOf[accession] { region = [(p.lrgStart, p.lrgEnd, p.protein)] }
            let t = FixedTranscript(name: accession, exons: a.spans, codingRegions: region, line: a.line)
            for var model in try transcriptModels(
                [t], id: id, hgnc: hgnc, symbol: symbol, genomic: genomic,
                mappings: mappings, refSeqOfFixed: [:], updatable: true)
            {
                // The annotation's protein coordinates may leave out the stop codon (Ensembl) or describe an
                // incomplete CDS; keep a coding transcript only when its CDS is ATG..stop in frame.
                if let cds = model.cds {
                    guard let checked = Self.soundCDS(cds, in: model.sequence) else { continue }
                    model.cds = checked
                }
                data.transcripts.append(model)
            }
        }
        return data
    }

    /// `cds` if it reads ATG ... stop in frame, or `cds` extended by the stop codon that follows it; else nil.
    static func soundCDS(_ cds: TranscriptInterval, in sequence: [UInt8]) -> TranscriptInterval? {
        func codon(_ at: Int) -> String? {
            guard at >= 0, at + 3 <= sequence.count else { return nil }
            return String(decoding: sequence[at..<(at + 3)], as: UTF8.self)
        }
        let stops: Set<String> = ["TAA", "TAG", "TGA"]
        guard codon(cds.start) == "ATG", cds.length % 3 == 0 else { return nil }
        if let last = codon(cds.end - 3), stops.contains(last) { return cds }
        if let next = codon(cds.end), stops.contains(next) {
            return TranscriptInterval(start: cds.start, end: cds.end + 3)
        }
        return nil
    }

    func sequenceBytes(_ text: [UInt8]) -> [UInt8] {
        text.compactMap { $0 > 0x20 ? TableFormat.upper($0) : nil }
    }

    func parseTag(_ tag: ArraySlice<UInt8>, line: Int) -> Element {
        let s = String(decoding: tag, as: UTF8.self)
        let name = String(s.prefix { !$0.isWhitespace })
        var attributes: [String: String] = [:]
        var rest = s.dropFirst(name.count)[...]
        while let eq = rest.firstIndex(of: "=") {
            let key = rest[..<eq].trimmingWhitespaceAndNewlines()
            var after = rest[rest.index(after: eq)...].drop { $0.isWhitespace }
            guard let q = after.first, q == "\"" || q == "'" else { break }
            after = after.dropFirst()
            guard let close = after.firstIndex(of: q) else { break }
            attributes[key] = decodeEntities(String(after[..<close]))
            rest = after[after.index(after: close)...]
        }
        return Element(name: name, attributes: attributes, line: line)
    }

    func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&apos;", with: "'").replacing("&amp;", with: "&")
    }

    /// Maps a 1-based LRG position to the 1-based genomic position through a span and its indels; nil when the
    /// position lies in bases absent from the assembly (`lrg_ins`) or outside the span.
    static func genomicPosition(
        of position: Int,
        span: (lrgStart: Int, lrgEnd: Int, otherStart: Int, otherEnd: Int, strand: Strand, diffs: [SegmentDifference])
    ) -> Int? {
        guard position >= span.lrgStart && position <= span.lrgEnd else { return nil }
        var shift = 0
        for d in span.diffs {
            switch d.kind {
            case .mismatch: continue
            case .genomicInsertion:
                // Inserted between segmentStart and segmentEnd (= segmentStart + 1).
                if position >= d.segmentEnd { shift += d.genomicEnd - d.genomicStart + 1 }
            case .segmentInsertion:
                if position >= d.segmentStart && position <= d.segmentEnd { return nil }
                if position > d.segmentEnd { shift -= d.segmentEnd - d.segmentStart + 1 }
            }
        }
        let offset = position - span.lrgStart + shift
        return span.strand == .plus ? span.otherStart + offset : span.otherEnd - offset
    }

    func build(
        id: String, hgnc: Int, sequenceSource: String, symbol: String, genomic: [UInt8], transcripts: [FixedTranscript],
        mappings: [Mapping], refSeqOfFixed: [String: String]
    ) throws(ReferenceError) -> ReferenceData {
        var data = ReferenceData()
        var placements: [SegmentPlacement] = []
        for m in mappings {
            for s in m.spans {
                placements.append(
                    SegmentPlacement(
                        assembly: m.assembly, chromosome: m.chromosome, strand: s.strand,
                        segment: GenomicInterval(hgvsStart: s.lrgStart, hgvsEnd: s.lrgEnd),
                        genomic: GenomicInterval(hgvsStart: s.otherStart, hgvsEnd: s.otherEnd), differences: s.diffs))
            }
        }
        data.segments.append(
            GenomicSegment(
                accession: id, alternateAccessions: sequenceSource.isEmpty ? [] : [sequenceSource],
                gene: symbol, sequence: genomic, placements: placements, source: "LRG-XML"))

        data.transcripts = try transcriptModels(
            transcripts, id: id, hgnc: hgnc, symbol: symbol, genomic: genomic,
            mappings: mappings, refSeqOfFixed: refSeqOfFixed, updatable: false)
        if !symbol.isEmpty { data.genes.append(GeneModel(symbol: symbol, hgncID: hgnc)) }
        return data
    }

    /// Transcript models for fixed transcripts (`updatable: false`, named `LRG_xtN` / their RefSeq) or for
    /// updatable-annotation transcripts (`updatable: true`, `name` is the accession, translation the protein).
    func transcriptModels(
        _ transcripts: [FixedTranscript], id: String, hgnc: Int, symbol: String, genomic: [UInt8], mappings: [Mapping],
        refSeqOfFixed: [String: String], updatable: Bool
    ) throws(ReferenceError) -> [TranscriptModel] {
        var models: [TranscriptModel] = []
        for t in transcripts {
            let lrgName = updatable ? t.name : id + t.name
            guard !t.exons.isEmpty else {
                throw ReferenceError(.badRecord, file: path, line: t.line, field: "exon", "\(lrgName) has no exons")
            }
            let exons = t.exons.map { TranscriptInterval(hgvsStart: $0.2, hgvsEnd: $0.3) }
            // Check the cDNA against the genomic exons.
            var rebuilt: [UInt8] = []
            for e in t.exons {
                guard e.0 >= 1, e.1 <= genomic.count, e.0 <= e.1 else {
                    throw ReferenceError(
                        .badRecord, file: path, line: t.line, field: "exon",
                        "\(lrgName) exon \(e.0)-\(e.1) lies outside the \(genomic.count)-base genomic sequence")
                }
                rebuilt.append(contentsOf: genomic[(e.0 - 1)..<e.1])
            }
            guard t.cdna.isEmpty || rebuilt == t.cdna else {
                throw ReferenceError(
                    .badRecord, file: path, line: t.line, field: "cdna",
                    "\(lrgName) cDNA differs from the genomic sequence spliced at its exons")
            }
            // CDS: the coding region whose translation matches the transcript number, else the first.
            let number = t.name.dropFirst()
            let region =
                updatable
                ? t.codingRegions.first
                : t.codingRegions.first { $0.translation.dropFirst() == number } ?? t.codingRegions.first
            var cds: TranscriptInterval?
            var protein = ""
            if let region {
                func tx(_ lrg: Int) -> Int? {
                    for e in t.exons where lrg >= e.0 && lrg <= e.1 { return e.2 + (lrg - e.0) }
                    return nil
                }
                guard let start = tx(region.lrgStart), let end = tx(region.lrgEnd) else {
                    throw ReferenceError(
                        .badRecord, file: path, line: t.line, field: "coding_region",
                        "\(lrgName) CDS \(region.lrgStart)-\(region.lrgEnd) does not start and end in exons")
                }
                cds = TranscriptInterval(hgvsStart: start, hgvsEnd: end)
                protein = updatable ? region.translation : refSeqOfFixed[region.translation] ?? ""
            }
            // Alignments through the assembly mappings.
            var alignments: [TranscriptAlignment] = []
            for m in mappings where !alignments.contains(where: { $0.assembly == m.assembly }) {
                guard
                    let span = m.spans.first(where: { s in t.exons.allSatisfy { $0.0 >= s.lrgStart && $0.1 <= s.lrgEnd }
                    })
                else { continue }
                var aligned: [AlignedExon] = []
                for e in t.exons {
                    guard let a = Self.genomicPosition(of: e.0, span: span),
                        let b = Self.genomicPosition(of: e.1, span: span)
                    else {
                        aligned.removeAll()
                        break
                    }
                    let g = GenomicInterval(hgvsStart: min(a, b), hgvsEnd: max(a, b))
                    let txLength = e.3 - e.2 + 1
                    var cigar = ""
                    let indels = span.diffs.filter {
                        $0.kind != .mismatch && $0.segmentStart >= e.0 && $0.segmentEnd <= e.1
                    }
                    if !indels.isEmpty || g.length != txLength {
                        var ops: [String] = []
                        var cursor = e.0
                        for d in indels.sorted(by: { $0.segmentStart < $1.segmentStart }) {
                            if d.kind == .genomicInsertion {
                                ops.append("\(d.segmentStart - cursor + 1)M\(d.genomicEnd - d.genomicStart + 1)D")
                                cursor = d.segmentEnd
                            } else {
                                if d.segmentStart > cursor { ops.append("\(d.segmentStart - cursor)M") }
                                ops.append("\(d.segmentEnd - d.segmentStart + 1)I")
                                cursor = d.segmentEnd + 1
                            }
                        }
                        if e.1 >= cursor { ops.append("\(e.1 - cursor + 1)M") }
                        cigar = ops.joined()
                    }
                    aligned.append(
                        AlignedExon(
                            transcript: TranscriptInterval(hgvsStart: e.2, hgvsEnd: e.3), genomic: g, cigar: cigar))
                }
                guard !aligned.isEmpty else { continue }
                alignments.append(
                    TranscriptAlignment(
                        assembly: m.assembly, chromosome: m.chromosome, strand: span.strand,
                        exons: aligned, source: "LRG-XML"))
            }
            let refSeq = updatable ? "" : refSeqOfFixed[t.name] ?? ""
            models.append(
                TranscriptModel(
                    accession: refSeq.isEmpty ? lrgName : refSeq, alternateAccessions: refSeq.isEmpty ? [] : [lrgName],
                    gene: symbol, hgncID: hgnc, proteinAccession: protein, genomicReference: id, cds: cds,
                    sequence: rebuilt, exons: exons, alignments: alignments,
                    source: updatable ? "LRG-XML annotation" : "LRG-XML",
                    recordPlacement: RecordPlacement(
                        strand: .plus,
                        exons: t.exons.map {
                            AlignedExon(
                                transcript: TranscriptInterval(hgvsStart: $0.2, hgvsEnd: $0.3),
                                genomic: GenomicInterval(hgvsStart: $0.0, hgvsEnd: $0.1))
                        })))
        }
        return models
    }
}
