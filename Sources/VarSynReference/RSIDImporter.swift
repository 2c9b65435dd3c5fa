/// Importer of rsIDs: dbSNP/ClinVar-style VCF (`#CHROM POS ID REF ALT ...`, `rs` ids in ID, `CLNHGVS=` in INFO)
/// and the biocommons gcp TSVs (`id HGVSg HGVSc HGVSp`). Each rsID gets one allele text per description:
/// `NC_000012.11:g.122064537C>T` (HGVS as given), or for a VCF row without `CLNHGVS` `11:g.3988858C>A` (SNV) /
/// `11:3988858:CT:C` (other, VCF style).
public struct RSIDImporter {
    public var path: String
    public init(path: String) { self.path = path }

    public func load() throws(ReferenceError) -> [RSIDAllele] {
        let bytes = try InputFile.read(path)
        var result: [RSIDAllele] = []
        var header: [String] = []
        var isVCF = false
        for (number, text) in LineReader(bytes) where !text.isEmpty {
            if text.starts(with: Array("##".utf8)) {
                if header.isEmpty { isVCF = true }
                continue
            }
            if header.isEmpty {
                let line = String(decoding: text, as: UTF8.self)
                header = line.split(separator: "\t").map(String.init)
                if line.hasPrefix("#CHROM") {
                    isVCF = true
                } else if header.first != "id" {
                    throw ReferenceError(
                        .unknownFormat, file: path, line: number,
                        "expected a VCF (#CHROM header) or a gcp TSV (id HGVSg HGVSc HGVSp header)")
                }
                continue
            }
            if text.first == UInt8(ascii: "#") { continue }
            let r = TSVRecord(file: path, line: number, text: text, names: header)
            if isVCF {
                let ids = try r.string(2)
                let chrom = try r.string(0)
                let ref = try r.string(3)
                let position = try r.int(1)
                let clnhgvs =
                    r.optional(7).split(separator: ";").first { $0.hasPrefix("CLNHGVS=") }?.dropFirst(8)
                    .split(separator: ",").map(String.init) ?? []
                for id in ids.split(separator: ";") where id.hasPrefix("rs") {
                    guard let number = Int(id.dropFirst(2)) else { throw r.fail(2, "bad rsID \"\(id)\"") }
                    for allele in clnhgvs { result.append(RSIDAllele(rsid: number, allele: allele)) }
                    for alt in try r.string(4).split(separator: ",") {
                        let text =
                            ref.count == 1 && alt.count == 1
                            ? "\(chrom):g.\(position)\(ref)>\(alt)" : "\(chrom):\(position):\(ref):\(alt)"
                        result.append(RSIDAllele(rsid: number, allele: text))
                    }
                }
            } else {
                let id = try r.string(0)
                guard id.hasPrefix("rs") else { continue }
                guard let number = Int(id.dropFirst(2)) else { throw r.fail(0, "bad rsID \"\(id)\"") }
                for column in 1...3 where !r.optional(column).isEmpty {
                    result.append(RSIDAllele(rsid: number, allele: String(r.optional(column))))
                }
            }
        }
        return result
    }

    /// The rsIDs that belong to `data`'s genes: one of their alleles names a transcript or protein accession of
    /// the table (any version), or a genomic position inside one of its alignments.
    public static func keep(_ alleles: [RSIDAllele], for data: ReferenceData) -> [RSIDAllele] {
        func base(_ s: Substring) -> Substring { s.split(separator: ".").first ?? s }
        var accessions = Set<Substring>()
        var spans: [String: [GenomicInterval]] = [:]
        for t in data.transcripts {
            for name in [t.accession, t.proteinAccession] + t.alternateAccessions where !name.isEmpty {
                accessions.insert(base(name[...]))
            }
            for a in t.alignments { spans[a.chromosome, default: []].append(a.span) }
        }
        var wanted = Set<Int>()
        for a in alleles {
            guard let colon = a.allele.firstIndex(of: ":") else { continue }
            let accession = a.allele[..<colon]
            if accessions.contains(base(accession)) {
                wanted.insert(a.rsid)
                continue
            }
            let rest = a.allele[a.allele.index(after: colon)...]
            if let intervals = spans[String(accession)], rest.hasPrefix("g.") {
                let digits = rest.dropFirst(2).prefix { $0.isNumber }
                if let p = Int(digits), intervals.contains(where: { $0.contains(p - 1) }) { wanted.insert(a.rsid) }
            }
        }
        return alleles.filter { wanted.contains($0.rsid) }
    }
}
