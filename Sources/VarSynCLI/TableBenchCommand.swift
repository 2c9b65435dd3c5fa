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

/// `varsyn table bench`: the scale measurement reported in docs/README-table.md.
struct TableBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure build time, open time and size on synthetic tables (UTA-format input, N transcripts each).")
    @Option(name: .long, parsing: .upToNextOption, help: "Transcript counts.") var sizes: [Int] = [
        25_000, 50_000, 100_000, 200_000,
    ]
    @Option(name: .long, help: "Scratch directory.") var directory: String = temporaryDirectory()

    func run() throws {
        print(
            "transcripts\tinput MB\tbuild s\tbuild µs/transcript\ttable MB\tbytes/transcript\topen µs (no checksum)\topen µs (checksum)\tlookup ns"
        )
        for n in sizes {
            let dir = directory + "/varsyn-bench-\(n)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let inputs = try SyntheticReference.writeUTAInputs(count: n, to: dir)
            let inputBytes = [inputs.sequences, inputs.exonSet, inputs.transcriptInfo]
                .map { fileSize($0) }.reduce(0, +)
            let out = dir + "/table.vstable"
            let clock = ContinuousClock()
            let build = try clock.measure {
                let data = try UTAImporter(
                    sequences: inputs.sequences, exonSet: inputs.exonSet,
                    transcriptInfo: inputs.transcriptInfo, assembly: .grch38
                ).load()
                try TableWriter().write(data, to: out)
            }
            let size = fileSize(out)
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
                "\(n)\t\(fixed(Double(inputBytes) / 1e6, 1))\t\(fixed(seconds, 2))\t"
                    + "\(fixed(seconds / Double(n) * 1e6, 1))\t\(fixed(Double(size) / 1e6, 1))\t"
                    + "\(size / n)\t\(fixed(fast, 0))\t\(fixed(checked, 0))\t"
                    + "\(fixed(Self.seconds(lookups) / Double(queries.count) * 1e9, 0))")
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
