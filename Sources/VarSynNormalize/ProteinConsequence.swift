import VarSynCore

/// The class of protein change a coding variant predicts.
public enum ProteinConsequenceKind: String, Hashable, Sendable, CaseIterable {
    /// `p.(Pro165Gln)`
    case missense
    /// `p.(Arg97Ter)`, also when the DNA event is an indel.
    case nonsense
    /// `p.(Pro165=)`
    case synonymous
    /// `p.(Arg97ProfsTer23)`, `p.(Arg97ProfsTer?)`
    case frameshift
    /// `p.(Ter110GlnextTer17)`, `p.(Ter110GlnextTer?)`
    case stopLoss
    /// `p.(Met1?)`: the initiation codon is changed.
    case startLoss
    /// `p.(Lys23_Val25del)`
    case inFrameDeletion
    /// `p.(Lys23_Val25dup)`
    case inFrameDuplication
    /// `p.(Lys2_Gly3insGlnSerLys)`
    case inFrameInsertion
    /// `p.(Cys28delinsTrpVal)`
    case inFrameDeletionInsertion
    /// `p.?`: a change at intron positions ±1 or ±2, or across an exon-intron boundary.
    case spliceSite
    /// UTR or intronic (beyond ±2): `p.(=)` by default, `p.?` with `NoncodingConsequence.unknown`.
    case noncoding
    /// `p.0?`: the whole CDS is deleted.
    case noProtein
    /// `p.?` for other reasons: the whole CDS duplicated or inverted, or a reference CDS that does not translate
    /// cleanly (no final stop, a stop inside, a partial codon).
    case unknown
}

/// What to report for a change in a UTR or deeper than ±2 in an intron.
public enum NoncodingConsequence: Hashable, Sendable {
    /// `p.(=)`: the protein is predicted unchanged (the HGVS reading; the default).
    case unchanged
    /// `p.?`: what biocommons/hgvs `c_to_p` returns for every non-CDS variant.
    case unknown
}

/// The predicted protein consequence of a coding variant: its class and the `p.` description on the protein
/// accession, printable with `description.hgvs()`: `NP_003147.2:p.(Pro165Gln)`.
public struct ProteinConsequence: Hashable, Sendable {
    public var kind: ProteinConsequenceKind
    public var description: VariantDescription

    /// `NP_003147.2:p.(Pro165Gln)`.
    public func hgvs(_ style: PrintStyle = .threeLetter) -> String { description.hgvs(style) }

    /// The single protein variant, when the description is one (`p.(Pro165Gln)`; not `p.?`, `p.(=)`, `p.0?`).
    public var variant: ProteinVariant? {
        guard case .protein(.variant(let variant)) = description.body else { return nil }
        return variant
    }
}

extension ProteinTranscript {
    /// Predicts the protein consequence of a `c.` description on this transcript.
    ///
    /// `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`. The description's reference is not checked against
    /// this transcript's name (the caller picked the transcript); the body must be one `c.` variant.
    public func consequence(
        of description: VariantDescription, noncoding: NoncodingConsequence = .unchanged
    ) throws(ProteinMappingError) -> ProteinConsequence {
        guard case .transcript(.coding, let tree) = description.body else {
            throw .unsupported("a description that is not on c.")
        }
        switch tree {
        case .variant(let variant): return try consequence(of: variant, noncoding: noncoding)
        case .unchanged: return make(whole(.noncoding, .unchanged))
        default: throw .unsupported("an allele or other multi-variant c. description")
        }
    }

    /// Predicts the protein consequence of one `c.` variant on this transcript.
    ///
    /// Translates the reference and the variant coding sequence over the affected codons (and downstream to the
    /// new stop for frameshifts and stop losses), compares the proteins and names the change per HGVS:
    /// `c.494C>A` -> `p.(Pro165Gln)`; `c.388C>T` -> `p.(Arg130Ter)`; `c.968dup` -> `p.(Asn323LysfsTer2)`;
    /// `c.209+1G>A` -> `p.?`; `c.-111C>T` -> `p.(=)`. Stated reference bases (`C` in `494C>A`, `delCTT`, `del3`)
    /// are checked: a mismatch throws `.referenceMismatch`, never a silent repair.
    public func consequence(
        of variant: NucleotideVariant<TranscriptPosition>, noncoding: NoncodingConsequence = .unchanged
    ) throws(ProteinMappingError) -> ProteinConsequence {
        make(try change(of: variant, noncoding: noncoding))
    }

    /// The consequence as a compact `ProteinChange` (the hot path; `make` dresses it as a syntax tree).
    func change(
        of variant: NucleotideVariant<TranscriptPosition>, noncoding: NoncodingConsequence
    )
        throws(ProteinMappingError) -> ProteinChange
    {
        guard case .exact(let startPosition) = variant.location.start else {
            throw .unsupported("an uncertain position")
        }
        var endPosition = startPosition
        if let end = variant.location.end {
            guard case .exact(let position) = end else { throw .unsupported("an uncertain position") }
            endPosition = position
        }
        let start = try sequenceIndex(of: startPosition)
        let end = try sequenceIndex(of: endPosition)
        guard start.index <= end.index else { throw .unsupported("a range whose start follows its end") }

        // An insertion between an exon's edge and the intron base next to it (`c.39_39+1insC`, `c.9-1_9insG`)
        // keeps the splice site intact and lands in the mature transcript: read it as an exonic insertion.
        var s = start.index
        var e = end.index
        if case .insertion = variant.edit, start.index == end.index {
            if start.offset == 0, end.offset == 1 {
                e = s + 1
            } else if start.offset == -1, end.offset == 0 {
                s = e - 1
            } else if start.offset != 0 || end.offset != 0 {
                return intronicConsequence(start: start, end: end, noncoding: noncoding)
            }
        } else if start.offset != 0 || end.offset != 0 {
            // Intronic ends: the consequence is decided by the splice-site distance alone.
            return intronicConsequence(start: start, end: end, noncoding: noncoding)
        }

        // Exonic: what is replaced (`a..<b`) by what.
        var isInsertion = false
        var isDuplication = false
        let replaced: Range<Int>
        var source: InsertedBases
        switch variant.edit {
        case .substitution(let reference, let alternative):
            guard s == e else { throw .unsupported("a substitution over a range") }
            let found = bases[s]
            if Self.upper(reference) != found {
                throw .referenceMismatch(
                    ReferenceMismatch(
                        reference: transcriptName, location: "c.\(Self.text(startPosition))",
                        expected: String(decoding: [Self.upper(reference)], as: UTF8.self),
                        found: String(decoding: [found], as: UTF8.self)))
            }
            replaced = s..<(s + 1)
            source = .single(Self.upper(alternative))
        case .deletion(let stated):
            try check(stated, s...e, startPosition, endPosition)
            replaced = s..<(e + 1)
            source = .none
        case .duplication(let stated):
            try check(stated, s...e, startPosition, endPosition)
            replaced = (e + 1)..<(e + 1)
            source = .copy(s..<(e + 1))
            isDuplication = true
        case .inversion(let stated):
            try check(stated, s...e, startPosition, endPosition)
            replaced = s..<(e + 1)
            source = .reverseComplement(s..<(e + 1))
        case .insertion(let insertion):
            guard e == s + 1 else {
                throw .unsupported("an insertion whose flanking positions are not adjacent")
            }
            isInsertion = true
            replaced = e..<e
            source = .literal(try Self.literalBases(insertion))
        case .deletionInsertion(let deleted, let inserted):
            try check(deleted, s...e, startPosition, endPosition)
            replaced = s..<(e + 1)
            source = .literal(try Self.literalBases(inserted))
        case .conversion(let inserted):
            replaced = s..<(e + 1)
            source = .literal(try Self.literalBases(inserted))
        case .identity(let stated):
            if let stated { try check(.sequence(stated), s...e, startPosition, endPosition) }
            return whole(.noncoding, .unchanged)
        default:
            throw .unsupported("this kind of c. edit (repeat, copy number, methylation)")
        }

        // Where the change lies: UTRs, the whole CDS, the initiation codon.
        if isInsertion ? replaced.lowerBound < cdsStart : e < cdsStart {
            return noncodingResult(noncoding)
        }
        if isInsertion ? replaced.lowerBound >= cdsEnd : s >= cdsEnd {
            return noncodingResult(noncoding)
        }
        if !isInsertion, s < cdsStart, e >= cdsEnd {
            if case .deletion = variant.edit { return whole(.noProtein, .absent) }
            return whole(.unknown, .unknown)
        }
        // The initiation codon is touched when an edit overlaps c.1..c.3, or new bases land before c.1..c.3 (an
        // insertion at -1/1 .. 2/3, a duplication whose copy goes there; `c.1_3dup` leaves ATG in place).
        let touchesStart =
            isInsertion || isDuplication
            ? replaced.lowerBound >= cdsStart && replaced.lowerBound <= cdsStart + 2
            : s <= cdsStart + 2 && e >= cdsStart
        if touchesStart { return single(.startLoss, 0, .unknown) }
        guard hasCleanTranslation else { return whole(.unknown, .unknown) }
        // A duplication reaching into the 3' UTR puts its copy after the stop codon: the protein is unchanged.
        if replaced.lowerBound >= cdsEnd { return noncodingResult(noncoding) }

        // A substitution inside the CDS: one codon, no window (the common case; stop codons take the general path).
        if case .single(let alternative) = source {
            let codon = (s - cdsStart) / 3
            let first = cdsStart + 3 * codon
            var codonBases = (bases[first], bases[first + 1], bases[first + 2])
            switch s - first {
            case 0: codonBases.0 = alternative
            case 1: codonBases.1 = alternative
            default: codonBases.2 = alternative
            }
            let reference = protein[codon]
            if reference != .ter {
                let residue = ProteinCodonTable.translate(codonBases.0, codonBases.1, codonBases.2)
                if residue == reference { return single(.synonymous, codon, .identity) }
                if residue == .ter { return single(.nonsense, codon, .substitution(.ter)) }
                return single(.missense, codon, .substitution(residue))
            }
        }
        let count = source.count
        return bases.withUnsafeBufferPointer { reference in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(count, 1)) { buffer in
                source.fill(buffer, from: reference)
                let altered = AlteredSequence(
                    reference: reference, replaced: replaced, inserted: UnsafeBufferPointer(rebasing: buffer[0..<count])
                )
                return compare(altered)
            }
        }
    }

    // MARK: Positions

    /// The 0-based transcript index of a `c.` position's anchor base and its intronic offset (nil when `?`).
    /// `p.(=)` for a c. variant wholly outside the transcript (`c.*3668C>A` past its 3' end, `c.-19364del` before
    /// its 5' end: positions that exist on the genome the transcript is placed on, not transcribed); nil otherwise.
    public func consequenceOutsideTranscript(of description: VariantDescription) -> ProteinConsequence? {
        guard case .transcript(.coding, let tree) = description.body, case .variant(let variant) = tree,
            case .exact(let startPosition) = variant.location.start
        else { return nil }
        var endPosition = startPosition
        if let end = variant.location.end {
            guard case .exact(let position) = end else { return nil }
            endPosition = position
        }
        guard let first = unboundedIndex(of: startPosition), let last = unboundedIndex(of: endPosition),
            (first < 0 && last < 0) || (first >= bases.count && last >= bases.count)
        else { return nil }
        return make(whole(.noncoding, .unchanged))
    }

    /// The transcript index of a c. position, extrapolated past the transcript's ends; nil for `?` and legacy forms.
    func unboundedIndex(of position: TranscriptPosition) -> Int? {
        guard let base = position.base else { return nil }
        switch position.anchor {
        case .start: return base > 0 ? cdsStart + base - 1 : cdsStart + base
        case .cdsEnd: return cdsEnd - 1 + base
        case .intron, .exon: return nil
        }
    }

    func sequenceIndex(of position: TranscriptPosition) throws(ProteinMappingError) -> (index: Int, offset: Int?) {
        guard let base = position.base else { throw .unsupported("an unknown position `?`") }
        let index: Int
        switch position.anchor {
        case .start: index = base > 0 ? cdsStart + base - 1 : cdsStart + base
        case .cdsEnd: index = cdsEnd - 1 + base
        case .intron, .exon: throw .unsupported("legacy intron or exon numbering")
        }
        guard index >= 0, index < bases.count else {
            throw .positionOutOfRange(reference: transcriptName, position: "c.\(Self.text(position))")
        }
        return (index, position.offset.signedValue)
    }

    /// `p.?` at the splice sites (±1, ±2) or across an exon-intron boundary; the noncoding answer deeper in.
    func intronicConsequence(
        start: (index: Int, offset: Int?), end: (index: Int, offset: Int?), noncoding: NoncodingConsequence
    ) -> ProteinChange {
        guard let startOffset = start.offset, let endOffset = end.offset, startOffset != 0, endOffset != 0 else {
            return whole(.spliceSite, .unknown)
        }
        let sameIntron =
            (start.index == end.index && (startOffset > 0) == (endOffset > 0))
            || (startOffset > 0 && endOffset < 0 && end.index == start.index + 1)
        guard sameIntron, min(abs(startOffset), abs(endOffset)) > 2 else { return whole(.spliceSite, .unknown) }
        return noncodingResult(noncoding)
    }

    // MARK: Comparing proteins

    /// Compares the reference protein with the translation of `altered` from the first affected codon.
    func compare(_ altered: AlteredSequence) -> ProteinChange {
        let firstCodon = (altered.replaced.lowerBound - cdsStart) / 3
        let delta = altered.inserted.count - altered.replaced.count
        guard firstCodon >= 0, firstCodon < protein.count else { return whole(.unknown, .unknown) }
        return protein.withUnsafeBufferPointer { reference in
            if delta % 3 != 0 {
                return frameshift(altered, reference, from: firstCodon)
            }
            return inFrame(altered, reference, from: firstCodon, codonDelta: delta / 3)
        }
    }

    /// A frameshift: the first changed residue, then the distance to the new stop (`fsTer#`), or an extension when
    /// the first change is the stop itself.
    func frameshift(
        _ altered: AlteredSequence, _ reference: UnsafeBufferPointer<AminoAcid>, from firstCodon: Int
    )
        -> ProteinChange
    {
        let n = reference.count
        var j = firstCodon
        var changed = -1
        var newResidue = AminoAcid.xaa
        var stop: Int?
        // `altered.residue(codon:cdsStart:)` codon by codon, with the code tables read once (this loop runs to the
        // new stop, about 20 codons on random sequence): a codon cut short reads as `Xaa`, the end stops.
        let count = altered.count
        // Past the edit, altered base `i` is reference base `i + shift`.
        let tail = altered.replaced.lowerBound + altered.inserted.count
        let shift = altered.replaced.count - altered.inserted.count
        let bases = altered.reference
        let outcome: ProteinChange? = ProteinCodonTable.baseCodes.withUnsafeBufferPointer { codes in
            ProteinCodonTable.residues.withUnsafeBufferPointer { residues in
                while true {
                    let i = cdsStart + 3 * j
                    guard i < count else { break }
                    var residue = AminoAcid.xaa
                    if i + 3 <= count {
                        let a: UInt8
                        let b: UInt8
                        let c: UInt8
                        if i >= tail {
                            a = codes[Int(bases[i + shift])]
                            b = codes[Int(bases[i + shift + 1])]
                            c = codes[Int(bases[i + shift + 2])]
                        } else {
                            a = codes[Int(altered.base(i))]
                            b = codes[Int(altered.base(i + 1))]
                            c = codes[Int(altered.base(i + 2))]
                        }
                        if a | b | c < 4 { residue = residues[Int(a) << 4 | Int(b) << 2 | Int(c)] }
                    }
                    if changed < 0 {
                        if j < n, residue == reference[j] {
                            if residue == .ter { return synonymous(reference, at: firstCodon) }
                            j += 1
                            continue
                        }
                        changed = j
                        newResidue = residue
                    }
                    if residue == .ter {
                        stop = j
                        break
                    }
                    j += 1
                }
                return nil
            }
        }
        if let outcome { return outcome }
        guard changed >= 0, changed < n else { return whole(.unknown, .unknown) }
        return terminalChange(reference, at: changed, newResidue: newResidue, stop: stop)
    }

    /// The change at `changed` (first differing residue) when the protein runs on to `stop` (alt codon index).
    func terminalChange(
        _ reference: UnsafeBufferPointer<AminoAcid>, at changed: Int, newResidue: AminoAcid, stop: Int?
    ) -> ProteinChange {
        let n = reference.count
        if newResidue == .ter {
            return single(.nonsense, changed, .substitution(.ter))
        }
        if changed == n - 1 {
            let distance: StopDistance = stop.map { .position($0 - changed) } ?? .unknown
            return single(.stopLoss, changed, .extension(.cTerminal(newResidue: newResidue, stop: distance)))
        }
        let distance: StopDistance = stop.map { .position($0 - changed + 1) } ?? .unknown
        return single(.frameshift, changed, .frameshift(newResidue: newResidue, alternatives: [], stop: distance))
    }

    /// An in-frame change: translate the affected codons only, trim what is unchanged, apply the protein 3' rule.
    func inFrame(
        _ altered: AlteredSequence, _ reference: UnsafeBufferPointer<AminoAcid>, from firstCodon: Int,
        codonDelta: Int
    ) -> ProteinChange {
        let n = reference.count
        let refEnd = (altered.replaced.upperBound - cdsStart + 2) / 3
        let altEnd = refEnd + codonDelta
        let windowCount = max(altEnd - firstCodon, 0)
        return withUnsafeTemporaryAllocation(of: AminoAcid.self, capacity: max(windowCount, 1)) { window in
            var altCount = 0
            var altStop: Int?
            while altCount < windowCount,
                let residue = altered.residue(codon: firstCodon + altCount, cdsStart: cdsStart)
            {
                window[altCount] = residue
                altCount += 1
                if residue == .ter {
                    altStop = altCount - 1
                    break
                }
            }
            let refCount = min(refEnd, n) - firstCodon
            let stopInWindow = refEnd >= n
            var prefix = 0
            while prefix < refCount, prefix < altCount, reference[firstCodon + prefix] == window[prefix] { prefix += 1 }
            if prefix == refCount, prefix == altCount {
                return synonymous(reference, at: firstCodon)
            }
            let changed = firstCodon + prefix
            if prefix < altCount, window[prefix] == .ter, changed < n {
                return single(.nonsense, changed, .substitution(.ter))
            }
            if altStop == nil, stopInWindow {
                // The stop codon is gone: read on past the window to the new stop.
                guard changed < n else { return whole(.unknown, .unknown) }
                if changed < n - 1 {
                    // Residues before the stop change too: a deletion-insertion up to the old stop, whose inserted
                    // residues run to the new stop (or the end of the transcript), as biocommons writes it.
                    var tail: [AminoAcid] = []
                    var j = changed
                    while let residue = altered.residue(codon: j, cdsStart: cdsStart) {
                        tail.append(residue)
                        if residue == .ter { break }
                        j += 1
                    }
                    return span(.inFrameDeletionInsertion, changed, n - 1, .deletionInsertion(.residues(tail)))
                }
                var stop: Int?
                var j = changed
                let newResidue = altered.residue(codon: changed, cdsStart: cdsStart) ?? .xaa
                while let residue = altered.residue(codon: j, cdsStart: cdsStart) {
                    if residue == .ter {
                        stop = j
                        break
                    }
                    j += 1
                }
                return terminalChange(reference, at: changed, newResidue: newResidue, stop: stop)
            }
            var refTail = refCount
            var altTail = altCount
            if altStop == nil || stopInWindow {
                while refTail > prefix, altTail > prefix,
                    reference[firstCodon + refTail - 1] == window[altTail - 1]
                {
                    refTail -= 1
                    altTail -= 1
                }
            }
            let deleted = refTail - prefix
            let inserted = Array(window[prefix..<altTail])
            return inFrameChange(reference, at: changed, deleted: deleted, inserted: inserted)
        }
    }

    /// Names an in-frame change of `deleted` residues from `at` replaced by `inserted`, with the 3' rule for
    /// deletions, insertions and duplications.
    func inFrameChange(
        _ reference: UnsafeBufferPointer<AminoAcid>, at start: Int, deleted: Int, inserted: [AminoAcid]
    ) -> ProteinChange {
        let n = reference.count
        if deleted == 1, inserted.count == 1 {
            return single(.missense, start, .substitution(inserted[0]))
        }
        if inserted.isEmpty {
            var first = start
            while first + deleted < n, reference[first + deleted] == reference[first] { first += 1 }
            return span(.inFrameDeletion, first, first + deleted - 1, .deletion)
        }
        if deleted == 0 {
            var residues = inserted
            var before = start  // the insertion goes before residue index `before`
            if !residues.contains(.ter) {
                while before < n, reference[before] == residues[0] {
                    residues.append(residues.removeFirst())
                    before += 1
                }
                let k = residues.count
                if before - k >= 0, (0..<k).allSatisfy({ reference[before - k + $0] == residues[$0] }) {
                    return span(.inFrameDuplication, before - k, before - 1, .duplication)
                }
            }
            guard before >= 1, before < n else { return whole(.unknown, .unknown) }
            return span(.inFrameInsertion, before - 1, before, .insertion(.residues(residues)))
        }
        return span(.inFrameDeletionInsertion, start, start + deleted - 1, .deletionInsertion(.residues(inserted)))
    }

    func synonymous(_ reference: UnsafeBufferPointer<AminoAcid>, at codon: Int) -> ProteinChange {
        single(.synonymous, min(codon, reference.count - 1), .identity)
    }

    // MARK: Results

    func single(_ kind: ProteinConsequenceKind, _ residue: Int, _ edit: ProteinEdit) -> ProteinChange {
        ProteinChange(kind: kind, first: residue, last: residue, edit: edit, whole: nil)
    }

    func span(_ kind: ProteinConsequenceKind, _ first: Int, _ last: Int, _ edit: ProteinEdit) -> ProteinChange {
        ProteinChange(kind: kind, first: first, last: last, edit: edit, whole: nil)
    }

    func whole(_ kind: ProteinConsequenceKind, _ form: ProteinChange.Whole) -> ProteinChange {
        ProteinChange(kind: kind, first: 0, last: 0, edit: .unknown, whole: form)
    }

    func noncodingResult(_ convention: NoncodingConsequence) -> ProteinChange {
        whole(.noncoding, convention == .unchanged ? .unchanged : .unknown)
    }

    /// Dresses a change as a `p.` description on the protein accession.
    func make(_ change: ProteinChange) -> ProteinConsequence {
        let tree: AlleleTree<ProteinVariant>
        switch change.whole {
        case .unknown?: tree = .unknown
        case .unchanged?: tree = .predicted(.unchanged)
        case .absent?: tree = .absent(uncertain: true)
        case nil:
            let first = ProteinPosition(residue: protein[change.first], number: change.first + 1)
            let location =
                change.first == change.last
                ? Location(first)
                : Location(first, ProteinPosition(residue: protein[change.last], number: change.last + 1))
            tree = .variant(ProteinVariant(location: location, edit: change.edit, predicted: true))
        }
        return ProteinConsequence(
            kind: change.kind,
            description: VariantDescription(reference: ReferenceSpecifier(proteinAccession), body: .protein(tree)))
    }

    // MARK: Stated content and inserted bases

    /// Checks redundant content written after `del`, `dup`, `inv` (`delCTT`, `del3`) against the reference.
    func check(
        _ stated: StatedContent?, _ range: ClosedRange<Int>, _ start: TranscriptPosition, _ end: TranscriptPosition
    ) throws(ProteinMappingError) {
        guard let stated else { return }
        let location = range.count == 1 ? "c.\(Self.text(start))" : "c.\(Self.text(start))_\(Self.text(end))"
        switch stated {
        case .sequence(let sequence):
            let expected = sequence.bases.utf8.map(Self.upper)
            if !expected.elementsEqual(bases[range]) {
                throw .referenceMismatch(
                    ReferenceMismatch(
                        reference: transcriptName, location: location,
                        expected: String(decoding: expected, as: UTF8.self),
                        found: String(decoding: bases[range], as: UTF8.self)))
            }
        case .length(let length):
            if length != range.count {
                throw .referenceMismatch(
                    ReferenceMismatch(
                        reference: transcriptName, location: location, expected: "\(length) bases",
                        found: "\(range.count) bases"))
            }
        case .unknown: break
        }
    }

    static func literalBases(_ insertion: Insertion) throws(ProteinMappingError) -> [UInt8] {
        var result: [UInt8] = []
        for item in insertion.items {
            guard case .sequence(let sequence, let count) = item else {
                throw .unsupported("an insertion that is not a literal sequence")
            }
            var copies = 1
            if let count {
                guard case .exactly(let n) = count, n >= 0, n <= 100_000 else {
                    throw .unsupported("an inserted repeat with an uncertain count")
                }
                copies = n
            }
            // The bases read once, as bytes (no lazy map per copy).
            var bases = sequence.bases
            bases.withUTF8 { utf8 in
                result.reserveCapacity(result.count + copies * utf8.count)
                for _ in 0..<copies {
                    for byte in utf8 { result.append(upper(byte)) }
                }
            }
        }
        return result
    }

    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }

    /// `494`, `-14`, `*32`, `357+1` (for messages).
    static func text(_ position: TranscriptPosition) -> String {
        var text = position.anchor == .cdsEnd ? "*" : ""
        text += position.base.map(String.init) ?? "?"
        switch position.offset {
        case .none: break
        case .downstream(let k): text += "+" + (k.map(String.init) ?? "?")
        case .upstream(let k): text += "-" + (k.map(String.init) ?? "?")
        }
        return text
    }
}

/// A consequence before it is dressed as a syntax tree: its class, the residue span (0-based indexes into the
/// reference protein) and the edit, or a whole-protein form. Small, so the hot path copies little.
struct ProteinChange {
    enum Whole { case unknown, unchanged, absent }
    var kind: ProteinConsequenceKind
    var first: Int
    var last: Int
    var edit: ProteinEdit
    var whole: Whole?
}

/// Where the bases of an edit come from.
enum InsertedBases {
    case none
    case single(UInt8)
    case literal([UInt8])
    case copy(Range<Int>)
    case reverseComplement(Range<Int>)

    var count: Int {
        switch self {
        case .none: 0
        case .single: 1
        case .literal(let bases): bases.count
        case .copy(let range), .reverseComplement(let range): range.count
        }
    }

    func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from reference: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .none: break
        case .single(let base): buffer[0] = base
        case .literal(let bases): for (i, base) in bases.enumerated() { buffer[i] = base }
        case .copy(let range): for (i, p) in range.enumerated() { buffer[i] = reference[p] }
        case .reverseComplement(let range):
            for (i, p) in range.reversed().enumerated() { buffer[i] = complementBase(reference[p]) }
        }
    }
}

/// A transcript with `replaced` swapped for `inserted`, read without building it.
struct AlteredSequence {
    let reference: UnsafeBufferPointer<UInt8>
    let replaced: Range<Int>
    let inserted: UnsafeBufferPointer<UInt8>

    var count: Int { reference.count - replaced.count + inserted.count }

    @inline(__always)
    func base(_ i: Int) -> UInt8 {
        if i < replaced.lowerBound { return reference[i] }
        let k = i - replaced.lowerBound
        if k < inserted.count { return inserted[k] }
        return reference[i - inserted.count + replaced.count]
    }

    /// The residue of codon `codon` (0 = the initiation codon), nil past the end of the sequence; a codon cut short
    /// by the end of the transcript reads as `Xaa` (biocommons pads it with `N`).
    @inline(__always)
    func residue(codon: Int, cdsStart: Int) -> AminoAcid? {
        let i = cdsStart + 3 * codon
        guard i < count else { return nil }
        guard i + 3 <= count else { return .xaa }
        return ProteinCodonTable.translate(base(i), base(i + 1), base(i + 2))
    }
}
