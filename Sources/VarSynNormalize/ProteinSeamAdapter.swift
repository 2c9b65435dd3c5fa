/// The protein side plugged into the normalizer's `ProteinSeam`: `Normalizer(…, protein: ProteinMapper(provider))`
/// fills `hgvsP` and `proteinKey` and answers p. input.
extension ProteinMapper: ProteinSeam {
    /// `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`; nil when the consequence cannot be computed (the reason
    /// is in `consequence(of:)`'s error).
    public func proteinDescription(ofCoding hgvsC: String) -> String? {
        try? consequence(of: hgvsC).consequence.fastHGVS()
    }

    /// `STIM1 P165Q` -> `NM_003156.3:c.494C>A`, `NM_003156.3:c.494_495delinsAG`: single-base changes first.
    /// Throws the reason there are none: a residue that is not the reference's is a `.referenceMismatch`
    /// (`STIM1 L197P`: residue 197 is Thr), an unknown gene or protein `.unknownReference`, and so on.
    public func codingCandidates(ofProtein text: String) throws(NormalizeError) -> [String] {
        if let fast = fastCodingCandidates(text) { return fast }
        return try generalCodingCandidates(ofProtein: text)
    }

    /// ``codingCandidates(ofProtein:)`` through the back-translation's syntax trees (its generic locals live
    /// here, so the fast answer costs no runtime metadata look-up).
    @inline(never)
    func generalCodingCandidates(ofProtein text: String) throws(NormalizeError) -> [String] {
        do {
            if let indel = try backTranslateIndel(text) {
                return indel.translation.candidates.prefix(IndelBackTranslation.seamLimit).map { $0.hgvs() }
            }
            return try backTranslate(text).translation.candidates.map { $0.hgvs() }
        } catch {
            throw NormalizeError(error)
        }
    }
}

extension NormalizeError {
    /// The normalizer's view of a protein mapping error. For a mismatch, `expected` is what the reference has and
    /// `found` what the input stated, as for nucleotide mismatches.
    public init(_ error: ProteinMappingError) {
        switch error {
        case .referenceMismatch(let mismatch):
            self.init(.referenceMismatch, error.description, expected: mismatch.found, found: mismatch.expected)
        case .unknownReference:
            self.init(.unknownReference, error.description)
        case .positionOutOfRange:
            self.init(.outOfBounds, error.description)
        case .notCoding, .unsupported:
            self.init(.unsupported, error.description)
        }
    }
}
