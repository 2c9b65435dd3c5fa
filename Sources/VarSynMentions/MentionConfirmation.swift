import VarSynCore

extension MentionScanner {
    /// Reads a candidate: the core parser (lenient mode: shorthand accepted) reads its text as written; if it
    /// cannot, the prose reader rebuilds a standard description from the parts the pattern names
    /// (`C-->T transition at nucleotide 677` -> `c.677C>T`) and the parser reads that. Nil when neither reads it
    /// (`G/A polymorphism`: no position), so the candidate is not a confirmed mention.
    ///
    /// Offsets in the parse result index into the text the parser read (the candidate's bytes or the rebuilt
    /// description), not into `text`.
    public func read(_ candidate: MentionCandidate, in text: UnsafeBufferPointer<UInt8>) -> MentionReading? {
        guard candidate.start >= 0, candidate.start < candidate.end, candidate.end <= text.count else { return nil }
        let slice = UnsafeBufferPointer(rebasing: text[candidate.start..<candidate.end])
        if let parsed = try? HGVSParser.parse(utf8: slice, options: .lenient) {
            guard !MentionScanner.isGenotypeLabel(candidate, slice) else { return nil }
            return MentionReading(parsed: parsed, rewritten: [])
        }
        guard let index = patternIndex[candidate.patternName] else { return nil }
        let descriptions = proseReader.descriptions(
            patternIndex: index, start: candidate.start, end: candidate.end, in: text)
        var readings: [Reading] = []
        var read: [String] = []
        for description in descriptions {
            guard let parsed = try? HGVSParser.parse(description, options: .lenient) else { continue }
            readings += parsed.readings
            read.append(description)
        }
        guard let best = readings.first else { return nil }
        return MentionReading(
            parsed: ParsedExpression(reading: best, otherReadings: Array(readings.dropFirst())), rewritten: read)
    }

    /// A base, a position and the same base (`G1359G`, `C1256088C`): a genotype (both alleles wild type), not a
    /// change; not confirmed. (Protein forms with the same residue, `Ser424Ser`, are synonymous changes and stay.)
    static func isGenotypeLabel(_ candidate: MentionCandidate, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard candidate.patternName == "nucleotide_ref_pos_alt", let first = bytes.first, let last = bytes.last else {
            return false
        }
        return first == last
    }

    /// The parser's reading of a candidate (as written, or as rebuilt by the prose reader: see `read(_:in:)`), or
    /// `nil` when neither reads it.
    ///
    /// Example: `c. 1663 C>A` (pattern `hgvs_nucleotide`) and `A to G substitution in nucleotide 1517` (read as
    /// `c.1517A>G`) are confirmed; `G/A` (`bare_slash_alleles`) is not.
    public func confirm(_ candidate: MentionCandidate, in text: UnsafeBufferPointer<UInt8>) -> ParsedExpression? {
        read(candidate, in: text)?.parsed
    }
}
