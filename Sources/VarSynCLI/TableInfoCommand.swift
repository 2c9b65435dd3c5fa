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

/// `varsyn table info [FILE]`
struct TableInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Print a table's counts and sources.")
    @OptionGroup var options: TableOptions
    @Argument(help: "Table file (default: the embedded default table).") var file: String?

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let table = try options.open(file)
        let openMicroseconds = (DispatchTime.now().uptimeNanoseconds - started) / 1000
        var coding = 0
        var withSequence = 0
        var grch37 = 0
        var grch38 = 0
        var genesWithTranscripts = 0
        var bySource: [String: Int] = [:]
        var alignmentsBySource: [String: Int] = [:]
        for t in table.transcripts {
            bySource[t.source.string, default: 0] += 1
            for a in t.alignments { alignmentsBySource["\(a.assembly) \(a.source)", default: 0] += 1 }
            if t.isCoding { coding += 1 }
            if t.hasSequence { withSequence += 1 }
            if t.alignment(on: .grch37) != nil { grch37 += 1 }
            if t.alignment(on: .grch38) != nil { grch38 += 1 }
        }
        for g in table.genes where !g.transcripts.isEmpty { genesWithTranscripts += 1 }
        var rsids = Set<Int>()
        for a in table.referenceRSIDs { rsids.insert(a) }
        print("table: \(table.origin)")
        let checksumStarted = DispatchTime.now().uptimeNanoseconds
        let checksumOK = table.verifyChecksum()
        let checksumMicroseconds = (DispatchTime.now().uptimeNanoseconds - checksumStarted) / 1000
        print(
            "size: \(table.byteCount) bytes, opened in \(openMicroseconds) µs; checksum "
                + (checksumOK ? "ok" : "MISMATCH") + " (\(checksumMicroseconds) µs)")
        print("transcripts: \(table.transcriptCount) (\(coding) coding, \(withSequence) with sequence)")
        print("alignments: \(table.alignmentCount) (GRCh37 \(grch37), GRCh38 \(grch38))")
        print(
            "  by source: "
                + bySource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print(
            "  alignments by source: "
                + alignmentsBySource.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", "))
        print("exons: \(table.exonCount)")
        print("genes: \(table.geneCount) (\(genesWithTranscripts) with transcripts in the table)")
        print("genomic segments: \(table.segmentCount)")
        print("chromosomes: \(table.chromosomeCount)")
        print("names indexed: \(table.nameCount)")
        print("rsIDs: \(rsids.count) (\(table.rsidAlleleCount) alleles)")
        print("stored bases: \(table.storedBaseCount)")
        for m in table.metadata { print("\(m.key): \(m.value)") }
    }
}

extension ReferenceTable {
    /// Distinct rsID numbers (for `info`).
    var referenceRSIDs: [Int] {
        var result: [Int] = []
        for i in 0..<rsidAlleleCount {
            let r = RSIDRecord(table: self, index: i)
            if result.last != r.rsid { result.append(r.rsid) }
        }
        return result
    }
}
