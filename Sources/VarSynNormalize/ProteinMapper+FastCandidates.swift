import VarSynCore
import VarSynReference

// The fast p. -> c. answer of the protein seam: the back-translation's candidates written straight to text
// (`NM_003156.3:c.494C>A`, `NM_003156.3:c.494_495delinsAG`) instead of building a syntax tree per candidate and
// printing it, with the prepared transcript found by the requested accession text. It declines (nil, and the
// general path answers, with its errors) for anything but a plain `ACC:p.` description; `FastPathDifferentialTests`
// checks it writes exactly what `CodingCandidate.hgvs()` writes.

extension CodingCandidate {
    /// ``hgvs()`` written directly into one string: `NM_003156.3:c.494C>A`, `NM_003156.3:c.494_495delinsAG`.
    func fastHGVS() -> String {
        let accession = transcript.text
        return accession.utf8.withContiguousStorageIfAvailable { name in
            fastString(name.count + 32) { b in
                b.add(name)
                b.add(":c.")
                b.add(number: change.first)
                if change.first == change.last {
                    let shift = 2 * (2 - (change.first - change.codonStart))
                    b.add(byte: ProteinCodonTable.bases[(referenceCodon >> shift) & 3])
                    b.add(">")
                    b.add(byte: ProteinCodonTable.bases[(change.codon >> shift) & 3])
                } else {
                    b.add("_")
                    b.add(number: change.last)
                    b.add("delins")
                    let inserted =
                        change.last - change.first == 2
                        ? ProteinCodonTable.codonTexts[change.codon]
                        : ProteinCodonTable.pairTexts[
                            change.first == change.codonStart ? change.codon >> 2 : change.codon & 15]
                    var text = inserted
                    text.withUTF8 { b.add($0) }
                }
            }
        } ?? hgvs()
    }
}

extension ProteinMapper {
    /// ``codingCandidates(ofProtein:)`` without per-candidate syntax trees, or nil when the general path must
    /// answer (text that does not parse, anything but `ACC:p.` + one substitution or `=`, errors).
    ///
    /// `NP_003147.2:p.Pro165Gln` -> `["NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG"]`.
    func fastCodingCandidates(_ text: String) -> [String]? {
        guard let parsed = try? HGVSParser.parse(text), case .description(let description) = parsed.expression,
            case .protein(.variant(let variant)) = description.body, let reference = description.reference,
            reference.selector == nil
        else { return nil }
        guard let transcript = try? preparedTranscript(named: reference) else { return nil }
        guard let translation = try? transcript.backTranslate(variant) else { return nil }
        var out: [String] = []
        out.reserveCapacity(translation.candidates.count)
        for candidate in translation.candidates { out.append(candidate.fastHGVS()) }
        return out
    }
}

extension ProteinMapper {
    /// The prepared transcript a reference names (``transcript(for:)`` then ``prepared(_:)``), found by the
    /// reference's text after the first time. `NP_003147.2` -> the prepared NM_003156.3.
    public func preparedTranscript(named reference: ReferenceSpecifier) throws(ProteinMappingError) -> ProteinTranscript
    {
        var key = reference.accession.text
        if let selector = reference.selector { key += "(" + selector.text + ")" }
        return try requestCache.transcript(key) { () throws(ProteinMappingError) in
            try prepared(try self.transcript(for: reference))
        }
    }
}

extension ProteinConsequence {
    /// ``hgvs(_:)`` (three-letter style) written directly, in one allocation, for the forms c. -> p. gives most:
    /// one residue or a range, substituted (`NP_003147.2:p.(Pro165Gln)`, `p.(Arg130Ter)`), unchanged
    /// (`p.(Pro165=)`), deleted, duplicated or shifted out of frame (`p.(Asn323LysfsTer2)`, `p.(Gly12ValfsTer?)`),
    /// and the whole protein unchanged or unknown (`p.(=)`, `p.?`); any other form goes through the printer.
    public func fastHGVS() -> String {
        // The whole protein: `p.(=)` (unchanged, predicted) and `p.?`.
        if let reference = description.reference, reference.selector == nil, case .protein(let tree) = description.body
        {
            var whole: StaticString?
            if case .predicted(.unchanged) = tree { whole = ":p.(=)" }
            if case .unknown = tree { whole = ":p.?" }
            if let whole {
                var accession = reference.accession.text
                return accession.withUTF8 { name in
                    fastString(name.count + 8) { b in
                        b.add(name)
                        b.add(whole)
                    }
                }
            }
        }
        guard case .protein(.variant(let v)) = description.body, let reference = description.reference,
            reference.selector == nil, v.mosaicism == nil,
            case .exact(let first) = v.location.start, let firstNumber = first.number
        else { return hgvs() }
        var last: ProteinPosition?
        if let end = v.location.end {
            guard case .exact(let p) = end, p.number != nil else { return hgvs() }
            last = p
        }
        switch v.edit {
        case .substitution, .identity, .deletion, .duplication: break
        case .frameshift(_, let alternatives, _) where alternatives.isEmpty: break
        default: return hgvs()
        }
        var accession = reference.accession.text
        return accession.withUTF8 { name in
            fastString(name.count + 64) { b in
                b.add(name)
                b.add(v.predicted ? ":p.(" : ":p.")
                b.add(first.residue.threeLetterStaticCode)
                b.add(number: firstNumber)
                if let last, let number = last.number {
                    b.add("_")
                    b.add(last.residue.threeLetterStaticCode)
                    b.add(number: number)
                }
                switch v.edit {
                case .substitution(let residue): b.add(residue.threeLetterStaticCode)
                case .identity: b.add("=")
                case .deletion: b.add("del")
                case .duplication: b.add("dup")
                case .frameshift(let newResidue, _, let stop):
                    if let newResidue { b.add(newResidue.threeLetterStaticCode) }
                    b.add("fs")
                    switch stop {
                    case .position(let n)?:
                        b.add("Ter")
                        b.add(number: n)
                    case .unknown?: b.add("Ter?")
                    case nil: break
                    }
                default: break
                }
                if v.predicted { b.add(")") }
            }
        }
    }
}
