import VarSynCore
import VarSynReference

// The streaming text API: UTF-8 text in, the normalized c./n. text or the canonical key appended to a `TextList`
// (one growing buffer, no `String` and no `NormalizedVariant` per answer).
//
// The common case (what the parser's fast lane reads, on a transcript the fast path has prepared) goes from the
// lane's compact record (`HGVSParser.parseLane`: byte offsets, no syntax tree) straight to the prepared bases
// (`Normalizer+FastKey.swift`, `Normalizer+FastText.swift`), finding the transcript in the lock-free
// `AccessionTable` by the accession's bytes. It answers only where `fastKey(_:into:)` answers the parsed tree, and
// computes the same thing; anything else (another shape, a transcript not yet prepared, a decline) runs
// `normalize(_:)` with the same forms, so texts, keys and errors are always those of `normalize(_:)`.
// `TextStreamDifferentialTests` checks that on whole corpora.

extension Normalizer {
    /// Normalizes one expression (UTF-8, read leniently as ``normalize(_:)-(String)`` reads it) and appends its
    /// normalized c./n. text to `list`: the `hgvsC` that ``normalize(_:)-(String)`` gives with `options.forms` =
    /// `.hgvsC` (the other options as set). Returns false, appending nothing, when there is none (a g. input, an
    /// intronic change whose sequence is not in the reference data).
    ///
    /// ```swift
    /// var out = TextList()
    /// try normalizer.appendNormalizedText(of: "NM_900046.1:c.686del", to: &out)   // true
    /// out[0]   // "NM_900046.1:c.687del" (3'-shifted in the GG)
    /// ```
    ///
    /// Throws what ``normalize(_:)-(String)`` throws for the input (same code and message). Warnings are not
    /// reported (call ``normalize(_:)-(String)`` for them). Safe from many threads; each thread its own list.
    @_specialize(where Provider == TableReferenceProvider)
    public func appendNormalizedText(
        of utf8: UnsafeBufferPointer<UInt8>, to list: inout TextList
    ) throws(NormalizeError) -> Bool {
        try appendAnswer(utf8, text: true, to: &list)
    }

    /// ``appendNormalizedText(of:to:)-(UnsafeBufferPointer<UInt8>,_)`` for a `String`.
    public func appendNormalizedText(of text: String, to list: inout TextList) throws(NormalizeError) -> Bool {
        try appendAnswer(text, text: true, to: &list)
    }

    /// Normalizes one expression (UTF-8, read leniently) and appends its canonical key to `list`: the `key` that
    /// ``normalize(_:)-(String)`` gives with `options.forms` = `.key` (the other options as set). Returns false,
    /// appending nothing, when there is no key (`keyUnavailableReason` in ``normalize(_:)-(String)``).
    ///
    /// ```swift
    /// var keys = TextList()
    /// try normalizer.appendKey(of: "NM_003156.3:c.494C>A", to: &keys)   // true
    /// keys[0]   // "NC_000011.10:4055633:C:A"
    /// ```
    ///
    /// Throws what ``normalize(_:)-(String)`` throws for the input (same code and message).
    @_specialize(where Provider == TableReferenceProvider)
    public func appendKey(of utf8: UnsafeBufferPointer<UInt8>, to list: inout TextList) throws(NormalizeError) -> Bool {
        try appendAnswer(utf8, text: false, to: &list)
    }

    /// ``appendKey(of:to:)-(UnsafeBufferPointer<UInt8>,_)`` for a `String`.
    public func appendKey(of text: String, to list: inout TextList) throws(NormalizeError) -> Bool {
        try appendAnswer(text, text: false, to: &list)
    }

    /// The `String` entries: the same over the string's UTF-8.
    @_specialize(where Provider == TableReferenceProvider)
    func appendAnswer(_ string: String, text: Bool, to list: inout TextList) throws(NormalizeError) -> Bool {
        var string = string
        let answer: Result<Bool, NormalizeError> = string.withUTF8 { utf8 in
            do throws(NormalizeError) {
                return .success(try appendAnswer(utf8, text: text, to: &list))
            } catch {
                return .failure(error)
            }
        }
        return try answer.get()
    }

    /// The fast answer from the lane's record when it has one, else ``appendGeneral(_:text:to:)``.
    @inline(__always)
    func appendAnswer(
        _ utf8: UnsafeBufferPointer<UInt8>, text: Bool, to list: inout TextList
    ) throws(NormalizeError) -> Bool {
        if fastPaths, options.direction == .threePrime, let compact = HGVSParser.parseLane(utf8: utf8),
            let answer = fastAppend(compact, utf8, text: text, to: &list)
        {
            return answer
        }
        return try appendGeneral(utf8, text: text, to: &list)
    }

    /// ``normalize(_:)-(ParsedExpression)`` with forms `.hgvsC` (`text`) or `.key`, its text appended.
    @inline(never)
    func appendGeneral(
        _ utf8: UnsafeBufferPointer<UInt8>, text: Bool, to list: inout TextList
    ) throws(NormalizeError) -> Bool {
        let parsed: ParsedExpression
        do {
            parsed = try HGVSParser.parse(utf8: utf8)
        } catch {
            throw NormalizeError(.parse, error.message(utf8: utf8), parseError: error)
        }
        var normalizer = self
        normalizer.options.forms = text ? .hgvsC : .key
        let result = try normalizer.normalize(parsed)
        guard let answer = text ? result.hgvsC : result.key else { return false }
        list.append(answer)
        return true
    }

    /// The fast path on the lane's record: true / false (appended / nothing to append) as the general path would
    /// answer, or nil when the general path must answer. The same conditions and computation as
    /// `fastKey(_:into:)` with forms `.hgvsC` (`text`) or `.key`, read from the record instead of the tree.
    @inline(__always)
    func fastAppend(
        _ compact: CompactParse, _ utf8: UnsafeBufferPointer<UInt8>, text wantsText: Bool, to list: inout TextList
    ) -> Bool? {
        guard let system = compact.coordinateSystem, system == .coding || system == .noncoding,
            let accession = compact.accessionRange,
            let transcript = fastKeyCache.readyTranscript(UnsafeBufferPointer(rebasing: utf8[accession]))
        else { return nil }
        return transcript._withUnsafeGuaranteedRef { t in
            fastAppend(t, compact, utf8, coding: system == .coding, text: wantsText, to: &list)
        }
    }

    /// ``fastAppend(_:_:text:to:)`` once the prepared transcript is found.
    func fastAppend(
        _ t: FastTranscript, _ compact: CompactParse, _ utf8: UnsafeBufferPointer<UInt8>, coding: Bool,
        text wantsText: Bool, to list: inout TextList
    ) -> Bool? {
        guard let edit = compact.edit, let firstPosition = compact.firstPosition(utf8: utf8) else { return nil }
        guard let (i1, o1) = fastIndex(firstPosition, coding: coding, t) else { return nil }
        var (i2, o2) = (i1, o1)
        let hasEnd = compact.isRange
        if hasEnd {
            guard let lastPosition = compact.lastPosition(utf8: utf8),
                let p = fastIndex(lastPosition, coding: coding, t)
            else { return nil }
            (i2, o2) = p
        }
        guard (i1, o1) <= (i2, o2) else { return nil }
        if o1 != 0 || o2 != 0 {
            return fastIntronicAppend(
                t, i1, o1, i2, o2, compact: compact, edit: edit, utf8: utf8, text: wantsText, to: &list)
        }
        var start = i1
        var end = i2 + 1
        if edit == .insertion {
            guard hasEnd, i2 == i1 + 1 else { return nil }
            start = i2
            end = i2
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 768) { scratch -> Bool? in
            guard
                let altCount = Self.fastAlternative(
                    compact, edit: edit, utf8: utf8, sequence: t.sequenceBytes, start: start, end: end,
                    hasEnd: hasEnd, into: scratch),
                let placed = Self.fastPlace(
                    t, start: start, end: end, alternativeCount: altCount, scratch: scratch,
                    wantsText: wantsText, wantsKey: !wantsText)
            else { return nil }
            if wantsText {
                guard let change = placed.text else { return nil }
                list.append(capacity: Self.fastTextCapacity(t, change)) { Self.writeTranscriptText(&$0, t, change) }
                return true
            }
            guard let spdi = placed.spdi else { return false }
            let exon = t.exons[placed.exon]
            let inserted = UnsafeBufferPointer(rebasing: scratch[256..<512])
            let deleted = spdi.deletedEnd - spdi.position
            let replacing = spdi.insertedEnd - spdi.insertedStart + spdi.insertedGenomeEnd - spdi.insertedGenomeStart
            if deleted == replacing && deleted >= 3
                && Self.fastKeepsInnerBase(t, spdi, exon: exon, inserted: inserted)
            {
                // As the general path: a 1:1 change with unchanged bases inside keys as its substitution blocks
                // (`KeyFormat.substitutionBlocks`).
                let capacity = (deleted / 2 + 1) * (t.chromosomeBytes.count + 24) + 2 * deleted + 2
                list.append(capacity: capacity) {
                    Self.writeSubstitutionBlocks(&$0, t, spdi, exon: exon, inserted: inserted)
                }
                return true
            }
            list.append(capacity: Self.fastSPDICapacity(t, spdi)) {
                Self.writeSPDI(&$0, t, spdi, exon: exon, inserted: inserted)
            }
            return true
        }
    }

    /// `KeyFormat.substitutionBlocks` of the SPDI `spdi` (deleted and inserted of one length), written directly:
    /// `[NC_…:p:C:G;NC_…:p+2:A:G]` for each run of changed bases, or the SPDI itself when there is one run.
    static func writeSubstitutionBlocks(
        _ b: inout FastTextBuilder, _ t: FastTranscript, _ spdi: FastSPDI, exon: FastExon,
        inserted: UnsafeBufferPointer<UInt8>
    ) {
        let shift = exon.storage - exon.origin
        let genome = t.genomeBytes
        let count = spdi.deletedEnd - spdi.position
        let literal = spdi.insertedEnd - spdi.insertedStart
        func deletedBase(_ k: Int) -> UInt8 { genome[spdi.position + k + shift] }
        func insertedBase(_ k: Int) -> UInt8 {
            k < literal ? inserted[spdi.insertedStart + k] : genome[spdi.insertedGenomeStart + (k - literal) + shift]
        }
        // The runs of changed bases.
        var runs = 0
        var i = 0
        while i < count {
            guard deletedBase(i) != insertedBase(i) else {
                i += 1
                continue
            }
            runs += 1
            while i < count, deletedBase(i) != insertedBase(i) { i += 1 }
        }
        guard runs > 1 else {
            writeSPDI(&b, t, spdi, exon: exon, inserted: inserted)
            return
        }
        b.add("[")
        var first = true
        i = 0
        while i < count {
            guard deletedBase(i) != insertedBase(i) else {
                i += 1
                continue
            }
            var j = i
            while j < count, deletedBase(j) != insertedBase(j) { j += 1 }
            if !first { b.add(";") }
            first = false
            b.add(t.chromosomeBytes)
            b.add(":")
            b.add(number: spdi.position + i)
            b.add(":")
            for k in i..<j { b.add(byte: deletedBase(k)) }
            b.add(":")
            for k in i..<j { b.add(byte: insertedBase(k)) }
            i = j
        }
        b.add("]")
    }

    /// ``fastIndex(_:coding:_:)`` for a position of the lane's record.
    @inline(__always)
    func fastIndex(_ position: CompactParse.Position, coding: Bool, _ t: FastTranscript) -> (Int, Int)? {
        let base = position.number
        let index: Int
        if position.afterCDSEnd {
            guard coding, let cds = t.cds else { return nil }
            index = cds.end - 1 + base
        } else if coding {
            guard let cds = t.cds else { return nil }
            index = base > 0 ? cds.start + base - 1 : cds.start + base
        } else {
            guard base > 0 else { return nil }
            index = base - 1
        }
        guard index >= 0, index < t.sequenceBytes.count else { return nil }
        return (index, position.offset)
    }

    /// ``fastAlternative(_:sequence:start:end:hasEnd:into:)`` for the lane's edits (which state no bases).
    @inline(__always)
    static func fastAlternative(
        _ compact: CompactParse, edit: CompactParse.Edit, utf8: UnsafeBufferPointer<UInt8>,
        sequence: UnsafeBufferPointer<UInt8>, start: Int, end: Int, hasEnd: Bool,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        switch edit {
        case .substitution:
            guard let (r, a) = compact.substitutionBases, !hasEnd, end == start + 1, sequence[start] == r,
                a == 65 || a == 67 || a == 71 || a == 84
            else { return nil }
            out[0] = a
            return 1
        case .deletion:
            return 0
        case .duplication:
            let n = end - start
            guard 2 * n <= 256 else { return nil }
            for i in 0..<n {
                out[i] = sequence[start + i]
                out[n + i] = sequence[start + i]
            }
            return 2 * n
        case .insertion, .deletionInsertion:
            // Plain upper-case ACGT only, 1 to 256 bases.
            guard let range = compact.insertedRange, !range.isEmpty, range.count <= 256 else { return nil }
            var n = 0
            for i in range {
                let b = utf8[i]
                guard b == 65 || b == 67 || b == 71 || b == 84 else { return nil }
                out[n] = b
                n += 1
            }
            return n
        case .inversion, .identity, .protein:
            return nil
        }
    }

    /// `fastIntronicKey` on the lane's record: a change with an intronic end on a transcript with no genome nearby
    /// (bases not checked, not shifted). No c. text (the general path writes none there); a key only for a
    /// one-base substitution. Nil when the general path must answer.
    func fastIntronicAppend(
        _ t: FastTranscript, _ i1: Int, _ o1: Int, _ i2: Int, _ o2: Int, compact: CompactParse,
        edit: CompactParse.Edit, utf8: UnsafeBufferPointer<UInt8>, text: Bool, to list: inout TextList
    ) -> Bool? {
        guard let (g1, g2) = t.unknownIntronicEnds(i1, o1, i2, o2) else { return nil }
        func plain(_ b: UInt8) -> Bool { b == 65 || b == 67 || b == 71 || b == 84 }
        func insertedPlain() -> Bool {
            guard let range = compact.insertedRange, !range.isEmpty else { return false }
            for i in range where !plain(utf8[i]) { return false }
            return true
        }
        switch edit {
        case .insertion:
            guard !text, compact.isRange, abs(g1 - g2) == 1, insertedPlain() else { return nil }
            return false
        case .deletion:
            return false
        case .deletionInsertion:
            guard insertedPlain() else { return nil }
            return false
        case .substitution:
            guard !compact.isRange, let (r, a) = compact.substitutionBases, plain(r), plain(a) else { return nil }
            // The unchecked change's SPDI (the key when asked; no c. text).
            guard !text else { return false }
            let start = min(g1, g2)
            let ref = t.plus ? r : complementBase(r)
            let alt = t.plus ? a : complementBase(a)
            let chromosome = t.chromosomeBytes
            list.append(capacity: chromosome.count + 40) { $0.addSingleBaseSPDI(chromosome, start, ref, alt) }
            return true
        case .duplication, .inversion, .identity, .protein:
            return nil
        }
    }
}
