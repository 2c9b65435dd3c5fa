import ArgumentParser
import Foundation
import VarSynReference

/// `varsyn table bench`: the scale measurement reported in docs/README-table.md.
struct TableBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure build time, open time and size on synthetic tables (UTA-format input, N transcripts each).")
    @Option(name: .long, parsing: .upToNextOption, help: "Transcript counts.") var sizes: [Int] = [
        25_000, 50_000, 100_000, 200_000,
    ]
    @Option(name: .long, help: "Scratch directory.") var directory: String = NSTemporaryDirectory()

    func run() throws {
        print(
            "transcripts\tinput MB\tbuild s\tbuild µs/transcript\ttable MB\tbytes/transcript\topen µs (no checksum)\topen µs (checksum)\tlookup ns"
        )
        for n in sizes {
            let dir = directory + "/varsyn-bench-\(n)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let inputs = try SyntheticReference.writeUTAInputs(count: n, to: dir)
            let inputBytes = [inputs.sequences, inputs.exonSet, inputs.transcriptInfo]
                .map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }.reduce(0, +)
            let out = dir + "/table.vstable"
            let clock = ContinuousClock()
            let build = try clock.measure {
                let data = try UTAImporter(
                    sequences: inputs.sequences, exonSet: inputs.exonSet,
                    transcriptInfo: inputs.transcriptInfo, assembly: .grch38
                ).load()
                try TableWriter().write(data, to: out)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            func openTime(_ verify: Bool) throws -> Double {
                let runs = 20
                let d = try clock.measure {
                    for _ in 0..<runs { _ = try ReferenceTable(path: out, verifyChecksum: verify) }
                }
                return Self.seconds(d) / Double(runs) * 1e6
            }
            let fast = try openTime(false)
            let checked = try openTime(true)
            let table = try ReferenceTable(path: out, verifyChecksum: false)
            let queries = (0..<10_000).map { "NM_\(900_000 + ($0 * 7919) % n).1" }
            var found = 0
            let lookups = clock.measure {
                for q in queries where table.transcript(accession: q) != nil { found += 1 }
            }
            guard found == queries.count else { throw ValidationError("lookup failed") }
            let seconds = Self.seconds(build)
            print(
                "\(n)\t\(String(format: "%.1f", Double(inputBytes) / 1e6))\t\(String(format: "%.2f", seconds))\t"
                    + "\(String(format: "%.1f", seconds / Double(n) * 1e6))\t\(String(format: "%.1f", Double(size) / 1e6))\t"
                    + "\(size / n)\t\(String(format: "%.0f", fast))\t\(String(format: "%.0f", checked))\t"
                    + "\(String(format: "%.0f", Self.seconds(lookups) / Double(queries.count) * 1e9))")
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
