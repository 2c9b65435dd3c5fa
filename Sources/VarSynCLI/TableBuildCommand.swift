import ArgumentParser
import Dispatch
import VarSynReference
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Input formats `varsyn table build` reads.
enum TableInputFormat: String, ExpressibleByArgument, CaseIterable {
    case uta
    case lrgXML = "lrg-xml"
    case lrgDerived = "lrg-derived"
    case maneSummary = "mane-summary"
    case maneExons = "mane-exons"
    case gencodeAliases = "gencode-aliases"
    case assembly, equivalences, rsids, table, cdot, gff, fasta
    case gencodeExons = "gencode-exons"
    case gencodeGenes = "gencode-genes"

    /// Guesses the format from the file name (and for XML the first bytes).
    static func detect(_ path: String) -> TableInputFormat? {
        let name = lastPathComponent(path)
        let lower = name.lowercased()
        if lower.hasSuffix(".xml") || lower.hasPrefix("lrg_") && !lower.contains(".") { return .lrgXML }
        if lower.contains("exonset") || lower.contains("txinfo") || lower.contains("sequences.fasta")
            || lower.hasPrefix("lrg_refseqgene")
        {
            return .uta
        }
        if lower == "lrg_transcripts.tsv" { return .lrgDerived }
        if lower.contains("mane") && lower.contains("summary") { return .maneSummary }
        if lower.hasPrefix("mane_grch38_exons") { return .maneExons }
        if lower.contains("gene_aliases") { return .gencodeAliases }
        if lower.hasSuffix("exons.bed.gz") || lower.hasSuffix("exons.bed") { return .gencodeExons }
        if lower.hasSuffix("_genes.tsv.gz") || lower.hasSuffix("_genes.tsv") { return .gencodeGenes }
        if lower.hasPrefix("grch37") || lower.hasPrefix("grch38") { return .assembly }
        if lower.contains("equivalences") { return .equivalences }
        if lower.contains(".vcf") || lower.contains("dbsnp") { return .rsids }
        if lower.hasSuffix(".vstable") { return .table }
        if lower.contains("cdot") && lower.contains(".json") { return .cdot }
        if lower.contains("transcript_sequences") && lower.contains(".json") { return .cdot }
        if lower.contains(".gff") || lower.contains(".gtf") { return .gff }
        if lower.contains(".fa") || lower.contains(".fasta") || lower.contains(".fna") { return .fasta }
        return nil
    }
}

/// `varsyn table build --out FILE INPUT…`
struct TableBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a binary table from RefSeq/LRG/UTA/MANE/GENCODE inputs (gzip and bgzip read directly).",
        discussion: """
            Formats are detected from file names; --format forces one for all inputs. UTA input is the trio
            sequences.fasta(.bgz), exonset(.gz), txinfo(.gz), optionally with LRG_RefSeqGene.
            --default DATA_DIR builds the embedded default table from ../shared/data (see scripts/build-default-table.sh).
            GFF3/GTF inputs use FASTA inputs given alongside for sequences; cdot JSON may come with its transcript sequences JSON.
            The output is written atomically: a failed build never leaves a half-written table.
            """
    )

    @Option(name: .long, help: "Output table file.") var out: String
    @Option(
        name: .long,
        help:
            "Input format for all inputs (default: detected). One of: \(TableInputFormat.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var format: TableInputFormat?
    @Option(name: .customLong("default"), help: "Build the default table from this shared/data directory.")
    var defaultData: String?
    @Option(name: .long, help: "Version equivalences TSV (with --default).") var equivalences: String?
    @Option(name: .long, help: "Assembly of GTF chromosome names without accession (GRCh37 or GRCh38).") var assembly:
        String?
    @Option(name: .long, help: "rsID sources, VCF or gcp TSV (with --default); repeatable.") var rsids: [String] = []
    @Argument(help: "Input files.") var inputs: [String] = []

    func run() throws {
        let progress = Progress()
        let start = Date()
        let data: ReferenceData
        switch buildData(progress: progress) {
        case .success(let built): data = built
        case .failure(let error):
            progress.finish()
            throw TableCLIError(error)
        }
        progress.finish()
        let size = fileSize(out)
        print(
            "wrote \(out): \(data.transcripts.count) transcripts, \(data.segments.count) genomic segments, "
                + "\(data.genes.count) genes, \(data.rsids.count) rsID alleles, \(size) bytes in "
                + fixed(Date().timeIntervalSince(start), 2) + " s")
    }

    func buildData(progress: Progress) -> Result<ReferenceData, ReferenceError> {
        Result { () throws(ReferenceError) -> ReferenceData in
            var data = ReferenceData()
            if let defaultData {
                let counter = StepCounter()
                data = try DefaultTableRecipe(
                    dataDirectory: defaultData, equivalencesPath: equivalences, rsidSources: rsids
                )
                .build { label in
                    counter.value += 1
                    progress.step(counter.value, of: 7, label)
                }
            }
            data.merge(try importInputs(progress: progress))
            try TableWriter().write(data, to: out)
            return data
        }
    }

    func importInputs(progress: Progress) throws(ReferenceError) -> ReferenceData {
        var grouped: [TableInputFormat: [String]] = [:]
        for input in inputs {
            guard let f = format ?? TableInputFormat.detect(input) else {
                throw ReferenceError(.unknownFormat, file: input, "cannot tell the format from the name; use --format")
            }
            grouped[f, default: []].append(input)
        }
        var data = ReferenceData()
        var done = 0
        let total = inputs.count
        func tick(_ label: String, _ n: Int) {
            done += n
            progress.step(done, of: total, label)
        }
        if let files = grouped[.table] {
            for f in files {
                data.merge(try ReferenceTable(path: f).referenceData())
                tick(f, 1)
            }
        }
        if let files = grouped[.uta] {
            func pick(_ key: String) -> String? {
                files.first { lastPathComponent($0).lowercased().contains(key) }
            }
            guard let sequences = pick("sequences") ?? pick("fasta"), let exonSet = pick("exonset"),
                let txinfo = pick("txinfo")
            else {
                throw ReferenceError(
                    .missingInput, file: files.joined(separator: ", "),
                    "UTA input needs sequences.fasta, exonset and txinfo files")
            }
            data.merge(
                try UTAImporter(
                    sequences: sequences, exonSet: exonSet, transcriptInfo: txinfo,
                    refSeqGene: pick("lrg_refseqgene")
                ).load())
            tick("UTA", files.count)
        }
        for f in grouped[.lrgXML] ?? [] {
            data.merge(try LRGXMLImporter(path: f).load(), preferOther: true)
            tick(f, 1)
        }
        for f in grouped[.lrgDerived] ?? [] {
            let (lifted, _) = try LRGDerivedImporter(path: f).grch38Alignments()
            for i in data.transcripts.indices {
                let names = [data.transcripts[i].accession] + data.transcripts[i].alternateAccessions
                if let a = names.lazy.compactMap({ lifted[$0] }).first,
                    data.transcripts[i].alignment(on: .grch38) == nil
                {
                    data.transcripts[i].alignments.append(a)
                }
            }
            tick(f, 1)
        }
        if let files = grouped[.cdot] {
            let sequences = files.first { $0.contains("sequences") }
            for f in files where f != sequences {
                data.merge(try CDotImporter(path: f, sequences: sequences).load())
                tick(f, 1)
            }
        }
        for f in grouped[.gff] ?? [] {
            data.merge(
                try GFFImporter(
                    path: f, fasta: grouped[.fasta] ?? [], assembly: assembly.flatMap { Assembly(name: $0) }
                ).load())
            tick(f, 1)
        }
        for f in grouped[.gencodeExons] ?? [] {
            guard let genes = grouped[.gencodeGenes]?.first else {
                throw ReferenceError(
                    .missingInput, file: f, "GENCODE exons need the gene table (hg38_genes.tsv.gz) for strands")
            }
            data.merge(try GencodeExonImporter(exons: f, genes: genes).load())
            tick(f, 2)
        }
        for f in grouped[.maneSummary] ?? [] {
            data.merge(try MANESummaryImporter(path: f).load())
            tick(f, 1)
        }
        for f in grouped[.maneExons] ?? [] {
            data.merge(try MANEExonsImporter(path: f).load())
            tick(f, 1)
        }
        for f in grouped[.gencodeAliases] ?? [] {
            data.merge(try GencodeGeneImporter(aliases: f).load())
            tick(f, 1)
        }
        for f in grouped[.assembly] ?? [] {
            data.merge(try AssemblyImporter(path: f).load())
            tick(f, 1)
        }
        for f in grouped[.equivalences] ?? [] {
            data.equivalences += try VersionEquivalenceImporter(path: f).load()
            tick(f, 1)
        }
        for f in grouped[.rsids] ?? [] {
            data.rsids += try RSIDImporter(path: f).load()
            tick(f, 1)
        }
        return data
    }
}

final class StepCounter {
    var value = 0
}
