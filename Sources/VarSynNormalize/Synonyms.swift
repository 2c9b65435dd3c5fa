import VarSynCore

/// One name of a variant.
///
/// `NM_003156.3:c.494C>A` (kind `.coding`, note `LRG_164t1`), `rs…` (`.rsid`), `11-4076864-C-A` (`.vcfGRCh37`).
public struct Synonym: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case genomicGRCh38 = "g. GRCh38"
        case genomicGRCh37 = "g. GRCh37"
        case coding = "c."
        case noncoding = "n."
        case rna = "r."
        case lrg = "LRG"
        case protein = "p."
        case legacy = "legacy"
        case rsid = "rsID"
        case spdi = "SPDI"
        case vcfGRCh38 = "VCF GRCh38"
        case vcfGRCh37 = "VCF GRCh37"
    }

    public var kind: Kind
    public var text: String
    /// `MANE Select`, `LRG_164t1`, or empty.
    public var note: String

    public init(kind: Kind, text: String, note: String = "") {
        self.kind = kind
        self.text = text
        self.note = note
    }
}

/// Every name of one variant, with its normalized forms.
public struct VariantSynonyms: Hashable, Sendable {
    public var normalized: NormalizedVariant
    public var synonyms: [Synonym]
}

extension Normalizer {
    /// All the names of a variant: g. on GRCh38 and GRCh37, c./n. on every transcript of the reference data
    /// covering it (MANE Select and LRG marked, LRG names given), r., legacy forms (`494C>A`, `C494A`), rsIDs,
    /// SPDI and VCF keys, and p. when the protein module is wired in.
    ///
    /// ```swift
    /// try normalizer.synonyms("NM_003156.3:c.494C>A").synonyms.map(\.text)
    /// // ["NC_000011.10:g.4055634C>A", "NC_000011.9:g.4076864C>A", "NM_003156.3:c.494C>A", "LRG_164t1:c.494C>A", …]
    /// ```
    public func synonyms(_ text: String) throws(NormalizeError) -> VariantSynonyms {
        let v = try normalize(text)
        var out: [Synonym] = []
        func add(_ kind: Synonym.Kind, _ text: String?, _ note: String = "") {
            guard let text, !out.contains(where: { $0.text == text }) else { return }
            out.append(Synonym(kind: kind, text: text, note: note))
        }
        add(.genomicGRCh38, v.hgvsG)
        add(.genomicGRCh37, v.hgvsGGRCh37)
        for text in [v.hgvsC].compactMap({ $0 }) + v.candidates {
            let accession = String(text.prefix { $0 != ":" })
            let body = text.dropFirst(accession.count)
            guard let t = provider.transcript(accession: accession)?.transcript else {
                add(text.contains(":n.") ? .noncoding : .coding, text)
                continue
            }
            var notes: [String] = []
            if t.isMANESelect { notes.append("MANE Select") }
            if let lrg = t.lrgAccession { notes.append(lrg) }
            add(text.contains(":n.") ? .noncoding : .coding, text, notes.joined(separator: ", "))
            if let lrg = t.lrgAccession { add(.lrg, lrg + body, accession) }
        }
        add(.rna, v.hgvsR)
        // The predicted r. (`r.(494c>a)`) also as written without the prediction parentheses (`r.494c>a`).
        if let r = v.hgvsR, let colon = r.firstRange(of: ":r.("), r.hasSuffix(")") {
            add(
                .rna,
                String(r[..<r.index(before: colon.upperBound)]) + r[colon.upperBound..<r.index(before: r.endIndex)])
        }
        if let p = v.hgvsP {
            for form in proteinForms(p) { add(.protein, form) }
        }
        for legacy in legacyForms(v.hgvsC) + proteinLegacyForms(v.hgvsP) { add(.legacy, legacy) }
        for rs in v.rsids { add(.rsid, rs) }
        add(.spdi, v.spdi)
        add(.vcfGRCh38, v.vcfGRCh38)
        add(.vcfGRCh37, v.vcfGRCh37)
        return VariantSynonyms(normalized: v, synonyms: out)
    }

    /// The p. description in three- and one-letter codes, with and without the prediction parentheses:
    /// `NP_003147.2:p.(Pro165Gln)`, `NP_003147.2:p.Pro165Gln`, `NP_003147.2:p.(P165Q)`, `NP_003147.2:p.P165Q`.
    func proteinForms(_ hgvsP: String) -> [String] {
        guard let parsed = try? HGVSParser.parse(hgvsP, options: .strict),
            var description = parsed.expression.singleDescription
        else { return [hgvsP] }
        var forms = [description.hgvs(), description.hgvs(.oneLetter)]
        if case .protein(.variant(var variant)) = description.body, variant.predicted {
            variant.predicted = false
            description.body = .protein(.variant(variant))
            forms += [description.hgvs(), description.hgvs(.oneLetter)]
        }
        return forms
    }

    /// The protein change without reference and prefix, as papers write it: `Pro165Gln`, `P165Q`.
    func proteinLegacyForms(_ hgvsP: String?) -> [String] {
        guard let hgvsP, let parsed = try? HGVSParser.parse(hgvsP, options: .strict),
            case .description(var description) = parsed.expression,
            case .protein(.variant(var variant)) = description.body, case .substitution = variant.edit
        else { return [] }
        variant.predicted = false
        description.reference = nil
        description.body = .protein(.variant(variant))
        return [description.hgvs(), description.hgvs(.oneLetter)].map { String($0.dropFirst(2)) }  // drop "p."
    }

    /// Legacy spellings of a c. description: `494C>A`, `C494A` for substitutions; `35delT`, `35dupT` for
    /// deletions and duplications (bases spelled out, no `c.`).
    func legacyForms(_ hgvsC: String?) -> [String] {
        guard let hgvsC, let colon = hgvsC.firstIndex(of: ":"), hgvsC[colon...].hasPrefix(":c.") else { return [] }
        let body = String(hgvsC[hgvsC.index(colon, offsetBy: 3)...])
        guard let parsed = try? HGVSParser.parse(hgvsC), let d = parsed.expression.singleDescription,
            case .transcript(_, .variant(let variant)) = d.body
        else { return [] }
        switch variant.edit {
        case .substitution(let r, let a):
            let position = String(body.prefix { $0 != "A" && $0 != "C" && $0 != "G" && $0 != "T" })
            let ref = String(decoding: [r], as: UTF8.self)
            let alt = String(decoding: [a], as: UTF8.self)
            return [body, "\(ref)\(position)\(alt)"]
        case .deletion, .duplication:
            // Spell out the bases (legacy `35delT`) when the range is exonic.
            guard let reference = d.reference,
                let t = provider.transcript(accession: reference.accession.text)?.transcript,
                case .exact(let a) = variant.location.start
            else { return [] }
            let mapper = TranscriptMapper(transcript: t)
            var last = a
            if case .exact(let b)? = variant.location.end { last = b }
            guard let p1 = try? mapper.point(of: a, system: .coding),
                let p2 = try? mapper.point(of: last, system: .coding),
                p1.offset == 0, p2.offset == 0, p2.index - p1.index < 20,
                let bases = SequenceAlgebra(base: { t.base(at: $0) }).bases(p1.index, p2.index + 1)
            else { return [] }
            return [body + String(decoding: bases, as: UTF8.self)]
        default:
            return []
        }
    }
}
