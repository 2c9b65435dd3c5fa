import VarSynCore

extension MentionScanner {
    /// The core parser's reading of a candidate's text (lenient mode: shorthand accepted), or `nil` when the parser
    /// rejects it. Optional second stage: the scanner proposes, the parser confirms.
    ///
    /// Example: the candidate `c. 1663 C>A` (pattern `hgvs_nucleotide`) parses; `G/A` (`bare_slash_alleles`) may not.
    /// Offsets in the parse result index into the candidate's bytes, not into `text`.
    public func confirm(_ candidate: MentionCandidate, in text: UnsafeBufferPointer<UInt8>) -> ParsedExpression? {
        guard candidate.start >= 0, candidate.start < candidate.end, candidate.end <= text.count else { return nil }
        let slice = UnsafeBufferPointer(rebasing: text[candidate.start..<candidate.end])
        return try? HGVSParser.parse(utf8: slice, options: .lenient)
    }
}
