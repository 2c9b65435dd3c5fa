/// The protein side plugged into the normalizer's `ProteinSeam`: `Normalizer(…, protein: ProteinMapper(provider))`
/// fills `hgvsP` and `proteinKey` and answers p. input.
extension ProteinMapper: ProteinSeam {
    /// `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`; nil when the consequence cannot be computed (the reason
    /// is in `consequence(of:)`'s error).
    public func proteinDescription(ofCoding hgvsC: String) -> String? {
        try? consequence(of: hgvsC).consequence.hgvs()
    }

    /// `STIM1 P165Q` -> `NM_003156.3:c.494C>A`, `NM_003156.3:c.494_495delinsAG`: single-base changes first; empty
    /// when the text is not a protein substitution on a known transcript or its residue is not the reference's.
    public func codingCandidates(ofProtein text: String) -> [String] {
        (try? backTranslate(text).translation.candidates.map { $0.hgvs() }) ?? []
    }
}
