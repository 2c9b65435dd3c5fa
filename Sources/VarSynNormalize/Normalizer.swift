import VarSynCore
import VarSynReference

/// Normalizes variant descriptions through reference data: validates the stated bases, applies the HGVS 3'
/// rule in each reference's orientation, maps c. <-> n. <-> g. (GRCh37, GRCh38) and computes canonical keys.
///
/// ```swift
/// let normalizer = try Normalizer(table: .embeddedDefault())
/// let v = try normalizer.normalize("NM_003156.3:c.494C>A")
/// v.key          // "NC_000011.10:4055633:C:A"
/// v.vcfGRCh37    // "11-4076864-C-A"
/// try normalizer.normalize("NM_003156.3:c.494G>A")   // throws .referenceMismatch: the reference is C
/// ```
///
/// A normalizer is an immutable value over a `Sendable` provider: use one from many threads.
public struct Normalizer<Provider: ReferenceProvider>: Sendable {
    public typealias Transcript = Provider.Transcript
    public let provider: Provider
    public var options: NormalizeOptions
    /// The protein module, when wired in: fills `hgvsP`/`proteinKey` and reads p. input.
    public var protein: (any ProteinSeam)?
    /// Whether the fast paths (`Normalizer+FastKey.swift`) may answer; they give the same results as the general
    /// path, so this only matters to tests and benchmarks that compare the two.
    public var fastPaths = true
    /// Transcripts prepared for the key-only fast path, shared by copies.
    let fastKeyCache = FastKeyCache()

    public init(provider: Provider, options: NormalizeOptions = NormalizeOptions(), protein: (any ProteinSeam)? = nil) {
        self.provider = provider
        self.options = options
        self.protein = protein
    }

    // MARK: Entry points

    /// Parses (leniently: HGVS and common shorthand) and normalizes one expression.
    public func normalize(_ text: String) throws(NormalizeError) -> NormalizedVariant {
        let parsed: ParsedExpression
        do {
            parsed = try HGVSParser.parse(text)
        } catch {
            throw NormalizeError(.parse, error.message(input: text), parseError: error)
        }
        return try normalize(parsed)
    }

    /// Normalizes a parsed expression (its best reading).
    @_specialize(where Provider == TableReferenceProvider)
    public func normalize(_ parsed: ParsedExpression) throws(NormalizeError) -> NormalizedVariant {
        if fastPaths {
            var fast = NormalizedVariant()
            if fastKey(parsed, into: &fast) { return fast }
        }
        var result = try normalize(parsed.expression)
        if parsed.warnings.contains(where: { $0.code == .singlePositionInsertion }) {
            result.warnings.append("a single-position insertion was read with both flanks")
        }
        return result
    }

    /// Normalizes a syntax tree.
    @_specialize(where Provider == TableReferenceProvider)
    public func normalize(_ expression: VariantExpression) throws(NormalizeError) -> NormalizedVariant {
        switch expression {
        case .description(let description):
            return try normalize(description)
        case .dbSNP(let id):
            return try normalizeRSID(id)
        case .alleles(let lists):
            return try normalizeAlleles(lists)
        case .alternatives, .adjoinedTranscripts:
            throw NormalizeError(.unsupported, "only single variants are normalized (not alleles or alternatives)")
        }
    }

    func normalizeRSID(_ id: DBSNPIdentifier) throws(NormalizeError) -> NormalizedVariant {
        var alleles = provider.alleles(rsid: Int(clamping: id.number))
        guard !alleles.isEmpty else {
            throw NormalizeError(.unknownReference, "\(id.text) is not in the reference data's rsID index")
        }
        if let (r, a) = id.substitution {
            let suffix = String(decoding: [r, UInt8(ascii: ">"), a], as: UTF8.self)
            alleles = alleles.filter { $0.hasSuffix(suffix) }
            guard !alleles.isEmpty else {
                throw NormalizeError(.unknownReference, "\(id.text) has no allele \(suffix) in the reference data")
            }
        }
        // Prefer a GRCh38 chromosome allele, then any chromosome allele, then the first.
        let ordered = alleles.sorted { rank($0) < rank($1) }
        var distinctKeys: [String] = []
        var best: NormalizedVariant?
        for allele in ordered {
            guard let v = try? normalize(allele) else { continue }
            if best == nil { best = v }
            if let k = v.key, !distinctKeys.contains(k) { distinctKeys.append(k) }
        }
        guard var result = best else {
            throw NormalizeError(.unsupported, "none of the alleles of \(id.text) could be normalized: \(alleles)")
        }
        if distinctKeys.count > 1 {
            result.warnings.append(
                "\(id.text) has \(distinctKeys.count) alleles: \(distinctKeys.joined(separator: ", ")); the first is shown"
            )
            result.candidates.append(contentsOf: distinctKeys.dropFirst())
        }
        result.rsids = [id.text]
        return result
    }

    private func rank(_ allele: String) -> Int {
        if allele.hasPrefix("NC_"),
            provider.chromosome(String(allele.prefix { $0 != ":" }), assembly: nil)?.assembly == .grch38
        {
            return 0
        }
        return allele.hasPrefix("NC_") ? 1 : 2
    }

    /// Normalizes one description.
    public func normalize(_ description: VariantDescription) throws(NormalizeError) -> NormalizedVariant {
        switch description.body {
        case .transcript(let system, let tree):
            guard let variant = try singleVariantOrAllele(tree) else {
                return try normalizeAllele(reference: description.reference, system: system, tree)
            }
            return predictedRNA(
                try normalizeTranscriptVariant(reference: description.reference, system: system, variant),
                observed: system == .rna)
        case .genomic(let system, let tree):
            guard system == .genomic else {
                throw NormalizeError(
                    .unsupported, "\(system.letter). descriptions are not normalized (only g., c., n., r.)")
            }
            guard let variant = try singleVariantOrAllele(tree) else {
                return try normalizeAllele(reference: description.reference, tree)
            }
            return predictedRNA(try normalizeGenomicVariant(reference: description.reference, variant), observed: false)
        case .protein:
            guard let protein else {
                throw NormalizeError(
                    .unsupported,
                    "p. descriptions need the protein back-translation, which is not wired into this normalizer")
            }
            let text = description.hgvs()
            let candidates = try protein.codingCandidates(ofProtein: text)
            guard let first = candidates.first else {
                throw NormalizeError(.unsupported, "\(text): no c. description produces this protein change")
            }
            var result = try normalize(first)
            result.warnings.insert(
                "\(text) back-translated to \(first)"
                    + (candidates.count > 1 ? " (\(candidates.count) candidates)" : ""), at: 0)
            result.candidates = Array(candidates.dropFirst()) + result.candidates
            return result
        }
    }

    func singleVariant<P>(_ tree: AlleleTree<NucleotideVariant<P>>) throws(NormalizeError) -> NucleotideVariant<P> {
        switch tree {
        case .variant(let v): return v
        case .bracket(let inner), .predicted(let inner): return try singleVariant(inner)
        case .cis(let members) where members.count == 1: return try singleVariant(members[0])
        default:
            throw NormalizeError(.unsupported, "only single variants are normalized (not alleles, `=`, `?` or `0`)")
        }
    }

    // MARK: Transcript input

    /// Resolves the transcript of a c./n./r. description: the selector (`NC_…(NM_…)`), the accession, or a gene.
    func resolveTranscript(
        _ reference: ReferenceSpecifier?, warnings: inout [String]
    ) throws(NormalizeError)
        -> Transcript
    {
        guard let reference else {
            throw NormalizeError(
                .unknownReference, "no reference sequence: write NM_…:c.… (or a gene symbol) before the change")
        }
        var accession = reference.accession
        if let selector = reference.selector, selector.kind != .geneSymbol { accession = selector }
        if accession.kind == .geneSymbol {
            return try preferredTranscript(gene: accession.text, warnings: &warnings)
        }
        // A gene named on a genomic record, `NG_012337.1(SDHD):c.274G>T`: the gene's preferred transcript.
        if let selector = reference.selector, selector.kind == .geneSymbol,
            provider.transcript(accession: accession.text) == nil
        {
            return try preferredTranscript(gene: selector.text, warnings: &warnings)
        }
        guard let lookup = provider.transcript(accession: accession.text) else {
            throw NormalizeError(.unknownReference, "\(accession.text) is not in the reference data")
        }
        if let w = lookup.warning { warnings.append(w) }
        return lookup.transcript
    }

    /// The transcript a gene symbol stands for: MANE Select, else the LRG t1 transcript, else the first coding one.
    func preferredTranscript(gene: String, warnings: inout [String]) throws(NormalizeError) -> Transcript {
        let all = provider.transcripts(gene: gene)
        guard !all.isEmpty else {
            throw NormalizeError(.unknownReference, "gene \(gene) has no transcript in the reference data")
        }
        let chosen =
            all.first { $0.isMANESelect } ?? all.first { $0.lrgAccession?.hasSuffix("t1") == true }
            ?? all.first { $0.cds != nil } ?? all[0]
        let why =
            chosen.isMANESelect ? "MANE Select" : (chosen.lrgAccession.map { "= \($0)" } ?? "first coding transcript")
        warnings.append(
            "gene \(gene) read as \(chosen.accession) (\(why)); \(all.count - 1) other transcripts in the table")
        return chosen
    }

    func normalizeTranscriptVariant(
        reference: ReferenceSpecifier?, system: CoordinateSystem, _ variant: NucleotideVariant<TranscriptPosition>
    ) throws(NormalizeError) -> NormalizedVariant {
        try outputs(of: placeTranscriptVariant(reference: reference, system: system, variant))
    }

    /// A c./n./r. variant placed (checked, not yet shifted) on the genome and/or its transcript.
    func placeTranscriptVariant(
        reference: ReferenceSpecifier?, system: CoordinateSystem, _ variant: NucleotideVariant<TranscriptPosition>
    ) throws(NormalizeError) -> Placement {
        var warnings: [String] = []
        let transcript = try resolveTranscript(reference, warnings: &warnings)
        let mapper = TranscriptMapper(transcript: transcript)
        if case .exon(let first) = variant.location.start.first.anchor {
            var lastExon = first
            if let end = variant.location.end, case .exon(let n) = end.last.anchor { lastExon = n }
            return .normalized(
                try exonLevel(transcript, first: first, last: lastExon, edit: variant.edit, warnings: warnings))
        }
        guard case .exact(let startPosition) = variant.location.start else {
            throw NormalizeError(.unsupported, "uncertain positions are not normalized")
        }
        let p1 = try mapper.point(of: startPosition, system: system)
        var p2 = p1
        if let end = variant.location.end {
            guard case .exact(let endPosition) = end else {
                throw NormalizeError(.unsupported, "uncertain positions are not normalized")
            }
            p2 = try mapper.point(of: endPosition, system: system)
        }
        let coding = system == .coding || (system == .rna && transcript.cds != nil)
        let prefix = coding ? "c." : "n."
        let label = { (p: TranscriptPoint) in "\(transcript.accession):\(prefix)\(mapper.text(of: p, coding: coding))" }
        guard (p1.index, p1.offset) <= (p2.index, p2.offset) else {
            throw NormalizeError(
                .invalid, "the range \(label(p1))_\(mapper.text(of: p2, coding: coding)) runs 3' to 5'")
        }
        let exonic = p1.offset == 0 && p2.offset == 0 && p1.index >= 0 && p2.index < transcript.length

        // The frame the change is described in: the transcript sequence, or the genome (plus strand).
        let alignment = transcript.alignment(on: .grch38) ?? transcript.alignment(on: .grch37)
        var view: GenomeView<Provider>?
        if let alignment {
            view = makeView(chromosome: alignment.chromosome, assembly: alignment.assembly)
            view?.addExonSource(transcript)
        }
        let isInsertion = variant.edit.isInsertion
        var event: GenomicEvent?
        var transcriptChange: (change: SequenceChange, reference: [UInt8])?

        if exonic {
            guard transcript.length > 0, transcript.base(at: p1.index) != nil else {
                throw NormalizeError(
                    .sequenceUnavailable, "\(transcript.accession) has no sequence in the reference data")
            }
            var start = p1.index
            var end = p2.index + 1
            if isInsertion {
                guard variant.location.end != nil, p2.index == p1.index + 1 else {
                    throw NormalizeError(
                        .invalid, "an insertion needs two adjacent flanking positions (\(label(p1))_…)")
                }
                start = p2.index
                end = p2.index
            }
            if variant.location.end == nil {
                end = try repeatEnd(variant.edit, start: start, end: end, where: label(p1)) { transcript.base(at: $0) }
            }
            let algebra = SequenceAlgebra(base: { transcript.base(at: $0) }, bounds: 0..<transcript.length)
            guard let ref = algebra.bases(start, end) else {
                throw NormalizeError(.outOfBounds, "\(label(p2)) lies past the end of \(transcript.accession)")
            }
            let alt = try alternative(
                variant.edit, reference: ref, where: label(p1),
                copy: { (location) throws(NormalizeError) -> [UInt8] in
                    try self.copyTranscriptRange(location, mapper: mapper, system: system)
                })
            let change = alt.change(start: start, end: end)
            transcriptChange = (change, ref)
            if let alignment, let v = view {
                event = try? mapTranscriptChange(
                    change, ref: ref, transcript: transcript, alignment: alignment, view: v)
            }
        } else {
            guard let alignment, let v = view else {
                throw NormalizeError(
                    .outOfBounds,
                    "\(label(p1)) lies outside the transcribed sequence (\(transcript.accession) spans \(mapper.span(coding: coding))), and \(transcript.accession) has no genomic alignment to place it on"
                )
            }
            guard let g1 = mapper.genomicPosition(of: p1, on: alignment),
                let g2 = mapper.genomicPosition(of: p2, on: alignment)
            else {
                throw NormalizeError(.outOfBounds, "\(label(p1)) cannot be placed on \(alignment.chromosome)")
            }
            let plus = alignment.strand == .plus
            var start = min(g1, g2)
            var end = max(g1, g2) + 1
            if isInsertion {
                guard abs(g1 - g2) == 1 else {
                    throw NormalizeError(.invalid, "an insertion needs two adjacent flanking positions")
                }
                start = max(g1, g2)
                end = start
            }
            let genomicRef = v.algebra.bases(start, end)
            let pastEnd = p1.index < 0 || p2.index >= transcript.length
            if pastEnd, genomicRef == nil {
                let outside = p1.index < 0 ? p1 : p2
                throw NormalizeError(
                    .outOfBounds,
                    "\(label(outside)) lies outside \(transcript.accession) (it spans \(mapper.span(coding: coding))) and the genome there is not in the reference data"
                )
            }
            let refInTranscriptOrientation = genomicRef.map { plus ? $0 : reverseComplement($0) }
            if refInTranscriptOrientation == nil
                || v.usedTranscriptSequence && !(start..<max(end, start + 1)).allSatisfy(v.genomeKnows)
            {
                warnings.append(
                    "the genomic sequence at \(alignment.chromosome):g.\(start + 1) is not in the reference data: bases not checked, not shifted"
                )
            }
            let alt = try alternative(
                variant.edit, reference: refInTranscriptOrientation, where: label(p1),
                copy: { (location) throws(NormalizeError) -> [UInt8] in
                    try self.copyTranscriptRange(location, mapper: mapper, system: system)
                })
            guard let change = alt.genomicChange(start: start, end: end, plus: plus) else {
                throw NormalizeError(.sequenceUnavailable, "the reference bases at \(label(p1)) are not known")
            }
            let ref = genomicRef ?? alt.statedReference.map { plus ? $0 : reverseComplement($0) } ?? []
            event = GenomicEvent(
                assembly: alignment.assembly, chromosome: alignment.chromosome, change: change, reference: ref,
                referenceKnown: genomicRef != nil)
        }
        return .placed(
            PlacedVariant(
                transcript: transcript, event: event, transcriptChange: transcriptChange, warnings: warnings,
                view: view))
    }

    // MARK: Genomic input

    func normalizeGenomicVariant(
        reference: ReferenceSpecifier?, _ variant: NucleotideVariant<GenomicPosition>
    )
        throws(NormalizeError) -> NormalizedVariant
    {
        try outputs(of: placeGenomicVariant(reference: reference, variant))
    }

    /// A g. variant placed (checked, not yet shifted) on its chromosome.
    func placeGenomicVariant(
        reference: ReferenceSpecifier?, _ variant: NucleotideVariant<GenomicPosition>
    )
        throws(NormalizeError) -> Placement
    {
        guard let reference else {
            throw NormalizeError(.unknownReference, "no reference sequence: write NC_…:g.… or chrN:g.…")
        }
        // `NG_007485.1(NR_024274.1):g.616del`: a transcript selector asks for c./n. positions, not g.
        if let selector = reference.selector, Self.namesTranscript(selector) {
            throw NormalizeError(
                .invalid,
                "\(reference.accession.text)(\(selector.text)) selects a transcript; write its positions as c. or n., or drop the selector for g."
            )
        }
        var warnings: [String] = []
        guard case .exact(.base(let b1)) = variant.location.start else {
            throw NormalizeError(.unsupported, "uncertain or symbolic genomic positions are not normalized")
        }
        var b2 = b1
        if let end = variant.location.end {
            guard case .exact(.base(let b)) = end else {
                throw NormalizeError(.unsupported, "uncertain or symbolic genomic positions are not normalized")
            }
            b2 = b
        }
        guard b1 <= b2 else { throw NormalizeError(.invalid, "the range g.\(b1)_\(b2) runs 3' to 5'") }
        let accession = reference.accession
        // Chromosome (or any sequence the provider serves as one), or a genomic segment (NG_, LRG) placed on one.
        let byName = accession.kind == .chromosome || accession.kind == .geneSymbol
        let chromosome = provider.chromosome(accession.text, assembly: byName ? options.assembly : nil)
        if chromosome == nil {
            if let segment = provider.segment(accession: accession.text) {
                return try placeSegmentVariant(segment, b1: b1, b2: b2, variant: variant)
            }
            throw NormalizeError(
                .unknownReference, "\(accession.text) is not a chromosome or genomic record in the reference data")
        }
        guard let chromosome else { throw NormalizeError(.unknownReference, "\(accession.text) is unknown") }
        if b2 > chromosome.length {
            throw NormalizeError(
                .outOfBounds, "g.\(b2) lies past the end of \(chromosome.accession) (\(chromosome.length) bases)")
        }
        let view = makeView(chromosome: chromosome.accession, assembly: chromosome.assembly)
        let probe = GenomicInterval(start: b1 - 1, end: b2)
        let covering = provider.transcripts(
            overlapping: probe, chromosome: chromosome.accession, assembly: chromosome.assembly)
        for t in covering { view.addExonSource(t) }
        var start = b1 - 1
        var end = b2
        if variant.edit.isInsertion {
            guard variant.location.end != nil, b2 == b1 + 1 else {
                throw NormalizeError(.invalid, "an insertion needs two adjacent flanking positions (g.\(b1)_\(b1 + 1))")
            }
            start = b1
            end = b1
        }
        if variant.location.end == nil {
            end = try repeatEnd(variant.edit, start: start, end: end, where: "\(chromosome.accession):g.\(b1)") {
                view.algebra.bases($0, $0 + 1)?.first
            }
        }
        let ref = view.algebra.bases(start, end)
        if ref == nil {
            warnings.append(
                "the genomic sequence at \(chromosome.accession):g.\(b1) is not in the reference data: bases not checked, not shifted"
            )
        }
        let alt = try alternative(
            variant.edit, reference: ref, where: "\(chromosome.accession):g.\(b1)",
            copy: { (location) throws(NormalizeError) -> [UInt8] in
                guard case .genomic(let loc) = location, case .exact(.base(let c1)) = loc.start else {
                    throw NormalizeError(.unsupported, "an inserted copy must be a g. range of the same sequence")
                }
                var c2 = c1
                if case .exact(.base(let c))? = loc.end { c2 = c }
                guard let bases = view.algebra.bases(c1 - 1, c2) else {
                    throw NormalizeError(
                        .sequenceUnavailable, "the copied range g.\(c1)_\(c2) is not in the reference data")
                }
                return bases
            })
        guard let change = alt.genomicChange(start: start, end: end, plus: true) else {
            throw NormalizeError(
                .sequenceUnavailable, "the reference bases at \(chromosome.accession):g.\(b1) are not known")
        }
        let event = GenomicEvent(
            assembly: chromosome.assembly, chromosome: chromosome.accession, change: change,
            reference: ref ?? alt.statedReference ?? [], referenceKnown: ref != nil)
        return .placed(
            PlacedVariant(
                transcript: preferred(among: covering), event: event, transcriptChange: nil, warnings: warnings,
                view: view))
    }

    /// Whether an accession names a transcript (`NM_`, `NR_`, `XM_`, `XR_`, `ENST`, `LRG_1t1`).
    static func namesTranscript(_ accession: Accession) -> Bool {
        switch accession.kind {
        case .lrgTranscript: return true
        case .refSeq, .ensembl:
            return ["NM_", "NR_", "XM_", "XR_", "ENST"].contains { accession.text.hasPrefix($0) }
        default: return false
        }
    }

    /// `LRG_164:g.N` / `NG_…:g.N`: through the segment's placement on GRCh38 (else GRCh37).
    func placeSegmentVariant(
        _ segment: ReferenceSegment, b1: Int, b2: Int, variant: NucleotideVariant<GenomicPosition>
    ) throws(NormalizeError) -> Placement {
        guard
            let placement = segment.placements.first(where: { $0.assembly == .grch38 && $0.differences.isEmpty })
                ?? segment.placements.first(where: { $0.differences.isEmpty }) ?? segment.placements.first
        else {
            throw NormalizeError(
                .outOfBounds, "\(segment.accession) is not placed on an assembly in the reference data")
        }
        guard b1 >= 1, b2 <= segment.length else {
            throw NormalizeError(
                .outOfBounds, "g.\(b2) lies past the end of \(segment.accession) (\(segment.length) bases)")
        }
        guard placement.differences.allSatisfy({ $0.kind == .mismatch }) else {
            throw NormalizeError(
                .unsupported, "\(segment.accession) differs from \(placement.chromosome) by indels; not mapped")
        }
        func g(_ b: Int) -> Int {
            placement.strand == .plus
                ? placement.genomic.start + (b - 1 - placement.segment.start)
                : placement.genomic.end - 1 - (b - 1 - placement.segment.start)
        }
        var edit = variant.edit
        let lo = min(g(b1), g(b2)) + 1
        let hi = max(g(b1), g(b2)) + 1
        if placement.strand == .minus { edit = edit.reverseComplemented }
        let location = variant.location.end == nil ? Location(GenomicPosition.base(lo)) : Location(.base(lo), .base(hi))
        let mapped = NucleotideVariant(location: location, edit: edit)
        let note = "\(segment.accession) placed on \(placement.chromosome) (\(placement.assembly))"
        switch try placeGenomicVariant(
            reference: ReferenceSpecifier(Accession(placement.chromosome, kind: .refSeq)), mapped)
        {
        case .normalized(var result):
            result.warnings.insert(note, at: 0)
            return .normalized(result)
        case .placed(var placed):
            placed.warnings.insert(note, at: 0)
            return .placed(placed)
        }
    }

    /// Transcript preferred for the c. form of a genomic variant: MANE Select, an LRG transcript, else the first.
    func preferred(among transcripts: [Transcript]) -> Transcript? {
        transcripts.first { $0.isMANESelect } ?? transcripts.first { $0.lrgAccession != nil && $0.cds != nil }
            ?? transcripts.first { $0.cds != nil } ?? transcripts.first
    }

    func makeView(chromosome: String, assembly: Assembly) -> GenomeView<Provider> {
        GenomeView(
            provider: provider, chromosome: chromosome, assembly: assembly,
            length: provider.chromosomeLength(accession: chromosome))
    }

    func uniqued(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}
