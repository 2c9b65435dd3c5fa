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

/// `varsyn table lookup [FILE] NM_003156.3|STIM1|NC_000011.10:4055634|rs123`
struct TableLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up a transcript, protein, gene, LRG/NG record, genomic position (1-based) or rsID.",
        discussion:
            "Examples: NM_003156.3, NM_003156, LRG_164t1, NP_003147.2, STIM1, LRG_164, NC_000011.10:4055634, chr11:4076864 --assembly GRCh37, rs184479614."
    )
    @OptionGroup var options: TableOptions
    @Option(name: .long, help: "Assembly for chromosome names (GRCh37 or GRCh38).") var assembly: String?
    @Argument(help: "[FILE] QUERY") var arguments: [String]

    func run() throws {
        guard let query = arguments.last else { throw ValidationError("give a query") }
        let file = arguments.count > 1 ? arguments[0] : nil
        let table = try options.open(file)
        let assembly = self.assembly.flatMap { Assembly(name: $0) }
        if let colon = query.lastIndex(of: ":"),
            let position = Int(query[query.index(after: colon)...].filter { $0 != "," })
        {
            let chromosome = String(query[..<colon])
            var found = false
            for feature in table.features(
                overlapping: GenomicInterval(start: position - 1, end: position), on: chromosome, assembly: assembly)
            {
                found = true
                switch feature {
                case .alignment(let a):
                    let t = a.transcript
                    var line = "\(t.accession)\t\(t.gene)\t\(a.assembly)\t\(a.chromosome)\t\(a.strand)\t\(a.span)"
                    if let p = a.transcriptPosition(ofGenomicPosition: position - 1) {
                        line += "\tn.\(p + 1)"
                        if let cds = t.cds { line += "\t" + Self.coding(p, cds) }
                    } else {
                        line += "\tintron"
                    }
                    print(line)
                case .placement(let p):
                    print(
                        "\(p.segment.accession)\t\(p.segment.gene)\t\(p.assembly)\t\(p.chromosome)\t\(p.strand)\t\(p.genomic)"
                    )
                }
            }
            if !found { throw TableCLIError(ReferenceError(.missingInput, "nothing in the table at \(query)")) }
            return
        }
        if query.hasPrefix("rs"), let number = Int(query.dropFirst(2)) {
            let alleles = table.alleles(rsid: number)
            guard !alleles.isEmpty else {
                throw TableCLIError(ReferenceError(.missingInput, "\(query) is not in the table"))
            }
            for a in alleles { print("rs\(a.rsid)\t\(a.allele)") }
            return
        }
        if let resolution = table.transcript(accession: query) {
            if let warning = resolution.warning(requested: query) { printError("warning: \(warning)") }
            printTranscript(resolution.record)
            return
        }
        if let t = table.transcript(protein: query) {
            printTranscript(t)
            return
        }
        if let g = table.gene(symbol: query) {
            print(
                "gene \(g.symbol)\tHGNC:\(g.hgncID)\tMANE Select \(g.maneRefSeq.isEmpty ? "-" : g.maneRefSeq.string) / \(g.maneEnsembl.isEmpty ? "-" : g.maneEnsembl.string)"
            )
            for t in g.transcripts { printTranscript(t) }
            return
        }
        if let s = table.segment(accession: query) {
            print("segment \(s.accession)\t\(s.gene)\t\(s.length) nt\tsource \(s.source)")
            for p in s.placements {
                print("  \(p.assembly)\t\(p.chromosome)\t\(p.strand)\t\(p.genomic)\t\(p.differences.count) differences")
            }
            return
        }
        throw TableCLIError(ReferenceError(.missingInput, "\(query) is not in the table"))
    }

    static func coding(_ p: Int, _ cds: TranscriptInterval) -> String {
        if p < cds.start { return "c.-\(cds.start - p)" }
        if p >= cds.end { return "c.*\(p - cds.end + 1)" }
        return "c.\(p - cds.start + 1)"
    }

    func printTranscript(_ t: TranscriptRecord) {
        let cds = t.cds.map { "CDS \($0)" } ?? "non-coding"
        print(
            "\(t.accession)\t\(t.gene)\tHGNC:\(t.hgncID)\t\(t.proteinAccession.isEmpty ? "-" : t.proteinAccession.string)\t\(t.length) nt\t\(t.exons.count) exons\t\(cds)\tsource \(t.source)"
        )
        for a in t.alignments {
            let exons = a.exons.map {
                "\($0.genomic.hgvsStart)-\($0.genomic.hgvsEnd)" + ($0.cigar.isEmpty ? "" : "[\($0.cigar)]")
            }
            print("  \(a.assembly)\t\(a.chromosome)\t\(a.strand)\t\(a.source)\t\(exons.joined(separator: ","))")
        }
    }
}

/// `varsyn table add-rsids TABLE VCF|TSV…`
struct TableAddRSIDsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-rsids",
        abstract:
            "Add rsIDs from dbSNP/ClinVar-style VCF or biocommons gcp TSV files to a table (rewritten atomically)."
    )
    @Option(name: .long, help: "Keep every rsID, not only those of the table's transcripts.") var all = false
    @Argument(help: "Table file.") var table: String
    @Argument(help: "VCF or TSV files.") var inputs: [String]

    func run() throws {
        let result = Result { () throws(ReferenceError) in
            var data = try ReferenceTable(path: table).referenceData()
            var added: [RSIDAllele] = []
            for input in inputs { added += try RSIDImporter(path: input).load() }
            if !all { added = RSIDImporter.keep(added, for: data) }
            let before = Set(data.rsids.map(\.rsid)).count
            data.rsids += added
            try TableWriter().write(data, to: table)
            print("\(table): \(Set(data.rsids.map(\.rsid)).count - before) rsIDs added (\(added.count) alleles read)")
        }
        if case .failure(let error) = result { throw TableCLIError(error) }
    }
}
