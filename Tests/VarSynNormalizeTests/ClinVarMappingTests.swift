import Foundation
import Testing
import VarSynReference

@testable import VarSynNormalize

/// c. -> g. mapping against ClinVar (biocommons `clinvar.gz`: one variant's GRCh37, GRCh38 and c. names per row),
/// on the embedded default table: for every c. name on a transcript the table holds with that exact version,
/// the key reached from c. must equal the key reached from each g. name.
@Suite struct ClinVarMappingTests {
    struct Tally {
        var compared = 0
        var agree = 0
        var disagreements: [String] = []
        var unavailable = 0
        /// Pairs more than 100 bp apart: the ClinVar row lists names of different variants (haplotype members).
        var apart = 0
    }

    static func position(_ spdi: String) -> Int? {
        let f = spdi.split(separator: ":", omittingEmptySubsequences: false)
        return f.count == 4 ? Int(f[1]) : nil
    }

    static func run() throws -> Tally {
        let url = FerroAgreementTests.shared.appendingPathComponent("conformance/biocommons/clinvar.gz")
        let text = try gunzip(url)
        let normalizer = Normalizer(table: SeedTests.table)
        var tally = Tally()
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {  // the file has CRLF line ends
            let fields = line.split(separator: "\t")
            guard fields.count == 3 else { continue }
            let names = fields[2].split(separator: " ").map(String.init)
            let genomic = names.filter { $0.hasPrefix("NC_") }
            for c in names where c.hasPrefix("NM_") && c.contains(":c.") {
                let accession = String(c.prefix { $0 != ":" })
                guard SeedTests.table.transcript(exactly: accession) != nil else { continue }
                let fromC = try? normalizer.normalize(c)
                for g in genomic {
                    let fromG = try? normalizer.normalize(g)
                    guard let kc = fromC?.key, let kg = fromG?.key else {
                        tally.unavailable += 1
                        continue
                    }
                    if let a = position(kc), let b = position(kg), abs(a - b) > 100 {
                        tally.apart += 1
                        continue
                    }
                    tally.compared += 1
                    if kc == kg { tally.agree += 1 } else { tally.disagreements.append("\(c)\t\(g)\t\(kc)\t\(kg)") }
                }
            }
        }
        return tally
    }

    static func gunzip(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func clinvarKeysAgree() throws {
        let t = try Self.run()
        print(
            "ClinVar c. vs g. keys: \(t.agree)/\(t.compared) agree, \(t.disagreements.count) disagree, \(t.unavailable) pairs without a key on one side, \(t.apart) pairs naming different variants (>100 bp apart)"
        )
        let fixture = FerroAgreementTests.root.appendingPathComponent("Fixtures/clinvar-mapping-disagreements.tsv")
        let listed = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t").prefix(4).joined(separator: "\t") }
        #expect(t.disagreements == listed)
        #expect(t.agree >= 1_749)
    }
}
