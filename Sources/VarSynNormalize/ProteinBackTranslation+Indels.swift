import VarSynCore

/// One coding change that produces an in-frame protein deletion, duplication, insertion or deletion-insertion,
/// already shifted 3' on the transcript: `CFTR p.Phe508del` -> `NM_000492.3:c.1521_1523del` (CTT, out of phase:
/// Ile507 becomes ATT) and `NM_000492.3:c.1522_1524del` (TTT, the codon of Phe508).
public struct IndelCandidate: Hashable, Sendable, Comparable {
    /// The kind of DNA change, in candidate order.
    public enum Kind: Int, Hashable, Sendable, Comparable {
        case deletion, duplication, insertion, deletionInsertion, substitution

        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    public let kind: Kind
    /// 0-based transcript index of the first affected base (for an insertion: the base after the insertion point).
    public let start: Int
    /// Number of reference bases removed (0 for an insertion; the copied length for a duplication).
    public let deleted: Int
    /// Inserted bases (empty for a deletion or duplication).
    public let inserted: [UInt8]
    /// The reference base of a substitution.
    let referenceBase: UInt8
    let cdsStart: Int
    let cdsEnd: Int
    let transcript: Accession

    public static func < (a: IndelCandidate, b: IndelCandidate) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.start != b.start { return a.start < b.start }
        if a.deleted != b.deleted { return a.deleted < b.deleted }
        return a.inserted.lexicographicallyPrecedes(b.inserted)
    }

    /// Whether the change starts at the first base of a codon and spans whole codons (`c.1522_1524del`).
    public var inPhase: Bool { (start - cdsStart) % 3 == 0 }

    /// The c. position of a 0-based transcript index: `c.-5`, `c.1521`, `c.*3`.
    func position(_ index: Int) -> TranscriptPosition {
        if index < cdsStart { return TranscriptPosition(base: index - cdsStart) }
        if index >= cdsEnd { return TranscriptPosition(anchor: .cdsEnd, base: index - cdsEnd + 1) }
        return TranscriptPosition(base: index - cdsStart + 1)
    }

    /// The `c.` description: `NM_000492.3:c.1521_1523del`, `c.12_14dup`, `c.6_7insGGG`, `c.5_7delinsCA`.
    public var description: VariantDescription {
        let location: Location<TranscriptPosition>
        let edit: NucleotideEdit
        let text = NucleotideSequence(String(decoding: inserted, as: UTF8.self))
        switch kind {
        case .deletion, .duplication:
            location =
                deleted == 1
                ? Location(position(start)) : Location(position(start), position(start + deleted - 1))
            edit = kind == .deletion ? .deletion(nil) : .duplication(nil)
        case .insertion:
            location = Location(position(start - 1), position(start))
            edit = .insertion(.single(.sequence(text, count: nil)))
        case .substitution:
            location = Location(position(start))
            edit = .substitution(reference: referenceBase, alternative: inserted.first ?? referenceBase)
        case .deletionInsertion:
            location =
                deleted == 1
                ? Location(position(start)) : Location(position(start), position(start + deleted - 1))
            edit = .deletionInsertion(deleted: nil, inserted: .single(.sequence(text, count: nil)))
        }
        return VariantDescription(
            reference: ReferenceSpecifier(transcript),
            body: .transcript(.coding, .variant(NucleotideVariant(location: location, edit: edit))))
    }

    /// `NM_000492.3:c.1521_1523del`.
    public func hgvs() -> String { description.hgvs() }
}

/// The back-translation of an in-frame protein deletion, duplication, insertion or deletion-insertion.
///
/// `CFTR p.Phe508del` on NM_000492.3: window Ile506..Gly509 (codons c.1516_1527), candidates `c.1521_1523del` and
/// `c.1522_1524del`.
public struct IndelBackTranslation: Hashable, Sendable {
    public var transcript: String
    public var protein: String
    /// The protein change asked for (as parsed).
    public var variant: ProteinVariant
    /// Residue numbers of the window searched (the equivalent placements of the change, one residue either side).
    public var window: ClosedRange<Int>
    /// Distinct coding changes (after the 3' rule on the transcript): deletions, then duplications, insertions,
    /// deletion-insertions; each by position.
    public var candidates: [IndelCandidate]
    /// False when some start position had more solutions than `ProteinTranscript.indelSolutionLimit` (long inserts
    /// of residues with many codons, `insSerArgLeuSerArgLeu`): the candidates are then a subset.
    public var complete: Bool

    /// How many candidates the normalizer seam and `varsyn extract` take (the first ones, in candidate order).
    public static let seamLimit = 64
}

extension ProteinTranscript {
    /// At most this many raw DNA changes are examined per start position (insertions of several residues).
    static let indelSolutionLimit = 4096

    /// Back-translates an in-frame protein deletion (`p.Phe508del`, `p.Lys2_Met3del`), duplication (`p.Gly4dup`),
    /// insertion (`p.Lys2_Met3insGln`) or deletion-insertion (`p.Lys2_Met3delinsGlnTrp`).
    ///
    /// Every DNA change of the matching length (3 bases per residue deleted or inserted) placed anywhere in the
    /// codons of the change's equivalent placements (protein 3' rule) and one codon either side, in phase or not, is
    /// kept when the window translates to the requested protein; the kept changes are shifted 3' on the transcript
    /// and deduplicated. The stated residues are checked: `CFTR p.Leu508del` throws `.referenceMismatch` naming Leu
    /// (stated) and Phe (found).
    public func backTranslateIndel(_ variant: ProteinVariant) throws(ProteinMappingError) -> IndelBackTranslation {
        guard case .exact(let first) = variant.location.start, let a = first.number else {
            throw .unsupported("a protein change at an uncertain position")
        }
        var b = a
        var last = first
        if let end = variant.location.end {
            guard case .exact(let position) = end, let number = position.number else {
                throw .unsupported("a protein change at an uncertain position")
            }
            b = number
            last = position
        }
        guard b >= a else { throw .unsupported("a protein range whose end precedes its start") }
        // Sense residues only: Met1 (start loss) and the stop (extension) are other kinds of change.
        let lastSense = protein.last == .ter ? protein.count - 1 : protein.count
        for (number, position) in [(a, first), (b, last)] {
            guard number >= 1, number <= protein.count else {
                throw .positionOutOfRange(reference: proteinName, position: "p.\(number)")
            }
            let found = protein[number - 1]
            guard found == position.residue else {
                throw .referenceMismatch(
                    ReferenceMismatch(
                        reference: proteinName.isEmpty ? transcriptName : proteinName, location: "p.\(number)",
                        expected: position.residue.threeLetterCode, found: found.threeLetterCode))
            }
        }
        guard a >= 2, b <= lastSense else {
            throw .unsupported("an in-frame change of the initiating Met or the stop codon")
        }
        var lo = a - 1  // 0-based residue indexes
        var hi = b - 1
        var expected: (Int, Int) -> [AminoAcid]  // the protein of residues w0...w1 after the change
        var deletedBases = 0
        var insertedBases = 0
        switch variant.edit {
        case .deletion, .duplication:
            let length = b - a + 1
            // Equivalent placements: the same run of residues one step left or right.
            var l = lo
            while l - 1 >= 1, protein[l - 1] == protein[l - 1 + length] { l -= 1 }
            var r = hi
            while r + 1 < lastSense, protein[r + 1] == protein[r + 1 - length] { r += 1 }
            let (i, j) = (lo, hi)
            lo = l
            hi = r
            let duplicate = variant.edit == .duplication
            expected = { w0, w1 in
                Array(self.protein[w0..<i]) + (duplicate ? Array(self.protein[i...j]) + self.protein[i...j] : [])
                    + Array(self.protein[(j + 1)..<(w1 + 1)])
            }
            if duplicate { insertedBases = 3 * length } else { deletedBases = 3 * length }
        case .insertion(let insert):
            guard b == a + 1, variant.location.end != nil else {
                throw .unsupported("a protein insertion not between two adjacent residues")
            }
            let residues = try Self.plainResidues(insert)
            // Equivalent placements: the insertion point moves right past a residue equal to the insert's first
            // (the insert rotating), left past one equal to its last.
            var right = residues
            var r = lo + 1  // residue after the insertion point
            while r < lastSense - 1, protein[r] == right[0] {
                right.append(right.removeFirst())
                r += 1
            }
            var left = residues
            var l = lo  // residue before the insertion point
            while l > 1, let end = left.last, protein[l] == end {
                left.insert(left.removeLast(), at: 0)
                l -= 1
            }
            let i = lo
            lo = l
            hi = r
            expected = { w0, w1 in
                Array(self.protein[w0...i]) + residues + Array(self.protein[(i + 1)..<(w1 + 1)])
            }
            insertedBases = 3 * residues.count
        case .deletionInsertion(let insert):
            let residues = try Self.plainResidues(insert)
            let (i, j) = (lo, hi)
            expected = { w0, w1 in
                Array(self.protein[w0..<i]) + residues + Array(self.protein[(j + 1)..<(w1 + 1)])
            }
            deletedBases = 3 * (b - a + 1)
            insertedBases = 3 * residues.count
        default:
            throw .unsupported("back-translation of a protein change other than a substitution, del, dup, ins, delins")
        }
        let w0 = max(1, lo - 1)
        let w1 = min(lastSense - 1, hi + 1)
        let target = expected(w0, w1)
        var found = Set<IndelCandidate>()
        let windowStart = cdsStart + 3 * w0
        let windowEnd = cdsStart + 3 * (w1 + 1)
        guard windowEnd <= bases.count else { throw .notCoding(transcript: transcriptName) }
        var s = windowStart
        var complete = true
        while s + deletedBases <= windowEnd {
            let (list, truncated) = solutions(
                windowStart: windowStart, windowEnd: windowEnd, start: s, deleted: deletedBases,
                inserted: insertedBases, target: target)
            if truncated { complete = false }
            for inserted in list {
                if let candidate = normalizedChange(start: s, deleted: deletedBases, inserted: inserted) {
                    found.insert(candidate)
                }
            }
            s += 1
        }
        return IndelBackTranslation(
            transcript: transcriptName, protein: proteinName, variant: variant, window: (w0 + 1)...(w1 + 1),
            candidates: found.sorted(), complete: complete)
    }

    /// The residues of a plain insert (`insGlnSer`); a stop, unknown residues or a copied range are not back-translated.
    static func plainResidues(_ insert: ProteinInsert) throws(ProteinMappingError) -> [AminoAcid] {
        guard case .residues(let residues) = insert, !residues.isEmpty,
            !residues.contains(where: { $0 == .ter || $0 == .xaa })
        else {
            throw .unsupported("an inserted run other than plain residues (Xaa, Ter, a copied range)")
        }
        return residues
    }

    /// Every inserted sequence of `inserted` bases that, replacing `deleted` bases at transcript index `start`, makes
    /// the window `windowStart..<windowEnd` translate to `target`. The inserted bases fall into result codons
    /// independently, so the solutions are the product of each codon's matching codons.
    func solutions(
        windowStart: Int, windowEnd: Int, start: Int, deleted: Int, inserted: Int, target: [AminoAcid]
    ) -> (solutions: [[UInt8]], truncated: Bool) {
        let resultLength = windowEnd - windowStart - deleted + inserted
        guard resultLength == 3 * target.count else { return ([], false) }
        // Result base k: reference before `start`, inserted (nil = free), reference after `start + deleted`.
        func fixed(_ k: Int) -> UInt8? {
            let before = start - windowStart
            if k < before { return bases[windowStart + k] }
            if k < before + inserted { return nil }
            return bases[start + deleted + (k - before - inserted)]
        }
        var partial: [[UInt8]] = [[]]
        var truncated = false
        for (j, residue) in target.enumerated() {
            let c = (fixed(3 * j), fixed(3 * j + 1), fixed(3 * j + 2))
            if let x = c.0, let y = c.1, let z = c.2 {
                guard ProteinCodonTable.translate(x, y, z) == residue else { return ([], false) }
                continue
            }
            // Codons of the residue that agree with the fixed bases; their free bases extend each partial solution.
            var choices: [[UInt8]] = []
            for codon in ProteinCodonTable.codonsByResidue[Int(residue.rawValue)] {
                let t = ProteinCodonTable.codonBases(codon)
                let triple = [t.0, t.1, t.2]
                var free: [UInt8] = []
                var ok = true
                for (o, base) in [c.0, c.1, c.2].enumerated() {
                    if let base { ok = ok && base == triple[o] } else { free.append(triple[o]) }
                }
                if ok { choices.append(free) }
            }
            guard !choices.isEmpty else { return ([], false) }
            if partial.count * choices.count > Self.indelSolutionLimit { truncated = true }
            var next: [[UInt8]] = []
            for p in partial {
                for choice in choices where next.count < Self.indelSolutionLimit { next.append(p + choice) }
            }
            partial = next
        }
        return (partial.filter { $0.count == inserted }, truncated)
    }

    /// The change `start, deleted, inserted` trimmed of bases it keeps, classified and shifted 3' on the transcript
    /// (deletions and insertions; an insertion equal to the bases before it is a duplication). Nil when nothing
    /// changes.
    func normalizedChange(start: Int, deleted: Int, inserted: [UInt8]) -> IndelCandidate? {
        var s = start
        var d = deleted
        var x = inserted[...]
        while d > 0, let f = x.first, bases[s] == f {
            s += 1
            d -= 1
            x = x.dropFirst()
        }
        while d > 0, let l = x.last, bases[s + d - 1] == l {
            d -= 1
            x = x.dropLast()
        }
        let n = bases.count
        func make(_ kind: IndelCandidate.Kind, _ s: Int, _ d: Int, _ x: [UInt8]) -> IndelCandidate {
            IndelCandidate(
                kind: kind, start: s, deleted: d, inserted: x, referenceBase: s < n ? bases[s] : 0, cdsStart: cdsStart,
                cdsEnd: cdsEnd,
                transcript: transcriptAccession)
        }
        if x.isEmpty {
            guard d > 0 else { return nil }
            while s + d < n, bases[s] == bases[s + d] { s += 1 }
            return make(.deletion, s, d, [])
        }
        if d == 0 {
            var ins = Array(x)
            var t = s  // insertion before index t
            while t < n, bases[t] == ins[0] {
                ins.append(ins.removeFirst())
                t += 1
            }
            let k = ins.count
            if t >= k, Array(bases[(t - k)..<t]) == ins { return make(.duplication, t - k, k, []) }
            return make(.insertion, t, 0, ins)
        }
        if d == 1, x.count == 1 { return make(.substitution, s, 1, Array(x)) }
        return make(.deletionInsertion, s, d, Array(x))
    }
}

extension ProteinMapper {
    /// Back-translates an in-frame protein deletion, duplication, insertion or deletion-insertion given as text:
    /// `CFTR F508del`, `NP_000483.3:p.Phe508del`, `CFTR ΔF508`. Nil when the text is a protein change of another
    /// kind (a substitution: use `backTranslate(_:)`).
    public func backTranslateIndel(
        _ text: String
    ) throws(ProteinMappingError)
        -> (translation: IndelBackTranslation, choice: Choice)?
    {
        let description = try Self.parseSingle(text)
        guard case .protein(let tree) = description.body, case .variant(let variant) = tree else { return nil }
        switch variant.edit {
        case .deletion, .duplication, .insertion, .deletionInsertion: break
        default: return nil
        }
        guard let reference = description.reference else { throw .unsupported("a description without a reference") }
        let choice = try transcript(for: reference)
        let transcript = try prepared(choice)
        return (try transcript.backTranslateIndel(variant), choice)
    }
}
