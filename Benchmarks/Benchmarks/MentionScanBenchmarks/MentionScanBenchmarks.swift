// Mention scanning benchmarks (ordo-one/benchmark): `swift package benchmark --target MentionScanBenchmarks` from
// Benchmarks/.
//
// Text: the 500 tmVar1 abstracts joined by newlines (812,614 bytes), read from $VARSYN_TMVAR1, default
// ../shared/corpora/tmvar1/tmvar1.jsonl next to the repository. One iteration = one pass over the whole text, so
// MB/s = throughput (passes/s) × 0.8126, and MB per CPU second = 0.8126 / (CPU time per pass in s).
//
// Benchmarks (the same patterns, Grammars/mentions.pcre2, in every engine; all find 1,452 candidates per pass):
//   Mention scan (PCRE2 JIT, MentionScanner)         the shipped scanner: Swift start filter + anchored JIT
//                                                    alternations per first byte; candidates counted, not built
//   Mention scan (PCRE2 JIT, one unanchored search)  one unanchored search over all patterns (the reference)
//   Mention scan (NSRegularExpression, ICU)          Foundation's engine on the same combined pattern
//   Mention confirm (parser + prose reader, …)       MentionScanner.read on every candidate (built once, untimed):
//                                                    the parser on the text, else the prose reader's rebuilt text
//   Mention extract (scan + confirm, no gene lexicon)  MentionExtractor: candidates built, confirmed, mentions

import Benchmark
import Foundation
import VarSynMentions

/// The tmVar1 abstracts joined by newlines.
func loadTmVar1Text() -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let path =
        ProcessInfo.processInfo.environment["VARSYN_TMVAR1"]
        ?? root.appendingPathComponent("../shared/corpora/tmvar1/tmvar1.jsonl").standardizedFileURL.path
    guard let data = FileManager.default.contents(atPath: path) else {
        fatalError("tmVar1 corpus not found at \(path); set VARSYN_TMVAR1")
    }
    var texts: [String] = []
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
        if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
            let text = object["text"] as? String
        {
            texts.append(text)
        }
    }
    return texts.joined(separator: "\n")
}

let benchmarks: @Sendable () -> Void = {
    let text = loadTmVar1Text()
    let bytes = Array(text.utf8)
    let pass = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        warmupIterations: 2,
        maxDuration: .seconds(5),
        maxIterations: 200
    )

    Benchmark("Mention scan (PCRE2 JIT, MentionScanner)", configuration: pass) { benchmark in
        let scanner = try MentionScanner()
        bytes.withUnsafeBufferPointer { buffer in
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(scanner.countCandidates(in: buffer)) }
            benchmark.stopMeasurement()
        }
    }

    Benchmark("Mention scan (PCRE2 JIT, one unanchored search)", configuration: pass) { benchmark in
        let scanner = try MentionScanner.unanchoredReference()
        bytes.withUnsafeBufferPointer { buffer in
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(scanner.countCandidates(in: buffer)) }
            benchmark.stopMeasurement()
        }
    }

    Benchmark(
        "Mention scan (NSRegularExpression, ICU)",
        configuration: .init(
            metrics: [.wallClock, .cpuTotal, .throughput], warmupIterations: 0, maxDuration: .seconds(5),
            maxIterations: 3)
    ) { benchmark in
        let regex = try NSRegularExpression(
            pattern: try MentionScanner.combinedPatternSource(), options: [.allowCommentsAndWhitespace])
        let range = NSRange(location: 0, length: (text as NSString).length)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(regex.numberOfMatches(in: text, range: range)) }
        benchmark.stopMeasurement()
    }

    Benchmark("Mention confirm (parser + prose reader, candidates prebuilt)", configuration: pass) { benchmark in
        let scanner = try MentionScanner()
        bytes.withUnsafeBufferPointer { buffer in
            let candidates = scanner.candidates(in: buffer)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                var confirmed = 0
                for candidate in candidates where scanner.read(candidate, in: buffer) != nil { confirmed += 1 }
                blackHole(confirmed)
            }
            benchmark.stopMeasurement()
        }
    }

    Benchmark("Mention extract (scan + confirm, no gene lexicon)", configuration: pass) { benchmark in
        let extractor = MentionExtractor(scanner: try MentionScanner(), lexicon: nil)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(extractor.mentions(in: text).count) }
        benchmark.stopMeasurement()
    }
}
