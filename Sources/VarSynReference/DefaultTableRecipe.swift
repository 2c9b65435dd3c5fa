#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The reproducible recipe of the embedded default table, from the real data in `shared/data`:
///
/// 1. UTA loading data (`uta-lrg/`): the 481 LRG transcripts of 427 genes with sequence, CDS and GRCh37 exons,
///    named NM_/NP_/NG_ through `LRG_RefSeqGene`.
/// 2. GRCh38 exons from `lrg-derived/lrg_transcripts.tsv` (per-gene lift) where supported and not contradicted.
/// 3. LRG XML records (`lrg-xml/*.xml`): genomic sequence, transcripts and GRCh37/GRCh38 mappings with diffs; an
///    XML transcript replaces the UTA transcript of the same LRG id (the XML is preferred).
/// 4. Genes: MANE v1.5 summary (symbol, HGNC id, MANE Select NM_/ENST) and GENCODE v44 aliases.
/// 5. Assemblies: GRCh37.p13 / GRCh38.p14 chromosome names, accessions and lengths.
/// 6. Version equivalences (`equivalences` TSV in the repo), e.g. NM_003156.4 served by NM_003156.3.
/// 7. rsIDs from the ClinVar-style VCF and gcp TSVs given, kept only for the table's genes' chromosomes.
public struct DefaultTableRecipe {
    /// The `shared/data` directory.
    public var dataDirectory: String
    /// Curated version equivalences (TSV: accession, served_by, note).
    public var equivalencesPath: String?
    /// rsID sources (VCF or gcp TSV).
    public var rsidSources: [String]

    public init(dataDirectory: String, equivalencesPath: String? = nil, rsidSources: [String] = []) {
        self.dataDirectory = dataDirectory
        self.equivalencesPath = equivalencesPath
        self.rsidSources = rsidSources
    }

    func path(_ relative: String) -> String { dataDirectory + "/" + relative }

    /// Builds the default table's contents; `progress` receives one line per step.
    public func build(progress: (String) -> Void = { _ in }) throws(ReferenceError) -> ReferenceData {
        progress("UTA LRG transcripts")
        var uta = try UTAImporter(
            sequences: path("uta-lrg/lrg.sequences.fasta.bgz"), exonSet: path("uta-lrg/lrg.exonset.gz"),
            transcriptInfo: path("uta-lrg/lrg.txinfo.gz"),
            refSeqGene: path("uta-lrg/LRG_RefSeqGene.counsyl_snapshot.tsv")
        ).load()
        progress("GRCh38 lift (lrg-derived)")
        let (lifted, _) = try LRGDerivedImporter(path: path("lrg-derived/lrg_transcripts.tsv")).grch38Alignments()
        for i in uta.transcripts.indices {
            let lrg = uta.transcripts[i].alternateAccessions.first ?? uta.transcripts[i].accession
            if let a = lifted[lrg], uta.transcripts[i].alignment(on: .grch38) == nil {
                uta.transcripts[i].alignments.append(a)
            }
        }

        progress("LRG XML records")
        var xml = ReferenceData()
        let xmlDirectory = path("lrg-xml")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: xmlDirectory)) ?? []).filter {
            $0.hasSuffix(".xml")
        }.sorted()
        guard !files.isEmpty else { throw ReferenceError(.missingInput, file: xmlDirectory, "no LRG XML files") }
        for file in files { xml.merge(try LRGXMLImporter(path: xmlDirectory + "/" + file).load()) }
        // The XML wins over UTA for the same LRG transcript (it carries the GRCh38 mapping with its diffs).
        let xmlLRGNames = Set(
            xml.transcripts.flatMap { [$0.accession] + $0.alternateAccessions }.filter { $0.hasPrefix("LRG_") })
        var data = ReferenceData()
        data.transcripts = uta.transcripts.filter { t in
            !(t.alternateAccessions + [t.accession]).contains { xmlLRGNames.contains($0) }
        }
        data.merge(xml, preferOther: true)

        progress("MANE genes and GENCODE aliases")
        let mane = try MANESummaryImporter(path: path("mane/MANE.GRCh38.v1.5.summary.txt.gz")).load()
        data.merge(mane)
        let maneSymbols = Set(mane.genes.map(\.symbol))
        var gencode = try GencodeGeneImporter(aliases: path("gencode-mane/hg38_gene_aliases.json.gz")).load()
        gencode.genes = gencode.genes.filter { maneSymbols.contains($0.symbol) && !$0.aliases.isEmpty }
        data.merge(gencode)
        var hgncOf: [String: Int] = [:]
        for g in data.genes where g.hgncID != 0 { hgncOf[g.symbol] = g.hgncID }
        for i in data.transcripts.indices where data.transcripts[i].hgncID == 0 {
            data.transcripts[i].hgncID = hgncOf[data.transcripts[i].gene] ?? 0
        }

        progress("assemblies")
        data.merge(try AssemblyImporter(path: path("assemblies/GRCh37.p13.json.gz")).load())
        data.merge(try AssemblyImporter(path: path("assemblies/GRCh38.p14.json.gz")).load())

        if let equivalencesPath {
            progress("version equivalences")
            data.equivalences = try VersionEquivalenceImporter(path: equivalencesPath).load()
        }
        if !rsidSources.isEmpty {
            progress("rsIDs")
            for source in rsidSources { data.rsids.append(contentsOf: try RSIDImporter(path: source).load()) }
            data.rsids = RSIDImporter.keep(data.rsids, for: data)
        }
        data.metadata = [
            ("name", "VarSyn default table"),
            (
                "sources",
                "uta-lrg (biocommons/uta ca7c9e8), LRG_RefSeqGene (counsyl snapshot), lrg-derived GRCh38 lift, "
                    + "lrg-xml (EBI-LRG/lrg-xml 00634cf), MANE v1.5, GENCODE v44 aliases, bioutils assemblies"
            ),
            ("recipe", "scripts/build-default-table.sh"),
        ]
        return data
    }
}

/// Reads a version-equivalence TSV: `accession <tab> served_by <tab> note`, `#` comments.
public struct VersionEquivalenceImporter {
    public var path: String
    public init(path: String) { self.path = path }
    public func load() throws(ReferenceError) -> [VersionEquivalence] {
        var result: [VersionEquivalence] = []
        try forEachTSVRecord(path, names: ["accession", "served_by", "note"]) { r throws(ReferenceError) in
            result.append(
                VersionEquivalence(
                    accession: String(try r.string(0)), servedBy: String(try r.string(1)),
                    note: String(try r.string(2))))
        }
        return result
    }
}
