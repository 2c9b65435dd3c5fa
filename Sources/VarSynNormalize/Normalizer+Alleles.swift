import VarSynCore
import VarSynReference

// Alleles: `NG_012337.1:g.[7109T>A;7110del]`, `NM_003002.2:c.[274G>T;278A>G]`, `c.[76A>C];[76=]`, `g.[a(;)b]`.
//
// Every component is placed (positions mapped, stated bases checked) exactly as a single variant is, in one frame:
// the genome (plus strand) when every component has a genomic placement, else the transcript sequence. Components
// that touch, or that the 3' rule of either orientation (the genome's, the transcript's) slides onto a neighbour,
// are merged into one change (HGVS: adjacent changes are one delins; changes separated by an unchanged base are
// described individually), so the allele reads the same on every reference. Each merged change is normalized like
// a single variant. Overlapping components (two insertions at one point, an insertion inside a deletion,
// overlapping ranges) are refused as `.invalid`. The allele key joins the components' keys with the phase marked.

extension Normalizer {
    /// A variant placed on its reference, before shifting: what ``outputs(of:)`` normalizes.
    struct PlacedVariant {
        var transcript: Transcript?
        var event: GenomicEvent?
        var transcriptChange: (change: SequenceChange, reference: [UInt8])?
        var warnings: [String]
        var view: GenomeView<Provider>?
    }

    /// A placement, or a result that needs no shifting (exon-level changes).
    enum Placement {
        case placed(PlacedVariant)
        case normalized(NormalizedVariant)
    }

    /// Every output of a placed variant.
    func outputs(of placement: Placement) throws(NormalizeError) -> NormalizedVariant {
        switch placement {
        case .normalized(let v): return v
        case .placed(let p):
            var result = try outputs(
                event: p.event, transcript: p.transcript, transcriptChange: p.transcriptChange, warnings: p.warnings,
                view: p.view)
            result.warnings = uniqued(result.warnings)
            return result
        }
    }

    /// The single variant of a tree (`c.76A>C`, `c.[76A>C]`, `c.(76A>C)`); nil for an allele (`[a;b]`, `[a];[b]`,
    /// `[a(;)b]`); throws for what is neither (alternatives `^`, `c.=`, `?`, `0`).
    func singleVariantOrAllele<P>(
        _ tree: AlleleTree<NucleotideVariant<P>>
    ) throws(NormalizeError) -> NucleotideVariant<P>? {
        switch tree {
        case .variant(let v): return v
        case .bracket(let inner), .predicted(let inner): return try singleVariantOrAllele(inner)
        case .cis(let members) where members.count == 1: return try singleVariantOrAllele(members[0])
        case .cis, .trans, .unknownPhase: return nil
        default: return try singleVariant(tree)
        }
    }

    /// `r.` computed from DNA is a prediction: `NM_003002.2:r.(274g>u)`, `NM_003002.2:r.([274g>u;278a>g])`.
    func predictedRNA(_ v: NormalizedVariant, observed: Bool) -> NormalizedVariant {
        guard !observed else { return v }
        var v = v
        if let r = v.hgvsR, !r.hasPrefix("["), let colon = r.firstRange(of: ":r.") {
            let body = r[colon.upperBound...]
            if !(body.hasPrefix("(") && body.hasSuffix(")")) { v.hgvsR = "\(r[..<colon.upperBound])(\(body))" }
        }
        v.alleles = v.alleles.map { $0.map { predictedRNA($0, observed: false) } }
        return v
    }

    // MARK: Entry points

    /// A c./n./r. allele: `NG_012337.1(NM_003002.2):c.[274G>T;278A>G]` -> `c.[274G>T;278A>G]`,
    /// `g.[7125G>T;7129A>G]`, `p.(Asp92_Tyr93delinsTyrCys)`.
    func normalizeAllele(
        reference: ReferenceSpecifier?, system: CoordinateSystem,
        _ tree: AlleleTree<NucleotideVariant<TranscriptPosition>>
    ) throws(NormalizeError) -> NormalizedVariant {
        let (phase, groups, symbols) = try alleleGroups(tree)
        let result = try normalizeAllele(phase: phase, groups: groups, symbols: symbols, transcriptInput: true) {
            (v) throws(NormalizeError) -> Placement in
            try placeTranscriptVariant(reference: reference, system: system, v)
        }
        return predictedRNA(result, observed: system == .rna)
    }

    /// A g. allele: `NG_012337.1:g.[7109T>A;7110del]` -> `NG_012337.1:g.7109_7110delinsA`.
    func normalizeAllele(
        reference: ReferenceSpecifier?, _ tree: AlleleTree<NucleotideVariant<GenomicPosition>>
    ) throws(NormalizeError) -> NormalizedVariant {
        let (phase, groups, symbols) = try alleleGroups(tree)
        let result = try normalizeAllele(phase: phase, groups: groups, symbols: symbols, transcriptInput: false) {
            (v) throws(NormalizeError) -> Placement in
            try placeGenomicVariant(reference: reference, v)
        }
        return predictedRNA(result, observed: false)
    }

    /// The phase and the variants of each chromosome copy: `[a;b]` one group, `[a];[b]` two, `[a(;)b]` one per
    /// variant. `=` members (`[76=]`, `[=]`) contribute no change; a copy that is unknown `[?]` or absent `[0]` has
    /// that symbol (nil for the others).
    func alleleGroups<P>(
        _ tree: AlleleTree<NucleotideVariant<P>>
    ) throws(NormalizeError) -> (AllelePhase, [[NucleotideVariant<P>]], [String?]) {
        func symbol(_ t: AlleleTree<NucleotideVariant<P>>) -> String? {
            switch t {
            case .unknown: return "?"
            case .absent(let uncertain): return uncertain ? "0?" : "0"
            case .bracket(let inner), .predicted(let inner): return symbol(inner)
            case .cis(let list) where list.count == 1: return symbol(list[0])
            default: return nil
            }
        }
        func members(_ t: AlleleTree<NucleotideVariant<P>>) throws(NormalizeError) -> [NucleotideVariant<P>] {
            switch t {
            case .variant(let v): return [v]
            case .bracket(let inner), .predicted(let inner): return try members(inner)
            case .cis(let list):
                var out: [NucleotideVariant<P>] = []
                for m in list { out += try members(m) }
                return out
            case .unchanged: return []
            default:
                throw NormalizeError(
                    .unsupported, "allele members are normalized when they are variants or `=` (not `?`, `0`, `^`)")
            }
        }
        switch tree {
        case .bracket(let inner), .predicted(let inner): return try alleleGroups(inner)
        case .trans(let list), .unknownPhase(let list):
            var groups: [[NucleotideVariant<P>]] = []
            var symbols: [String?] = []
            for m in list {
                let s = symbol(m)
                groups.append(s == nil ? try members(m) : [])
                symbols.append(s)
            }
            if case .trans = tree { return (.trans, groups, symbols) }
            return (.unknown, groups, symbols)
        default:
            return (.cis, [try members(tree)], [nil])
        }
    }

    /// Alleles whose members carry their own references, `[NM_004004.2:c.35del];[NM_006783.1:c.689_690insT]`:
    /// each member normalized on its reference, the copies in trans.
    func normalizeAlleles(_ lists: [[VariantDescription]]) throws(NormalizeError) -> NormalizedVariant {
        var copies: [CisAllele] = []
        for list in lists {
            var components: [NormalizedVariant] = []
            for description in list {
                let v = try normalize(description)
                switch v.phase {
                case nil: components.append(v)
                case .cis?: components += v.alleles.first ?? []
                default:
                    throw NormalizeError(.unsupported, "an allele inside a per-reference allele is not normalized")
                }
            }
            copies.append(CisAllele(components: components, reversedOnTranscript: false, protein: nil))
        }
        return predictedRNA(combine(copies, phase: .trans), observed: false)
    }

    // MARK: Normalization

    /// One allele result from its groups (each group is one chromosome copy, or one variant of unknown phase).
    func normalizeAllele<V>(
        phase: AllelePhase, groups: [[V]], symbols: [String?], transcriptInput: Bool,
        place: (V) throws(NormalizeError) -> Placement
    ) throws(NormalizeError) -> NormalizedVariant {
        var copies: [CisAllele] = []
        for (group, symbol) in zip(groups, symbols) {
            if let symbol {
                copies.append(CisAllele(components: [], reversedOnTranscript: false, protein: nil, symbol: symbol))
                continue
            }
            var placements: [Placement] = []
            for v in group { placements.append(try place(v)) }
            copies.append(try cisAllele(placements, transcriptInput: transcriptInput))
        }
        if phase == .cis, let only = copies.first, copies.count == 1, only.components.count == 1 {
            // One change after merging: exactly the single variant it equals (`[7109T>A;7110del]` = `7109_7110delinsA`).
            var v = only.components[0]
            v.phase = .cis
            v.alleles = [only.components]
            return v
        }
        return combine(copies, phase: phase)
    }

    /// The normalized changes of one chromosome copy, in genome (or transcript) order.
    struct CisAllele {
        var components: [NormalizedVariant]
        /// The components' c./n./r. order runs against genome order (minus-strand transcript).
        var reversedOnTranscript: Bool
        /// p. of the whole copy (all exonic changes applied together), when a protein module is wired in.
        var protein: String?
        /// Every change of the copy is `=` (`[76=]`, `[=]`): its key is `=`.
        var unchanged = false
        /// A copy written `?` (unknown) or `0` (absent), with no components.
        var symbol: String?
    }

    /// A change in the allele's frame with the placement it came from.
    struct FramedChange {
        var change: SequenceChange
        var reference: [UInt8]
        var referenceKnown: Bool
        var placed: PlacedVariant
    }

    /// Places, checks, merges and normalizes the variants of one chromosome copy.
    func cisAllele(_ placements: [Placement], transcriptInput: Bool) throws(NormalizeError) -> CisAllele {
        var placed: [PlacedVariant] = []
        for p in placements {
            switch p {
            case .placed(let v): placed.append(v)
            case .normalized:
                throw NormalizeError(.unsupported, "exon-level changes are not normalized inside alleles")
            }
        }
        guard let first = placed.first else {
            return CisAllele(components: [], reversedOnTranscript: false, protein: nil, unchanged: true)
        }
        // The frame: the genome when every component is placed there, else the transcript.
        var changes: [FramedChange] = []
        var algebra: SequenceAlgebra
        var minusStrand = false
        var genomeFrame = false
        if let e0 = first.event,
            placed.allSatisfy({ $0.event?.chromosome == e0.chromosome && $0.event?.assembly == e0.assembly })
        {
            for p in placed {
                guard let e = p.event else { continue }
                changes.append(
                    FramedChange(change: e.change, reference: e.reference, referenceKnown: e.referenceKnown, placed: p))
            }
            let view = first.view ?? makeView(chromosome: e0.chromosome, assembly: e0.assembly)
            for p in placed { if let t = p.transcript { view.addExonSource(t) } }
            algebra = view.algebra
            genomeFrame = true
            if transcriptInput, let t = first.transcript, let a = t.alignment(on: e0.assembly),
                a.chromosome == e0.chromosome
            {
                minusStrand = a.strand == .minus
            }
        } else if let t = first.transcript, placed.allSatisfy({ $0.event == nil && $0.transcriptChange != nil }),
            placed.allSatisfy({ $0.transcript?.accession == t.accession })
        {
            for p in placed {
                guard let c = p.transcriptChange else { continue }
                changes.append(FramedChange(change: c.change, reference: c.reference, referenceKnown: true, placed: p))
            }
            algebra = SequenceAlgebra(base: { t.base(at: $0) }, bounds: 0..<t.length)
        } else {
            throw NormalizeError(
                .unsupported, "the allele's variants cannot be placed on one sequence (genome or transcript)")
        }
        // Changes that leave the reference as it is (`274=`) drop out.
        changes.removeAll { $0.change.alternative == $0.reference && !$0.reference.isEmpty }
        changes.sort { ($0.change.start, $0.change.end) < ($1.change.start, $1.change.end) }
        try refuseOverlaps(changes, on: genomeFrame ? "g." : "n.")

        // Merge changes that touch, or that the 3' rule of either orientation (the genome's plus strand, the
        // transcript's) slides onto a neighbour: the allele then has one description, and one key, whichever
        // reference it is written on (`NM_000546.5:c.[98C>T;102del]` in a run of Cs is `c.98_99delinsT`, as on the
        // genome the deletion slides onto the substituted base).
        var clusters: [[FramedChange]] = []
        for c in changes {
            if let last = clusters.last, let m = try? merged(last, algebra: algebra) {
                let right = algebra.normalize(m.change, reference: m.reference, direction: .threePrime)
                let left = algebra.normalize(c.change, reference: c.reference, direction: .fivePrime)
                let reachRight = right.kind == .identity ? m.change.end : max(m.change.end, right.end)
                let reachLeft = left.kind == .identity ? c.change.start : min(c.change.start, left.start)
                if c.change.start <= reachRight || reachLeft <= m.change.end {
                    clusters[clusters.count - 1].append(c)
                    continue
                }
            }
            clusters.append([c])
        }

        /// The outputs of a merged change, on the placement of its first member.
        func outputs(merged m: FramedChange, of cluster: [FramedChange]) throws(NormalizeError) -> NormalizedVariant {
            var p = m.placed
            p.warnings = uniqued(cluster.flatMap(\.placed.warnings))
            if var e = p.event {
                e.change = m.change
                e.reference = m.reference
                e.referenceKnown = m.referenceKnown
                p.event = e
                p.transcriptChange = nil
            } else {
                p.transcriptChange = (m.change, m.reference)
            }
            return try self.outputs(of: .placed(p))
        }
        var components: [NormalizedVariant] = []
        var mergedChanges: [FramedChange] = []
        var cancelled: (FramedChange, [FramedChange])?
        for cluster in clusters {
            let m = try merged(cluster, algebra: algebra)
            if cluster.count > 1,
                algebra.normalize(m.change, reference: m.reference, direction: .threePrime).kind == .identity
            {
                // Changes that cancel out (`[100del;101_102insG]` in a run of Gs) leave nothing.
                if cancelled == nil { cancelled = (m, cluster) }
                continue
            }
            mergedChanges.append(m)
            components.append(
                cluster.count == 1
                    ? try self.outputs(of: .placed(cluster[0].placed)) : try outputs(merged: m, of: cluster))
        }
        if components.isEmpty {
            // Nothing changes: the range the changes cancelled out in, unchanged (`c.100_102=`), or the `=` written.
            let component: NormalizedVariant
            if let (m, cluster) = cancelled {
                component = try outputs(merged: m, of: cluster)
            } else {
                component = try self.outputs(of: .placed(first))
            }
            var copy = CisAllele(components: [component], reversedOnTranscript: minusStrand, protein: nil)
            copy.unchanged = true
            return copy
        }
        let protein = mergedChanges.count > 1 ? copyProtein(mergedChanges, components: components) : nil
        return CisAllele(components: components, reversedOnTranscript: minusStrand, protein: protein)
    }

    /// `.invalid` when two changes overlap: ranges sharing a base, an insertion point inside a replaced range, or
    /// two insertions at one point (mutalyzer EOVERLAP).
    func refuseOverlaps(_ changes: [FramedChange], on system: String) throws(NormalizeError) {
        func text(_ c: SequenceChange) -> String {
            c.start == c.end
                ? "\(system)\(c.start)_\(c.start + 1)ins"
                : system + (c.end - c.start == 1 ? "\(c.end)" : "\(c.start + 1)_\(c.end)")
        }
        for i in changes.indices {
            for j in changes.indices where j > i {
                let a = changes[i].change
                let b = changes[j].change
                let overlap: Bool
                switch (a.start == a.end, b.start == b.end) {
                case (true, true): overlap = a.start == b.start
                case (true, false): overlap = b.start < a.start && a.start < b.end
                case (false, true): overlap = a.start < b.start && b.start < a.end
                case (false, false): overlap = max(a.start, b.start) < min(a.end, b.end)
                }
                if overlap {
                    throw NormalizeError(
                        .invalid,
                        "the allele's changes overlap (\(text(a)) and \(text(b)) on \(changes[i].placed.event?.chromosome ?? changes[i].placed.transcript?.accession ?? "the reference")); describe the combined change as one delins"
                    )
                }
            }
        }
    }

    /// Several changes (sorted, not overlapping) as one change over their span, reference bases between them kept.
    func merged(_ cluster: [FramedChange], algebra: SequenceAlgebra) throws(NormalizeError) -> FramedChange {
        let sorted = cluster.sorted { ($0.change.start, $0.change.end) < ($1.change.start, $1.change.end) }
        guard var out = sorted.first else {
            throw NormalizeError(.invalid, "an empty allele")
        }
        guard sorted.count > 1 else { return out }
        var alternative: [UInt8] = []
        var reference: [UInt8] = []
        var position = out.change.start
        var known = true
        for c in sorted {
            if c.change.start > position {
                guard let gap = algebra.bases(position, c.change.start) else {
                    throw NormalizeError(.sequenceUnavailable, "the bases between the allele's changes are not known")
                }
                alternative += gap
                reference += gap
            }
            alternative += c.change.alternative
            reference += c.reference
            position = max(position, c.change.end)
            known = known && c.referenceKnown
        }
        out.change = SequenceChange(start: out.change.start, end: position, alternative: alternative)
        out.reference = reference
        out.referenceKnown = known
        return out
    }

    /// p. of one chromosome copy. Changes with no effect of their own (`p.(=)`: UTR, deep intron) drop out; a change
    /// of unknown effect (`p.?`: splice site) makes the copy's p. unknown; changes in the same or adjacent codons are
    /// applied together (`c.[274G>T;278A>G]` -> `p.(Asp92_Tyr93delinsTyrCys)`); groups further apart are listed,
    /// `p.[(Asp92Tyr;Ser120Ter)]`.
    func copyProtein(_ changes: [FramedChange], components: [NormalizedVariant]) -> String? {
        guard let protein, let transcript = changes.first?.placed.transcript, let cds = transcript.cds,
            changes.count == components.count
        else { return nil }
        var head: Substring?
        // The changes that alter the protein, on the transcript, with their codon span.
        var affecting: [(change: FramedChange, codons: ClosedRange<Int>, protein: Substring)] = []
        for (c, component) in zip(changes, components) {
            guard let p = component.hgvsP, let (h, body) = Self.splitDescription(p) else { return nil }
            if let head, head != h { return nil }
            head = h
            if body == "?" { return p }
            if body == "(=)" { continue }
            var t: (change: SequenceChange, reference: [UInt8])?
            if let e = c.placed.event {
                var event = e
                event.change = c.change
                event.reference = c.reference
                if let a = transcript.alignment(on: e.assembly), a.chromosome == e.chromosome {
                    t = transcriptFrameChange(event, transcript: transcript, alignment: a)
                }
            } else {
                t = (c.change, c.reference)
            }
            guard let t else { return nil }
            var f = c
            f.change = t.change
            f.reference = t.reference
            let codon = { (i: Int) in (i - cds.start) >= 0 ? (i - cds.start) / 3 : -1 }
            let first = codon(t.change.start)
            let last = max(first, codon(max(t.change.start, t.change.end - 1)))
            affecting.append((f, first...last, body))
        }
        guard let head else { return nil }
        guard !affecting.isEmpty else { return String(head) + "(=)" }
        affecting.sort { $0.change.change.start < $1.change.change.start }
        var groups: [[(change: FramedChange, codons: ClosedRange<Int>, protein: Substring)]] = []
        for a in affecting {
            if let last = groups.last?.last, a.codons.lowerBound <= last.codons.upperBound + 1 {
                groups[groups.count - 1].append(a)
            } else {
                groups.append([a])
            }
        }
        let algebra = SequenceAlgebra(base: { transcript.base(at: $0) }, bounds: 0..<transcript.length)
        var bodies: [Substring] = []
        for group in groups {
            if group.count == 1 {
                bodies.append(group[0].protein)
                continue
            }
            var ignored: [String] = []
            guard let m = try? merged(group.map(\.change), algebra: algebra),
                let c = transcriptForms(
                    transcript, events: [], transcriptChange: (m.change, m.reference), warnings: &ignored
                ).hgvs,
                let p = protein.proteinDescription(ofCoding: c), let (_, body) = Self.splitDescription(p)
            else { return nil }
            if body == "?" { return p }
            bodies.append(body)
        }
        // Changes past a frameshift or a new stop are not in the protein any more.
        if let end = bodies.firstIndex(where: { $0.contains("fs") || $0.hasSuffix("Ter)") }) {
            bodies = Array(bodies[...end])
        }
        if bodies.count == 1 { return String(head) + bodies[0] }
        // Several predicted changes in cis: `p.[(Asp92Tyr;Ser120Ter)]`.
        let inner = bodies.map { $0.hasPrefix("(") && $0.hasSuffix(")") ? $0.dropFirst().dropLast() : $0 }
        return String(head) + "[(" + inner.joined(separator: ";") + ")]"
    }

    // MARK: Combined forms

    /// `NC_1:g.[a;b]`, `[a];[b]`, `[a(;)b]` from the chromosome copies' components, and the allele key.
    func combine(_ copies: [CisAllele], phase: AllelePhase) -> NormalizedVariant {
        var result = NormalizedVariant()
        result.phase = phase
        result.alleles = copies.map(\.components)
        let all = copies.flatMap(\.components)
        func joined(_ form: (NormalizedVariant) -> String?, transcriptOrder: Bool) -> String? {
            var heads: Set<Substring> = []
            var groups: [[Substring]] = []
            var texts: [[String]] = []
            for copy in copies {
                var bodies: [Substring] = []
                var full: [String] = []
                let ordered =
                    transcriptOrder && copy.reversedOnTranscript ? copy.components.reversed() : copy.components
                for v in ordered {
                    guard let text = form(v), let (h, body) = Self.splitDescription(text) else { return nil }
                    heads.insert(h)
                    // A member's own prediction parentheses (`r.(76a>c)`) give way to the allele's.
                    bodies.append(body.hasPrefix("(") && body.hasSuffix(")") ? body.dropFirst().dropLast() : body)
                    full.append(text)
                }
                groups.append(bodies)
                texts.append(full)
            }
            guard let head = heads.first else { return nil }
            guard heads.count == 1 else {
                // Members on different references (`[NM_004004.2:c.35del];[NM_006783.1:c.689_690insT]`).
                let separator = phase == .unknown ? "(;)" : ";"
                let lists = zip(texts, copies).map { $0.isEmpty ? [$1.symbol ?? "="] : $0 }
                return phase == .cis || phase == .unknown
                    ? "[" + lists.flatMap { $0 }.joined(separator: separator) + "]"
                    : lists.map { "[" + $0.joined(separator: ";") + "]" }.joined(separator: ";")
            }
            let symbolized = zip(groups, copies).map { $0.isEmpty ? [Substring($1.symbol ?? "=")] : $0 }
            let inner: String
            switch phase {
            case .cis: inner = "[" + (groups.first ?? []).joined(separator: ";") + "]"
            case .trans: inner = symbolized.map { "[" + $0.joined(separator: ";") + "]" }.joined(separator: ";")
            case .unknown: inner = "[" + symbolized.map { $0.joined(separator: ";") }.joined(separator: "(;)") + "]"
            }
            return head + inner
        }
        result.hgvsG = joined(\.hgvsG, transcriptOrder: false)
        result.hgvsGGRCh37 = joined(\.hgvsGGRCh37, transcriptOrder: false)
        result.hgvsC = joined(\.hgvsC, transcriptOrder: true)
        result.hgvsR = joined(\.hgvsR, transcriptOrder: true)
        if phase == .cis, let p = copies.first?.protein {
            result.hgvsP = p
            result.proteinKey = proteinKey(of: p)
        } else if phase != .cis {
            result.hgvsP = phasedProtein(copies, phase: phase)
        }
        result.key = Self.alleleKey(
            copies.map { $0.unchanged || $0.symbol != nil ? [] : $0.components.map(\.key) }, phase: phase,
            symbols: copies.map(\.symbol))
        if result.key == nil {
            result.keyUnavailableReason =
                all.compactMap(\.keyUnavailableReason).first ?? "a component of the allele has no key"
        }
        result.candidates = alleleCandidates(copies, phase: phase)
        result.warnings = uniqued(all.flatMap(\.warnings))
        return result
    }

    /// p. of alleles in trans or of unknown phase, each copy's consequence as it is predicted:
    /// `NP_003147.2:p.[(Pro165Gln)];[(Ser166Asn)]`, `NP_003147.2:p.[(Pro165Gln)(;)(=)]`; nil when the copies'
    /// proteins differ or one is unknown.
    func phasedProtein(_ copies: [CisAllele], phase: AllelePhase) -> String? {
        var head: Substring?
        var bodies: [Substring] = []
        for copy in copies {
            if copy.components.isEmpty {
                bodies.append(Substring(copy.symbol ?? "="))
                continue
            }
            guard let p = copy.components.count == 1 ? copy.components[0].hgvsP : copy.protein,
                let (h, body) = Self.splitDescription(p)
            else { return nil }
            if let head, head != h { return nil }
            head = h
            bodies.append(body)
        }
        guard let head else { return nil }
        return phase == .trans
            ? head + bodies.map { "[" + $0 + "]" }.joined(separator: ";")
            : head + "[" + bodies.joined(separator: "(;)") + "]"
    }

    /// `NC_000011.10:g.4055634C>A` -> (`NC_000011.10:g.`, `4055634C>A`).
    static func splitDescription(_ text: String) -> (Substring, Substring)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let rest = text[text.index(after: colon)...]
        guard let dot = rest.firstIndex(of: "."), rest.distance(from: rest.startIndex, to: dot) == 1 else {
            return nil
        }
        let bodyStart = rest.index(after: dot)
        return (text[..<bodyStart], text[bodyStart...])
    }

    /// The allele key: the components' DNA keys (SPDI), each chromosome copy in genome order, marked with its
    /// phase. Cis `[k1;k2]`; trans `[k1;k2];[k3]` with the copies sorted (so `[a];[b]` = `[b];[a]`), an unchanged
    /// copy `[=]`; unknown phase `[k1(;)k2]` sorted. An allele that merges into one change has that change's key.
    static func alleleKey(_ keys: [[String?]], phase: AllelePhase, symbols: [String?] = []) -> String? {
        var copies: [[String]] = []
        for copy in keys {
            var out: [String] = []
            for k in copy {
                guard let k else { return nil }
                // A component keyed as substitution blocks (`[k1;k2]`) joins its copy's list, except where each
                // variant is its own group (unknown phase).
                if phase != .unknown, k.hasPrefix("["), k.hasSuffix("]") {
                    out += k.dropFirst().dropLast().split(separator: ";").map(String.init)
                } else {
                    out.append(k)
                }
            }
            copies.append(out)
        }
        switch phase {
        case .cis:
            guard let only = copies.first else { return nil }
            return only.count == 1 ? only[0] : "[" + only.joined(separator: ";") + "]"
        case .trans:
            return copies.enumerated().map { (i, copy) in
                "[" + (copy.isEmpty ? (i < symbols.count ? symbols[i] ?? "=" : "=") : copy.joined(separator: ";")) + "]"
            }.sorted().joined(separator: ";")
        case .unknown:
            var members = copies.flatMap { $0 }
            members += symbols.compactMap { $0 }
            return "[" + members.sorted().joined(separator: "(;)") + "]"
        }
    }

    /// The allele on each other transcript on which every component has a form: `NM_…:c.[a;b]`.
    func alleleCandidates(_ copies: [CisAllele], phase: AllelePhase) -> [String] {
        guard phase == .cis, let copy = copies.first, let firstComponent = copy.components.first else { return [] }
        var result: [String] = []
        for candidate in firstComponent.candidates {
            guard let (head, _) = Self.splitDescription(candidate) else { continue }
            var bodies: [Substring] = []
            for v in copy.components {
                guard let text = v.candidates.first(where: { $0.hasPrefix(head) }),
                    let (_, body) = Self.splitDescription(text)
                else { break }
                bodies.append(body)
            }
            guard bodies.count == copy.components.count else { continue }
            let accession = String(head.prefix { $0 != ":" })
            if let t = provider.transcript(accession: accession)?.transcript,
                let a = t.alignment(on: .grch38) ?? t.alignment(on: .grch37), a.strand == .minus
            {
                bodies.reverse()
            }
            result.append(head + "[" + bodies.joined(separator: ";") + "]")
        }
        return result
    }
}
