/// The seam to the protein module (c. -> p. consequence, p. -> c. back-translation), which lives in the same
/// module but is developed separately. The normalizer calls it when set; without it `hgvsP` and `proteinKey`
/// stay empty and p. input is reported as unsupported.
///
/// An adapter over the protein module's `ProteinMapper` is a few lines:
/// ```swift
/// struct MapperSeam: ProteinSeam {
///     let mapper: ProteinMapper<TableReferenceProvider>
///     func proteinDescription(ofCoding hgvsC: String) -> String? { try? mapper.consequence(of: hgvsC).hgvs() }
///     func codingCandidates(ofProtein text: String) -> [String] {
///         (try? mapper.backTranslate(text).singleNucleotide.map { $0.hgvs() }) ?? []
///     }
/// }
/// ```
public protocol ProteinSeam: Sendable {
    /// The p. description of a normalized c. description: `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`.
    func proteinDescription(ofCoding hgvsC: String) -> String?
    /// c. descriptions that produce a p. description (`STIM1 P165Q` -> `NM_003156.3:c.494C>A`), best first.
    func codingCandidates(ofProtein text: String) -> [String]
}

/// The protein key of a p. description: accession and change without the prediction parentheses.
///
/// `NP_003147.2:p.(Pro165Gln)` -> `NP_003147.2:p.Pro165Gln`.
public func proteinKey(of hgvsP: String) -> String {
    guard let colon = hgvsP.firstIndex(of: ":") else { return hgvsP }
    let accession = hgvsP[..<colon]
    var body = hgvsP[hgvsP.index(after: colon)...]
    if body.hasPrefix("p.(") && body.hasSuffix(")") {
        body = "p." + body.dropFirst(3).dropLast()
    }
    return accession + ":" + body
}
