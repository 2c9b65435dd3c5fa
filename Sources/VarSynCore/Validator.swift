/// HGVS rules that can be checked from the description alone, without a reference sequence. Applied in
/// strict mode after a successful parse. Rules that need the reference (the 3' rule, positions beyond the
/// transcript, duplicating insertions) belong to the normalizer.
///
/// `c.[79G>T;80C>T]` fails: adjacent changes are one deletion-insertion (`c.79_80delinsTT`).
enum HGVSValidator {
    static func check(_ reading: Reading, input: UnsafeBufferPointer<UInt8>) throws(ParseError) {
        var validator = Validation(input: input)
        try validator.check(reading.expression)
    }
}

struct Validation {
    let input: UnsafeBufferPointer<UInt8>

    /// An error over the whole input, or over the first occurrence of `near` when given and found.
    func fail(_ detail: String, near: String? = nil) -> ParseError {
        if let near, let range = find(near) {
            return ParseError(.invalidDescription, start: range.lowerBound, end: range.upperBound, detail: detail)
        }
        return ParseError(.invalidDescription, start: 0, end: input.count, detail: detail)
    }

    func find(_ needle: String) -> Range<Int>? {
        let n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= input.count else { return nil }
        for i in 0...(input.count - n.count) where input[i] == n[0] {
            var match = true
            for k in 1..<n.count where input[i + k] != n[k] {
                match = false
                break
            }
            if match { return i..<(i + n.count) }
        }
        return nil
    }

    mutating func check(_ expression: VariantExpression) throws(ParseError) {
        switch expression {
        case .description(let description): try check(description)
        case .alternatives(let descriptions):
            for description in descriptions { try check(description) }
        case .alleles(let alleles):
            for allele in alleles {
                for description in allele { try check(description) }
            }
        case .adjoinedTranscripts, .dbSNP: break
        }
    }

    mutating func check(_ description: VariantDescription) throws(ParseError) {
        let system = description.body.coordinateSystem
        if let reference = description.reference {
            try checkReference(reference, system)
        }
        switch description.body {
        case .genomic(_, let tree):
            try checkTree(tree, topLevel: true)
            try visit(tree) { (v) throws(ParseError) in try checkNucleotide(v, system: system, coding: false) }
            try checkCis(tree) { (items) throws(ParseError) in try checkNucleotideCis(items, codons: false) }
        case .transcript(_, let tree):
            let coding = system == .coding || (system == .rna && description.reference.map(isCodingReference) == true)
            try checkTree(tree, topLevel: true)
            try visit(tree) { (v) throws(ParseError) in try checkNucleotide(v, system: system, coding: coding) }
            try checkCis(tree) { (items) throws(ParseError) in try checkNucleotideCis(items, codons: system == .coding)
            }
        case .protein(let tree):
            try checkTree(tree, topLevel: true)
            try visit(tree) { (v) throws(ParseError) in try checkProtein(v) }
            try checkCis(tree) { (items) throws(ParseError) in try checkProteinCis(items) }
        }
    }

    // MARK: References

    func isCodingReference(_ reference: ReferenceSpecifier) -> Bool {
        let accession = reference.selector ?? reference.accession
        switch accession.kind {
        case .refSeq: return accession.refSeqPrefix == "NM" || accession.refSeqPrefix == "XM"
        case .lrgTranscript: return true
        case .ensembl: return accession.text.hasPrefix("ENST")
        default: return false
        }
    }

    /// rule: the reference type must fit the coordinate system (`LRG_199:c.` needs `LRG_199t1`); no `chrN`.
    func checkReference(_ reference: ReferenceSpecifier, _ system: CoordinateSystem) throws(ParseError) {
        let accession = reference.accession
        if accession.kind == .chromosome {
            throw fail(
                "a chromosome name is not a reference sequence; use its accession (e.g. NC_000011.10)",
                near: String(decoding: input.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self))
        }
        // A selector names the transcript (NC_000023.10(NM_004006.2)) or, for mtDNA, the gene (NC_012920.1(MT-TL1)).
        let hasTranscriptSelector = reference.selector != nil
        enum Kind { case genomic, transcript, protein, unknown }
        let kind: Kind
        switch accession.kind {
        case .lrgGenomic: kind = .genomic
        case .lrgTranscript: kind = .transcript
        case .lrgProtein: kind = .protein
        case .refSeq:
            switch accession.refSeqPrefix {
            case "NC", "NG", "NT", "NW", "AC": kind = .genomic
            case "NM", "NR", "XM", "XR": kind = .transcript
            case "NP", "XP", "YP": kind = .protein
            default: kind = .unknown
            }
        case .ensembl:
            kind =
                accession.text.hasPrefix("ENST")
                ? .transcript
                : accession.text.hasPrefix("ENSP")
                    ? .protein
                    : accession.text.hasPrefix("ENSG") ? .genomic : .unknown
        default: kind = .unknown
        }
        switch (kind, system) {
        case (.protein, .protein), (.unknown, _), (.transcript, .coding), (.transcript, .noncoding),
            (.transcript, .rna):
            return
        case (.genomic, .genomic), (.genomic, .mitochondrial), (.genomic, .circular):
            return
        case (.genomic, .coding), (.genomic, .noncoding), (.genomic, .rna):
            if hasTranscriptSelector { return }
            throw fail(
                "a genomic reference needs a transcript selector for \(system.letter). (e.g. LRG_199t1 or NG_012232.1(NM_004006.2))"
            )
        default:
            throw fail("the reference \(accession.text) does not fit the coordinate type \(system.letter).")
        }
    }

    // MARK: Allele structure

    /// rule: a lone allele bracket needs a second allele (`c.[76A>C]` -> `c.[76A>C];[76=]`); prediction
    /// parentheses go inside brackets (`p.[(…)]`, not `p.([…])`); `N=` for the other allele only beside a
    /// single variant.
    func checkTree<V>(_ tree: AlleleTree<V>, topLevel: Bool) throws(ParseError) {
        switch tree {
        case .bracket(let inner) where topLevel:
            if case .variant = inner {
                throw fail("a single allele in brackets needs its second allele (e.g. c.[76A>C];[76=])", near: "[")
            }
            try checkTree(inner, topLevel: false)
        case .predicted(let inner):
            if containsBracket(inner) {
                throw fail("prediction parentheses go inside the allele brackets: p.[(…)]", near: "([")
            }
            try checkTree(inner, topLevel: false)
        case .trans(let alleles):
            // `c.[2376G>C;3103=];[…]`: an allele lists its changes; it does not mix them with '='.
            for allele in alleles {
                var identities = 0
                var changes = 0
                visitVariants(allele) { v in if isPositionIdentity(v) { identities += 1 } else { changes += 1 } }
                if identities > 0, changes > 0 {
                    throw fail("'=' for the other allele is used only when a single variant was found")
                }
            }
            for allele in alleles { try checkTree(allele, topLevel: false) }
        case .bracket(let inner), .supernumerary(let inner):
            try checkTree(inner, topLevel: false)
        case .cis(let items), .unknownPhase(let items), .alternatives(let items), .products(let items),
            .junction(let items):
            for item in items { try checkTree(item, topLevel: topLevel && false) }
        default:
            break
        }
    }

    func containsBracket<V>(_ tree: AlleleTree<V>) -> Bool {
        switch tree {
        case .bracket, .trans: return true
        case .cis(let items), .unknownPhase(let items), .alternatives(let items), .products(let items),
            .junction(let items):
            return items.contains { containsBracket($0) }
        case .predicted(let inner), .supernumerary(let inner): return containsBracket(inner)
        default: return false
        }
    }

    func isPositionIdentity<V>(_ variant: V) -> Bool {
        if let v = variant as? NucleotideVariant<TranscriptPosition>, case .identity = v.edit { return true }
        if let v = variant as? NucleotideVariant<GenomicPosition>, case .identity = v.edit { return true }
        if let v = variant as? ProteinVariant, case .identity = v.edit { return true }
        return false
    }

    func visitVariants<V>(_ tree: AlleleTree<V>, _ body: (V) -> Void) {
        switch tree {
        case .variant(let v), .repeatAlleles(let v, _): body(v)
        case .bracket(let inner), .predicted(let inner), .supernumerary(let inner): visitVariants(inner, body)
        case .cis(let items), .trans(let items), .unknownPhase(let items), .alternatives(let items),
            .products(let items), .junction(let items):
            for item in items { visitVariants(item, body) }
        case .unchanged, .unknown, .absent, .splicing: break
        }
    }

    func visit<V>(_ tree: AlleleTree<V>, _ body: (V) throws(ParseError) -> Void) throws(ParseError) {
        switch tree {
        case .variant(let v), .repeatAlleles(let v, _): try body(v)
        case .bracket(let inner), .predicted(let inner), .supernumerary(let inner): try visit(inner, body)
        case .cis(let items), .trans(let items), .unknownPhase(let items), .alternatives(let items),
            .products(let items), .junction(let items):
            for item in items { try visit(item, body) }
        case .unchanged, .unknown, .absent, .splicing: break
        }
    }

    /// Calls `body` with the variants of every cis allele (a `;` list inside brackets).
    func checkCis<V>(_ tree: AlleleTree<V>, _ body: ([V]) throws(ParseError) -> Void) throws(ParseError) {
        switch tree {
        case .cis(let items):
            var variants: [V] = []
            for item in items {
                switch item {
                case .variant(let v): variants.append(v)
                case .predicted(let inner): visitVariants(inner) { variants.append($0) }
                default: break
                }
            }
            try body(variants)
            for item in items { try checkCis(item, body) }
        case .bracket(let inner), .predicted(let inner), .supernumerary(let inner): try checkCis(inner, body)
        case .trans(let items), .unknownPhase(let items), .alternatives(let items), .products(let items),
            .junction(let items):
            for item in items { try checkCis(item, body) }
        default: break
        }
    }

    // MARK: Nucleotide rules

    func checkNucleotide<P>(_ variant: NucleotideVariant<P>, system: CoordinateSystem, coding: Bool) throws(ParseError)
    {
        // ±? offsets: superseded (SVD-WG003).
        for position in positions(variant.location) {
            if let t = position as? TranscriptPosition {
                switch t.offset {
                case .downstream(nil), .upstream(nil):
                    throw fail(
                        "unknown intronic offsets (N+?, N-?) are superseded; use (a+1_b-1) uncertain ranges",
                        near: find("-?") != nil ? "-?" : "+?")
                default: break
                }
            }
        }
        switch variant.edit {
        case .substitution:
            if variant.location.isRange {
                throw fail("a substitution changes one nucleotide; a range is changed with delins")
            }
        case .inversion:
            if !variant.location.isRange, case .exact = variant.location.start {
                throw fail("a one-nucleotide inversion is a substitution", near: "inv")
            }
        case .repeated(let units):
            if coding, let first = units.first, units.count == 1,
                let t = variant.location.start.first as? TranscriptPosition, t.anchor == .start, !t.isIntronic,
                let base = t.base, base > 0, first.unit.count % 3 != 0
            {
                throw fail(
                    "in a coding sequence the repeat format is only for units whose length is a multiple of 3",
                    near: "[")
            }
            if units.count == 1, variant.location.isRange, let length = plainLength(variant.location),
                length == units[0].unit.count,
                units[0].count != .exactly(1)
            {
                throw fail("a repeat gives either the unit's range or its sequence, not both")
            }
        case .insertion(.single(.localRange(let copied, inverted: false))):
            // g.456_457ins123_456 is a tandem copy: 123_456dup.
            if let flank = plainNumber(variant.location.start.first), let copyEnd = lastPlainNumber(copied),
                copyEnd == flank
            {
                throw fail(
                    "an inserted copy of the sequence just before the insertion is a duplication (dup)", near: "ins")
            }
        default:
            break
        }
    }

    func positions<P>(_ location: Location<P>) -> [P] {
        var result: [P] = []
        func add(_ b: Breakpoint<P>) {
            switch b {
            case .exact(let p), .parenthesized(let p): result.append(p)
            case .uncertain(let a, let c): result.append(a); result.append(c)
            }
        }
        add(location.start)
        if let end = location.end { add(end) }
        return result
    }

    /// The plain number of a position without offset (`c.123`, `g.123`), else nil.
    func plainNumber<P>(_ position: P) -> Int? {
        if let g = position as? GenomicPosition, case .base(let n) = g { return n }
        if let t = position as? TranscriptPosition, t.anchor == .start, !t.isIntronic, let n = t.base, n > 0 {
            return n
        }
        return nil
    }

    func lastPlainNumber(_ location: NucleotideLocation) -> Int? {
        switch location {
        case .genomic(let l): plainNumber((l.end ?? l.start).last)
        case .transcript(let l): plainNumber((l.end ?? l.start).last)
        }
    }

    /// The length of an exact range of exonic positions (5' UTR included: c.-125_-123 is 3), or 1 for a
    /// single one; nil otherwise.
    func plainLength<P>(_ location: Location<P>) -> Int? {
        func number(_ p: P) -> Int? {
            if let t = p as? TranscriptPosition, t.anchor == .start, !t.isIntronic { return t.base }
            return plainNumber(p)
        }
        guard case .exact(let a) = location.start, let x = number(a) else { return nil }
        guard let end = location.end else { return 1 }
        guard case .exact(let b) = end, let y = number(b) else { return nil }
        return (x < 0) == (y < 0) ? y - x + 1 : y - x  // there is no c.0
    }

    /// The inclusive span of plain positions a variant touches (insertion flanks count), or nil.
    func span<P>(_ variant: NucleotideVariant<P>) -> ClosedRange<Int>? {
        guard case .exact(let a) = variant.location.start, let x = plainNumber(a) else { return nil }
        var y = x
        if let end = variant.location.end {
            guard case .exact(let b) = end, let value = plainNumber(b) else { return nil }
            y = value
        }
        return x...max(x, y)
    }

    /// rule: no overlapping changes in one allele; adjacent substitutions (or two in one codon) are one delins.
    func checkNucleotideCis<P>(_ variants: [NucleotideVariant<P>], codons: Bool) throws(ParseError) {
        let spans = variants.map { v -> (ClosedRange<Int>?, Bool, Bool) in
            let isSubstitution: Bool
            if case .substitution = v.edit { isSubstitution = true } else { isSubstitution = false }
            let isIdentity: Bool
            if case .identity = v.edit { isIdentity = true } else { isIdentity = false }
            return (span(v), isSubstitution, isIdentity)
        }
        for i in spans.indices {
            guard let a = spans[i].0, !spans[i].2 else { continue }
            for j in spans.indices where j > i {
                guard let b = spans[j].0, !spans[j].2 else { continue }
                if a.overlaps(b) {
                    throw fail("overlapping changes in one allele are described as one deletion-insertion")
                }
                if spans[i].1, spans[j].1 {
                    let adjacent = a.upperBound + 1 == b.lowerBound || b.upperBound + 1 == a.lowerBound
                    let sameCodon = codons && (a.lowerBound - 1) / 3 == (b.lowerBound - 1) / 3
                    if adjacent || sameCodon {
                        throw fail(
                            "changes in adjacent nucleotides or in one codon are one deletion-insertion (delins)")
                    }
                }
            }
        }
    }

    // MARK: Protein rules

    func checkProtein(_ variant: ProteinVariant) throws(ParseError) {
        let start = variant.location.start.first
        switch variant.edit {
        case .substitution:
            if start.number == 1, start.residue == .met, !variant.location.isRange {
                throw fail(
                    "a change of the start codon is not a substitution; write p.(Met1?), p.0 or p.0?", near: "Met1")
            }
        case .frameshift(let newResidue, _, _):
            if let newResidue, newResidue == start.residue {
                throw fail(
                    "a frameshift names the first changed residue (the new residue differs from the old)", near: "fs")
            }
        case .deletionInsertion(.residues(let residues)):
            let end = (variant.location.end ?? variant.location.start).last
            if let first = residues.first, first == start.residue {
                throw fail("a deletion-insertion does not start with the residue it replaces; shorten it")
            }
            if let last = residues.last, last == end.residue {
                throw fail("a deletion-insertion does not end with the residue it replaces (it is a deletion)")
            }
        default:
            break
        }
    }

    /// rule: a residue changes once per allele; consecutive substitutions are one delins.
    func checkProteinCis(_ variants: [ProteinVariant]) throws(ParseError) {
        for i in variants.indices {
            for j in variants.indices where j > i {
                let a = variants[i].location, b = variants[j].location
                guard let a0 = a.start.first.number, let a1 = (a.end ?? a.start).last.number,
                    let b0 = b.start.first.number, let b1 = (b.end ?? b.start).last.number
                else { continue }
                if (a0...a1).overlaps(b0...b1) {
                    throw fail("a residue is changed once per allele; overlapping changes are one description")
                }
                if case .substitution = variants[i].edit, case .substitution = variants[j].edit,
                    a1 + 1 == b0 || b1 + 1 == a0
                {
                    throw fail("consecutive residue changes are one deletion-insertion (delins)")
                }
            }
        }
    }
}
