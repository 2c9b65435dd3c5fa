import VarSynCore
import VarSynReference

// Streaming p. -> c.: the back-translation's candidate texts appended to a `TextList` (one buffer for every text,
// no `String` or array per answer), the input read from its compact parse (`NP_003147.2:p.(Pro165Gln)`: byte
// offsets and numbers, no syntax tree) and the prepared transcript found by the accession's bytes
// (`AccessionTable`, read without a lock). Anything else goes through `codingCandidates(ofProtein:)`, so the texts and errors are
// always that function's (`StreamingDifferentialTests`).

extension ProteinMapper {
    /// Appends the c. candidates of the p. description in `utf8` to `out`: the texts of
    /// ``codingCandidates(ofProtein:)``, in its order, with its errors (nothing is appended when it throws).
    ///
    /// ```swift
    /// var out = TextList()
    /// try mapper.appendCodingCandidates(ofProtein: bytes, to: &out)  // bytes of "NP_003147.2:p.Pro165Gln"
    /// out.strings  // ["NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG"]
    /// ```
    public func appendCodingCandidates(
        ofProtein utf8: UnsafeBufferPointer<UInt8>, to out: inout TextList
    ) throws(NormalizeError) {
        if appendFastCandidates(utf8, &out) { return }
        try appendGeneralCandidates(String(decoding: utf8, as: UTF8.self), &out)
    }

    /// ``appendCodingCandidates(ofProtein:to:)-(UnsafeBufferPointer<UInt8>,_)`` of a `String`:
    /// `STIM1 P165Q` appends `NM_003156.3:c.494C>A`, `NM_003156.3:c.494_495delinsAG` (through the general path:
    /// a gene symbol and one-letter residues are not the compact lane's).
    public func appendCodingCandidates(ofProtein text: String, to out: inout TextList) throws(NormalizeError) {
        var bytes = text
        let fast = bytes.withUTF8 { appendFastCandidates($0, &out) }
        if !fast { try appendGeneralCandidates(text, &out) }
    }

    /// The general answer, appended (out of line: the fast answer pays nothing for its frame).
    @inline(never)
    func appendGeneralCandidates(_ text: String, _ out: inout TextList) throws(NormalizeError) {
        for candidate in try codingCandidates(ofProtein: text) { out.append(candidate) }
    }

    /// The fast answer for a compact `ACC:p.` substitution or `=` at one residue whose transcript is known and
    /// whose codons back-translate; false (nothing appended) when the general path must answer.
    @inline(__always)
    func appendFastCandidates(_ utf8: UnsafeBufferPointer<UInt8>, _ out: inout TextList) -> Bool {
        guard let compact = HGVSParser.parseLane(utf8: utf8),
            let question = compact.proteinSubstitution(utf8: utf8),
            case let accession = UnsafeBufferPointer(rebasing: utf8[0..<question.accessionEnd]),
            let transcript = keyTable.value(for: accession) ?? keyedTranscriptMiss(accession, compact, utf8),
            let changes = try? transcript.codonChanges(
                residue: question.number, from: question.reference, to: question.alternative)
        else { return false }
        let referenceCodon = changes.referenceCodon
        transcript.transcriptNameUTF8.withUnsafeBufferPointer { name in
            for change in changes {
                out.append(capacity: name.count + 32) { b in
                    CodingCandidate.write(&b, name, change, referenceCodon: referenceCodon)
                }
            }
        }
        return true
    }

    /// ``preparedTranscript(named:)`` for the reference of a compact parse, stored under its accession's bytes;
    /// nil on any error (the general path reports it).
    @inline(never)
    func keyedTranscriptMiss(
        _ accession: UnsafeBufferPointer<UInt8>, _ compact: CompactParse, _ utf8: UnsafeBufferPointer<UInt8>
    ) -> ProteinTranscript? {
        guard let parsed = try? compact.parsedExpression(utf8: utf8),
            let reference = parsed.expression.singleDescription?.reference, reference.selector == nil,
            let transcript = try? preparedTranscript(named: reference)
        else { return nil }
        keyTable.insert(transcript, for: accession)
        return transcript
    }
}
