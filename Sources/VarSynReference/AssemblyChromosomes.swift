/// The primary chromosomes of GRCh37 and GRCh38 with their RefSeq accessions, built in so that importers can
/// name chromosomes without an assembly report (GTF `11` -> `NC_000011.10` on GRCh38).
extension Assembly {
    /// `1`...`22`, `X`, `Y`, `MT` in order.
    static let chromosomeNames: [String] = (1...22).map(String.init) + ["X", "Y", "MT"]
    /// RefSeq versions of NC_000001..NC_000024 per assembly.
    static let grch37Versions = [10, 11, 11, 11, 9, 11, 13, 10, 11, 10, 9, 11, 10, 8, 9, 9, 10, 9, 9, 10, 8, 10, 10, 9]
    static let grch38Versions = [
        11, 12, 12, 12, 10, 12, 14, 11, 12, 11, 10, 12, 11, 9, 10, 10, 11, 10, 10, 11, 9, 11, 11, 10,
    ]

    /// RefSeq accession of a primary chromosome name (`11`, `chr11`, `X`, `chrM`), nil for other names.
    public func chromosomeAccession(name: String) -> String? {
        var n = name.hasPrefix("chr") ? String(name.dropFirst(3)) : name
        if n == "M" { n = "MT" }
        guard let i = Self.chromosomeNames.firstIndex(of: n) else { return nil }
        if n == "MT" { return "NC_012920.1" }
        let versions = self == .grch37 ? Self.grch37Versions : Self.grch38Versions
        let number = String(i + 1)
        return "NC_" + String(repeating: "0", count: 6 - number.count) + number + ".\(versions[i])"
    }

    /// The assembly a primary-chromosome accession belongs to (`NC_000011.10` -> GRCh38); nil for NC_012920.1
    /// (shared) and other sequences.
    public init?(chromosomeAccession accession: String) {
        guard accession.hasPrefix("NC_0000"), let dot = accession.firstIndex(of: "."),
            let number = Int(accession[accession.index(accession.startIndex, offsetBy: 3)..<dot]),
            let version = Int(accession[accession.index(after: dot)...]), number >= 1, number <= 24
        else { return nil }
        if Self.grch38Versions[number - 1] == version {
            self = .grch38
        } else if Self.grch37Versions[number - 1] == version {
            self = .grch37
        } else {
            return nil
        }
    }
}
