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
        var accession = transcript.text
        return accession.withUTF8 { Self.fastText($0, change, referenceCodon: referenceCodon) }
    }

    /// The c. text of codon change `change` on the transcript named `name`: a substitution for one changed base,
    /// else a deletion-insertion of the codon's bases from the first to the last changed one (an unchanged middle
    /// base included), as ``description`` has it.
    static func fastText(_ name: UnsafeBufferPointer<UInt8>, _ change: CodonChange, referenceCodon: Int) -> String {
        fastString(name.count + 32) { b in write(&b, name, change, referenceCodon: referenceCodon) }
    }

    /// ``fastText(_:_:referenceCodon:)`` into a writer with room for `name.count + 32` bytes.
    @inline(__always)
    static func write(
        _ b: inout FastTextBuilder, _ name: UnsafeBufferPointer<UInt8>, _ change: CodonChange, referenceCodon: Int
    ) {
        b.add(name)
        b.add(":c.")
        b.add(number: change.first)
        if change.first == change.last {
            let shift = 2 * (2 - (change.first - change.codonStart))
            b.add(byte: ProteinCodonTable.base(referenceCodon >> shift))
            b.add(">")
            b.add(byte: ProteinCodonTable.base(change.codon >> shift))
        } else {
            b.add("_")
            b.add(number: change.last)
            b.add("delins")
            var position = change.first
            while position <= change.last {
                b.add(byte: ProteinCodonTable.base(change.codon >> (2 * (2 - (position - change.codonStart)))))
                position += 1
            }
        }
    }
}

extension ProteinMapper {
    /// ``codingCandidates(ofProtein:)`` without per-candidate syntax trees, or nil when the general path must
    /// answer (text that does not parse, anything but `ACC:p.` + one substitution or `=`, errors).
    ///
    /// `NP_003147.2:p.Pro165Gln` -> `["NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG"]`.
    func fastCodingCandidates(_ text: String) -> [String]? {
        guard let parsed = try? HGVSParser.parse(text) else { return nil }
        // `switch` reads the parts in place, where `guard case` bindings copied them out of the parsed value.
        switch parsed.expression {
        case .description(let description):
            switch description.body {
            case .protein(.variant(let variant)):
                switch description.reference {
                case .some(let reference) where reference.selector == nil:
                    return fastCodingCandidates(reference, variant)
                default: return nil
                }
            default: return nil
            }
        default: return nil
        }
    }

    /// ``fastCodingCandidates(_:)`` of a parsed `ACC:p.` substitution or `=`.
    func fastCodingCandidates(_ reference: ReferenceSpecifier, _ variant: ProteinVariant) -> [String]? {
        guard let transcript = try? preparedTranscript(named: reference) else { return nil }
        // `backTranslate(variant)` without its `BackTranslation`: the codon changes, straight to text.
        guard case .exact(let position) = variant.location.start, variant.location.end == nil,
            let number = position.number
        else { return nil }
        let alternative: AminoAcid
        switch variant.edit {
        case .substitution(let residue): alternative = residue
        case .identity: alternative = position.residue
        default: return nil
        }
        guard let changes = try? transcript.codonChanges(residue: number, from: position.residue, to: alternative)
        else { return nil }
        return transcript.transcriptNameUTF8.withUnsafeBufferPointer { name in
            var out: [String] = []
            out.reserveCapacity(changes.count)
            for change in changes {
                out.append(CodingCandidate.fastText(name, change, referenceCodon: changes.referenceCodon))
            }
            return out
        }
    }

    /// The p. text of a parsed c. description: ``preparedTranscript(named:)`` then
    /// ``ProteinTranscript/consequenceText(of:noncoding:)``, no syntax tree built for the answer.
    ///
    /// `NM_003156.3:c.494C>A` (parsed) -> `NP_003147.2:p.(Pro165Gln)`.
    public func consequenceText(ofCoding expression: VariantExpression) throws(ProteinMappingError) -> String {
        switch expression {
        case .description(let description):
            switch description.reference {
            case .some(let reference):
                return try preparedTranscript(named: reference).consequenceText(of: description)
            case nil: throw .unsupported("a description without a reference")
            }
        default: throw .unsupported("an expression that is not one description")
        }
    }
}

extension ProteinMapper {
    /// The prepared transcript a reference names (``transcript(for:)`` then ``prepared(_:)``), found by the
    /// reference's text after the first time. `NP_003147.2` -> the prepared NM_003156.3.
    public func preparedTranscript(named reference: ReferenceSpecifier) throws(ProteinMappingError) -> ProteinTranscript
    {
        switch reference.selector {
        case nil:
            return try requestCache.transcript(reference.accession) { () throws(ProteinMappingError) in
                try prepared(try self.transcript(for: reference))
            }
        case .some:
            return try selectorRequestCache.transcript(reference) { () throws(ProteinMappingError) in
                try prepared(try self.transcript(for: reference))
            }
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
                b.addSimpleProteinEdit(v.edit)
                if v.predicted { b.add(")") }
            }
        }
    }
}

extension ProteinTranscript {
    /// ``consequence(of:noncoding:)`` as ``ProteinConsequence/fastHGVS()`` writes it, straight from the computed
    /// change for the forms written without the printer (no syntax tree dressed and read back):
    /// `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`, `c.687del` -> `p.(Asn230MetfsTer5)`.
    public func consequenceText(
        of description: VariantDescription, noncoding: NoncodingConsequence = .unchanged
    ) throws(ProteinMappingError) -> String {
        switch description.body {
        case .transcript(.coding, .variant(let variant)):
            let change = try change(of: variant, noncoding: noncoding)
            return fastText(change) ?? make(change).fastHGVS()
        default:
            return try consequence(of: description, noncoding: noncoding).fastHGVS()
        }
    }

    /// `make(change).fastHGVS()` for the forms it writes directly (`make` gives one predicted variant on the
    /// protein accession, without a selector or mosaicism), or nil for the others.
    func fastText(_ change: ProteinChange) -> String? {
        guard let inserted = Self.fastTextResidues(change, insertions: false) else { return nil }
        return proteinNameUTF8.withUnsafeBufferPointer { name in
            fastString(name.count + 64) { writeText(&$0, name, change, inserted) }
        }
    }

    /// The inserted residues ``writeText(_:_:_:_:)`` writes for `change` (empty for the edits without any), or
    /// nil when the fast writers do not take the change: `.absent`, frameshifts with alternatives, N-terminal
    /// extensions, and (unless `insertions`) inserted residues and C-terminal extensions.
    static func fastTextResidues(_ change: ProteinChange, insertions: Bool) -> [AminoAcid]? {
        if let whole = change.whole { return whole == .absent ? nil : [] }
        switch change.edit {
        case .substitution, .identity, .deletion, .duplication: return []
        case .frameshift(_, let alternatives, _) where alternatives.isEmpty: return []
        case .insertion(.residues(let residues)), .deletionInsertion(.residues(let residues)):
            return insertions ? residues : nil
        case .extension(.cTerminal): return insertions ? [] : nil
        default: return nil
        }
    }

    /// Writes `change` on the protein named `name` (a change ``fastTextResidues(_:insertions:)`` accepts, with
    /// its `inserted` residues): `NP_003147.2:p.(Pro165Gln)`, `p.(=)`, `p.?`, `p.(Lys2_Gly3insGlnSerLys)`,
    /// `p.(Ter110GlnextTer17)`.
    func writeText(
        _ b: inout FastTextBuilder, _ name: UnsafeBufferPointer<UInt8>, _ change: ProteinChange,
        _ inserted: [AminoAcid]
    ) {
        b.add(name)
        switch change.whole {
        case .unchanged?:
            b.add(":p.(=)")
            return
        case .unknown?:
            b.add(":p.?")
            return
        case .absent?: return  // not taken (``fastTextResidues(_:insertions:)``)
        case nil: break
        }
        b.add(":p.(")
        b.add(protein[change.first].threeLetterStaticCode)
        b.add(number: change.first + 1)
        if change.first != change.last {
            b.add("_")
            b.add(protein[change.last].threeLetterStaticCode)
            b.add(number: change.last + 1)
        }
        switch change.edit {
        case .insertion, .deletionInsertion:
            if case .insertion = change.edit { b.add("ins") } else { b.add("delins") }
            for residue in inserted { b.add(residue.threeLetterStaticCode) }
        case .extension(.cTerminal(let newResidue, let stop)):
            if let newResidue { b.add(newResidue.threeLetterStaticCode) }
            b.add("ext")
            switch stop {
            case .position(let n)?:
                b.add("Ter")
                b.add(number: n)
            case .unknown?: b.add("Ter?")
            case nil: break
            }
        default: b.addSimpleProteinEdit(change.edit)
        }
        b.add(")")
    }
}

extension FastTextBuilder {
    /// Writes the edits the fast p. writers take (`Gln`, `=`, `del`, `dup`, `ArgfsTer23`, `fs`); other edits are
    /// declined before writing starts, so nothing is written for them. `p.(Arg97ProfsTer23)` -> `ProfsTer23`.
    @inline(__always)
    mutating func addSimpleProteinEdit(_ edit: ProteinEdit) {
        switch edit {
        case .substitution(let residue): add(residue.threeLetterStaticCode)
        case .identity: add("=")
        case .deletion: add("del")
        case .duplication: add("dup")
        case .frameshift(let newResidue, _, let stop):
            if let newResidue { add(newResidue.threeLetterStaticCode) }
            add("fs")
            switch stop {
            case .position(let n)?:
                add("Ter")
                add(number: n)
            case .unknown?: add("Ter?")
            case nil: break
            }
        default: break
        }
    }
}
