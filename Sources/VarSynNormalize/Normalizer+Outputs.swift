import VarSynCore
import VarSynReference

/// The genomic forms of one event on one assembly.
struct GenomicForms {
    var hgvs: String?
    var spdi: String?
    var vcf: String?
    /// Why the SPDI (and VCF) could not be computed.
    var unavailable: String?
}

extension Normalizer {
    /// Every output for a variant placed on the genome (`event`) and/or on a transcript.
    func outputs(
        event: GenomicEvent?, transcript: Transcript?, transcriptChange: (change: SequenceChange, reference: [UInt8])?,
        warnings: [String], view inputView: GenomeView<Provider>? = nil
    ) throws(NormalizeError) -> NormalizedVariant {
        var result = NormalizedVariant()
        result.warnings = warnings
        let forms = options.forms
        var events: [GenomicEvent] = []
        if let event {
            events.append(event)
            if forms.contains(.otherAssembly) || event.assembly != .grch38 {
                let other: Assembly = event.assembly == .grch38 ? .grch37 : .grch38
                if let lifted = lift(event, to: other, hint: transcript) { events.append(lifted) }
            }
        }
        var unavailable: String?
        var views: [GenomeView<Provider>] = inputView.map { [$0] } ?? []
        for e in events where e.assembly == .grch38 || forms.contains(.otherAssembly) {
            let view =
                views.first { $0.chromosome == e.chromosome && $0.assembly == e.assembly }
                ?? makeView(chromosome: e.chromosome, assembly: e.assembly)
            if !views.contains(where: { $0 === view }) { views.append(view) }
            if let transcript { view.addExonSource(transcript) }
            let g = genomicForms(e, view: view, forms: e.assembly == .grch38 ? forms : forms.subtracting(.key))
            if e.assembly == .grch38 {
                result.hgvsG = g.hgvs
                result.spdi = g.spdi
                result.vcfGRCh38 = g.vcf
                unavailable = g.unavailable
            } else {
                result.hgvsGGRCh37 = g.hgvs
                result.vcfGRCh37 = g.vcf
            }
            if !e.referenceKnown {
                result.warnings.append(
                    "reference bases at \(e.chromosome):g.\(e.change.start + 1) not checked (sequence not in the reference data)"
                )
            }
        }
        if !events.isEmpty && !events.contains(where: { $0.assembly == .grch38 }) {
            unavailable = "no GRCh38 placement in the reference data"
        }

        // Transcript forms.
        if let transcript, forms.contains(.hgvs) || forms.contains(.hgvsC) || events.isEmpty {
            let t = transcriptForms(
                transcript, events: events, transcriptChange: transcriptChange, warnings: &result.warnings, views: views
            )
            if forms.contains(.hgvs) {
                result.hgvsC = t.hgvs
                result.hgvsR = t.rna
            } else if forms.contains(.hgvsC) {
                result.hgvsC = t.hgvs
            }
            if forms.contains(.hgvs) || events.isEmpty { result.transcriptSPDI = t.spdi }
        }
        if forms.contains(.candidates), let grch38 = events.first(where: { $0.assembly == .grch38 }) ?? events.first {
            var probe = GenomicInterval(
                start: grch38.change.start, end: max(grch38.change.end, grch38.change.start + 1))
            if Self.isGenomicRecord(grch38.chromosome) {
                // A RefSeqGene or LRG record served as a sequence of its own: every transcript annotated on it, with
                // positions past a transcript's ends extrapolated (`c.*3668`, `c.-19364`, `n.616+3443`).
                probe = GenomicInterval(
                    start: 0, end: max(probe.end, provider.chromosomeLength(accession: grch38.chromosome) ?? 0))
            }
            for t in provider.transcripts(overlapping: probe, chromosome: grch38.chromosome, assembly: grch38.assembly)
            where t.accession != transcript?.accession {
                var ignored: [String] = []
                if let text = transcriptForms(
                    t, events: [grch38], transcriptChange: nil, warnings: &ignored, views: views
                ).hgvs {
                    result.candidates.append(text)
                }
            }
        }
        // Protein forms, through the protein module when wired in.
        if forms.contains(.hgvs), let protein, let c = result.hgvsC, c.contains(":c."),
            let p = protein.proteinDescription(ofCoding: c)
        {
            result.hgvsP = p
            result.proteinKey = proteinKey(of: p)
        }
        // Keys (only when asked for: no reason for a key nobody wanted).
        if forms.contains(.key) {
            if let spdi = result.spdi {
                result.key = KeyFormat.substitutionBlocks(spdi)
            } else if events.isEmpty, let spdi = result.transcriptSPDI {
                result.key = KeyFormat.substitutionBlocks(spdi)
            } else {
                result.keyUnavailableReason =
                    unavailable
                    ?? (events.isEmpty ? "no genomic placement and no transcript sequence" : "no GRCh38 placement")
            }
        }
        // rsIDs recorded for any of the forms.
        if forms.contains(.rsids) {
            var rsids: [Int] = []
            for text in [result.hgvsG, result.hgvsGGRCh37, result.hgvsC].compactMap({ $0 }) {
                for id in provider.rsids(allele: text) where !rsids.contains(id) { rsids.append(id) }
            }
            result.rsids = rsids.map { "rs\($0)" }
        }
        return result
    }

    /// Normalized g. (3'), SPDI (full justification) and VCF (left-aligned, anchored) on one assembly.
    func genomicForms(_ e: GenomicEvent, view: GenomeView<Provider>, forms wanted: OutputForms) -> GenomicForms {
        var forms = GenomicForms()
        let algebra = view.algebra
        let chromosomeName =
            wanted.contains(.vcf)
            ? provider.chromosome(e.chromosome, assembly: e.assembly)?.name ?? e.chromosome : e.chromosome
        let c = e.change
        guard e.referenceKnown else {
            // Without the sequence only a stated 1:1 change can be written.
            if e.reference.count == 1, c.alternative.count == 1 {
                forms.hgvs =
                    "\(e.chromosome):g.\(c.start + 1)\(EditText.bases(e.reference, false))>\(EditText.bases(c.alternative, false))"
                forms.spdi = KeyFormat.spdi(
                    sequence: e.chromosome, position: c.start, deleted: e.reference, inserted: c.alternative)
                forms.vcf = KeyFormat.vcf(
                    chromosome: chromosomeName, position: c.start + 1, reference: e.reference,
                    alternative: c.alternative)
            } else {
                forms.unavailable =
                    "the genomic sequence at \(e.chromosome):g.\(c.start + 1) is not in the reference data"
            }
            return forms
        }
        if wanted.contains(.hgvs) {
            let n3 = algebra.normalize(c, reference: e.reference, direction: options.direction)
            forms.hgvs = n3.shiftLimitedByUnknownSequence ? nil : "\(e.chromosome):g." + genomicEditText(n3)
        }
        if wanted.contains(.key) {
            if let voca = algebra.fullyJustified(c, reference: e.reference), !voca.limited {
                forms.spdi = KeyFormat.spdi(
                    sequence: e.chromosome, position: voca.start, deleted: voca.reference, inserted: voca.alternative)
            } else {
                forms.unavailable =
                    "the repeat around \(e.chromosome):g.\(c.start + 1) runs past the sequence the reference data holds (no genome there; transcript exons only)"
            }
        }
        if wanted.contains(.vcf) {
            let n5 = algebra.normalize(c, reference: e.reference, direction: .fivePrime)
            if !n5.shiftLimitedByUnknownSequence {
                forms.vcf = vcf(n5, chromosome: chromosomeName, algebra: algebra)
            }
        }
        return forms
    }

    func genomicEditText(_ n: NormalizedChange) -> String {
        if n.kind == .insertion {
            return EditText.edit(
                .insertion, first: String(n.start), last: String(n.start + 1), reference: [], alternative: n.alternative
            )
        }
        return EditText.edit(
            n.kind, first: String(n.start + 1), last: String(n.end), reference: n.reference, alternative: n.alternative)
    }

    /// `11-4055634-C-A`; an indel gets the base before it (after it at the chromosome start) as anchor.
    func vcf(_ n: NormalizedChange, chromosome: String, algebra: SequenceAlgebra) -> String? {
        var ref: [UInt8]
        var alt: [UInt8]
        var position = n.start
        switch n.kind {
        case .substitution, .inversion, .deletionInsertion, .identity:
            return KeyFormat.vcf(
                chromosome: chromosome, position: n.start + 1, reference: n.reference, alternative: n.alternative)
        case .deletion:
            ref = n.reference
            alt = []
        case .insertion:
            ref = []
            alt = n.alternative
        case .duplication:
            ref = []
            alt = n.alternative  // inserted before the copy at n.start (left-aligned)
        }
        if position > 0, let anchor = algebra.base(position - 1) {
            position -= 1
            ref.insert(anchor, at: 0)
            alt.insert(anchor, at: 0)
        } else if let after = algebra.base(position + ref.count) {
            ref.append(after)
            alt.append(after)
        } else {
            return nil
        }
        return KeyFormat.vcf(chromosome: chromosome, position: position + 1, reference: ref, alternative: alt)
    }

    /// c./n. (and r.) text of a variant on `transcript`, normalized in the transcript's orientation.
    func transcriptForms(
        _ transcript: Transcript, events: [GenomicEvent],
        transcriptChange: (change: SequenceChange, reference: [UInt8])?,
        warnings: inout [String], views: [GenomeView<Provider>] = []
    ) -> (hgvs: String?, rna: String?, spdi: String?) {
        let mapper = TranscriptMapper(transcript: transcript)
        let coding = transcript.cds != nil
        let prefix = coding ? ":c." : ":n."
        var spdi: String?
        // Transcript-level SPDI (whole transcript, full justification) for exonic changes.
        let tAlgebra = SequenceAlgebra(base: { transcript.base(at: $0) }, bounds: 0..<transcript.length)
        var tChange = transcriptChange
        if tChange == nil, let e = events.first, let a = transcript.alignment(on: e.assembly),
            a.chromosome == e.chromosome
        {
            tChange = transcriptFrameChange(e, transcript: transcript, alignment: a)
        }
        if let (change, ref) = tChange, let voca = tAlgebra.fullyJustified(change, reference: ref), !voca.limited {
            spdi = KeyFormat.spdi(
                sequence: transcript.accession, position: voca.start, deleted: voca.reference,
                inserted: voca.alternative)
        }
        // An insertion between two exons has no single place on the genome: keep it on the transcript.
        let atJunction =
            tChange.map { c in
                c.change.start == c.change.end
                    && (1..<transcript.exonCount).contains { transcript.exon($0).start == c.change.start }
            }
            ?? false
        // Genome-backed normalization in the transcript's orientation (shifts into introns when the genome is known).
        if options.transcriptShift == .withinExon, !atJunction,
            let e = events.first(where: { transcript.alignment(on: $0.assembly)?.chromosome == $0.chromosome }),
            let a = transcript.alignment(on: e.assembly)
        {
            let view =
                views.first { $0.chromosome == e.chromosome && $0.assembly == e.assembly }
                ?? makeView(chromosome: e.chromosome, assembly: e.assembly)
            view.addExonSource(transcript)
            let algebra = view.algebra
            if let ref = algebra.bases(e.change.start, e.change.end) ?? (e.referenceKnown ? e.reference : nil) {
                let plus = a.strand == .plus
                let direction: ShiftDirection =
                    plus ? options.direction : (options.direction == .threePrime ? .fivePrime : .threePrime)
                let n = algebra.normalize(e.change, reference: ref, direction: direction)
                if n.shiftLimitedByUnknownSequence {
                    warnings.append(
                        "\(transcript.accession): the 3' shift stopped at the exon edge (intron sequence not in the reference data)"
                    )
                }
                let (lo, hi) = n.kind == .insertion ? (n.start - 1, n.start) : (n.start, n.end - 1)
                if let pLo = mapper.point(ofGenomic: lo, on: a), let pHi = mapper.point(ofGenomic: hi, on: a) {
                    let (first, last) = plus ? (pLo, pHi) : (pHi, pLo)
                    let r = plus ? n.reference : reverseComplement(n.reference)
                    let alt = plus ? n.alternative : reverseComplement(n.alternative)
                    let fText = mapper.text(of: first, coding: coding)
                    let lText = mapper.text(of: last, coding: coding)
                    let text = EditText.edit(n.kind, first: fText, last: lText, reference: r, alternative: alt)
                    let exonic =
                        first.offset == 0 && last.offset == 0 && first.index >= 0 && last.index < transcript.length
                    let rna =
                        exonic
                        ? splicedRNA(transcript, tChange, mapper: mapper, coding: coding)
                            ?? transcript.accession + ":r."
                            + EditText.edit(
                                n.kind, first: fText, last: lText, reference: r, alternative: alt, rna: true) : nil
                    return (transcript.accession + prefix + text, rna, spdi)
                }
            }
        }
        // Transcript-sequence normalization.
        guard let (change, ref) = tChange else { return (nil, nil, spdi) }
        var bounds = 0..<transcript.length
        if options.transcriptShift == .withinExon {
            let lo =
                mapper.exonIndex(containing: change.start) ?? mapper.exonIndex(containing: max(0, change.start - 1))
            let hi = mapper.exonIndex(containing: max(change.start, change.end - 1)) ?? lo
            if let lo, let hi { bounds = transcript.exon(lo).start..<transcript.exon(hi).end }
        }
        let bounded = SequenceAlgebra(
            base: { bounds.contains($0) ? transcript.base(at: $0) : nil }, bounds: 0..<transcript.length)
        let n = Self.anchoredAtEnds(
            bounded.normalize(change, reference: ref, direction: options.direction), transcript: transcript)
        let (lo, hi) = n.kind == .insertion ? (n.start - 1, n.start) : (n.start, n.end - 1)
        let fText = mapper.text(of: TranscriptPoint(index: lo), coding: coding)
        let lText = mapper.text(of: TranscriptPoint(index: hi), coding: coding)
        let text = EditText.edit(n.kind, first: fText, last: lText, reference: n.reference, alternative: n.alternative)
        let rna = splicedRNA(transcript, tChange, mapper: mapper, coding: coding)
        return (transcript.accession + prefix + text, rna, spdi)
    }

    /// A gene-scale genomic record (RefSeqGene `NG_`, `LRG_`) rather than a chromosome or contig.
    static func isGenomicRecord(_ accession: String) -> Bool {
        accession.hasPrefix("NG_") || (accession.hasPrefix("LRG_") && !accession.contains("t"))
    }

    /// An insertion at either end of the transcript has no flank there: a delins of the end base.
    static func anchoredAtEnds(_ n: NormalizedChange, transcript: Transcript) -> NormalizedChange {
        guard n.kind == .insertion, n.start == 0 || n.start == transcript.length,
            let edge = transcript.base(at: n.start == 0 ? 0 : n.start - 1)
        else { return n }
        let replaced = n.start == 0 ? n.alternative + [edge] : [edge] + n.alternative
        let at = n.start == 0 ? 0 : n.start - 1
        return NormalizedChange(
            kind: .deletionInsertion, start: at, end: at + 1, reference: [edge], alternative: replaced,
            shiftLimitedByUnknownSequence: false)
    }

    /// r. of an exonic change: on the spliced RNA, so the 3' rule runs along the transcript sequence across exon
    /// junctions (`NM_022153.2:c.568del` is `r.569del`: c.568 and c.569, the first base of the next exon, are both
    /// `g`). Unparenthesized here; DNA input gets `r.(…)` at the end.
    func splicedRNA(
        _ transcript: Transcript, _ tChange: (change: SequenceChange, reference: [UInt8])?,
        mapper: TranscriptMapper<Transcript>, coding: Bool
    ) -> String? {
        guard let (change, ref) = tChange else { return nil }
        let algebra = SequenceAlgebra(base: { transcript.base(at: $0) }, bounds: 0..<transcript.length)
        let n = Self.anchoredAtEnds(
            algebra.normalize(change, reference: ref, direction: options.direction), transcript: transcript)
        let (lo, hi) = n.kind == .insertion ? (n.start - 1, n.start) : (n.start, n.end - 1)
        let fText = mapper.text(of: TranscriptPoint(index: lo), coding: coding)
        let lText = mapper.text(of: TranscriptPoint(index: hi), coding: coding)
        return transcript.accession + ":r."
            + EditText.edit(
                n.kind, first: fText, last: lText, reference: n.reference, alternative: n.alternative, rna: true)
    }

    /// A genomic event as a change on the transcript sequence, when it lies in exons (same length both ways).
    func transcriptFrameChange(
        _ e: GenomicEvent, transcript: Transcript, alignment: Transcript.Alignment
    )
        -> (change: SequenceChange, reference: [UInt8])?
    {
        let m = TranscriptMapper(transcript: transcript)
        let plus = alignment.strand == .plus
        let c = e.change
        let alt = plus ? c.alternative : reverseComplement(c.alternative)
        if c.start == c.end {
            guard let a = m.point(ofGenomic: c.start - 1, on: alignment),
                let b = m.point(ofGenomic: c.start, on: alignment),
                a.offset == 0, b.offset == 0, abs(a.index - b.index) == 1
            else { return nil }
            let i = max(a.index, b.index)
            return (SequenceChange(start: i, end: i, alternative: alt), [])
        }
        guard let a = m.point(ofGenomic: c.start, on: alignment), let b = m.point(ofGenomic: c.end - 1, on: alignment),
            a.offset == 0, b.offset == 0, abs(a.index - b.index) == c.end - c.start - 1
        else { return nil }
        let lo = min(a.index, b.index)
        let hi = max(a.index, b.index) + 1
        guard lo >= 0, hi <= transcript.length,
            let ref = SequenceAlgebra(base: { transcript.base(at: $0) }).bases(lo, hi)
        else { return nil }
        return (SequenceChange(start: lo, end: hi, alternative: alt), ref)
    }

    /// `exon 2 deletion`: the exon's flanking introns as uncertain breakpoints,
    /// `NM_003156.3:c.(139+1_140-1)_(270+1_271-1)del`, and the same on the genome.
    func exonLevel(
        _ transcript: Transcript, first: Int, last: Int, edit: NucleotideEdit, warnings: [String]
    )
        throws(NormalizeError) -> NormalizedVariant
    {
        let n = transcript.exonCount
        guard first >= 1, last >= first, last <= n else {
            throw NormalizeError(.outOfBounds, "\(transcript.accession) has \(n) exons; exon \(last) does not exist")
        }
        let keyword: String
        switch edit {
        case .deletion: keyword = "del"
        case .duplication: keyword = "dup"
        default: throw NormalizeError(.unsupported, "exon-level changes are read for deletions and duplications only")
        }
        let m = TranscriptMapper(transcript: transcript)
        let coding = transcript.cds != nil
        let startExon = transcript.exon(first - 1)
        let endExon = transcript.exon(last - 1)
        let outerStart: TranscriptPoint? =
            first > 1 ? TranscriptPoint(index: transcript.exon(first - 2).end - 1, offset: 1) : nil
        let innerStart = TranscriptPoint(index: startExon.start, offset: -1)
        let innerEnd = TranscriptPoint(index: endExon.end - 1, offset: 1)
        let outerEnd: TranscriptPoint? =
            last < n ? TranscriptPoint(index: transcript.exon(last).start, offset: -1) : nil
        let t = { (p: TranscriptPoint?) in p.map { m.text(of: $0, coding: coding) } ?? "?" }
        var result = NormalizedVariant()
        result.warnings = warnings
        result.hgvsC =
            "\(transcript.accession):\(coding ? "c." : "n.")(\(t(outerStart))_\(t(innerStart)))_(\(t(innerEnd))_\(t(outerEnd)))\(keyword)"
        for assembly in [Assembly.grch38, .grch37] {
            guard let a = transcript.alignment(on: assembly) else { continue }
            let g = { (p: TranscriptPoint?) -> String in
                p.flatMap { m.genomicPosition(of: $0, on: a) }.map { String($0 + 1) } ?? "?"
            }
            let points = [g(outerStart), g(innerStart), g(innerEnd), g(outerEnd)]
            let ordered = a.strand == .plus ? points : points.reversed()
            let text = "\(a.chromosome):g.(\(ordered[0])_\(ordered[1]))_(\(ordered[2])_\(ordered[3]))\(keyword)"
            if assembly == .grch38 { result.hgvsG = text } else { result.hgvsGGRCh37 = text }
        }
        result.keyUnavailableReason =
            "exon-level change: the breakpoints lie somewhere in the flanking introns, so there is no exact key"
        return result
    }
}
