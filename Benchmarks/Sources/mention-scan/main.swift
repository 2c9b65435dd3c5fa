// mention-scan: single-thread mention scanning and confirmation throughput over the tmVar1 abstracts.
//
//     swift run -c release mention-scan [--corpus PATH] [--passes 9] [--stage scan|unanchored|read|extract]
//
// Text: the 500 tmVar1 abstracts joined by newlines (812,614 bytes), from --corpus, $VARSYN_TMVAR1 or
// ../shared/corpora/tmvar1/tmvar1.jsonl next to the repository. One untimed warm-up pass, then --passes timed
// passes of one stage, each timed by thread CPU time and wall time:
//
//   scan     MentionScanner.countCandidates: start filter + anchored PCRE2 JIT; candidates counted, not built
//   unanchored  the reference: one unanchored PCRE2 JIT search over all patterns (MentionScanner.unanchoredReference)
//   read     the candidates (built once, untimed) confirmed: MentionScanner.read on each (the core parser on the
//            text; if it fails, the prose reader's rebuilt description, parsed)
//   extract  MentionExtractor.mentions (no gene lexicon): scan, build, confirm, offsets, mentions
//
// Prints one JSON object: {"stage", "bytes", "passes", "candidates", "confirmed", "cpu_seconds_median",
// "mb_per_cpu_second_median", "mb_per_second_wall_median", "candidates_per_cpu_second_median"}.
//
// Under callgrind, `--toggle-collect='*varsynTimedPass*'` counts only the timed passes:
//     valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' .build/release/mention-scan --passes 3

import Foundation
import VarSynMentions

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

var corpusPath: String? = ProcessInfo.processInfo.environment["VARSYN_TMVAR1"]
var passes = 9
var stage = "scan"
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--corpus": corpusPath = arguments.next()
    case "--passes": passes = arguments.next().flatMap { Int($0) } ?? passes
    case "--stage": stage = arguments.next() ?? stage
    default:
        FileHandle.standardError.write(
            Data("usage: mention-scan [--corpus PATH] [--passes N] [--stage scan|unanchored|read|extract]\n".utf8))
        exit(2)
    }
}
guard ["scan", "unanchored", "read", "extract"].contains(stage), passes > 0 else {
    FileHandle.standardError.write(Data("mention-scan: unknown stage \(stage) or passes < 1\n".utf8))
    exit(2)
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
let path = corpusPath ?? root.appendingPathComponent("../shared/corpora/tmvar1/tmvar1.jsonl").standardizedFileURL.path
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("mention-scan: cannot read \(path) (set --corpus or VARSYN_TMVAR1)\n".utf8))
    exit(1)
}
var texts: [String] = []
for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
    if let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
        let text = object["text"] as? String
    {
        texts.append(text)
    }
}
let text = texts.joined(separator: "\n")
let bytes = Array(text.utf8)

func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let scanner: MentionScanner
do {
    scanner = try MentionScanner()
} catch {
    FileHandle.standardError.write(Data("mention-scan: \(error)\n".utf8))
    exit(1)
}
let extractor = MentionExtractor(scanner: scanner, lexicon: nil)
let reference: MentionScanner
do {
    reference = try MentionScanner.unanchoredReference()
} catch {
    FileHandle.standardError.write(Data("mention-scan: \(error)\n".utf8))
    exit(1)
}
let candidates = bytes.withUnsafeBufferPointer { scanner.candidates(in: $0) }

/// One timed pass of the stage; returns (candidates, confirmed). Not inlined, so callgrind can toggle on it.
@MainActor @inline(never)
func varsynTimedPass(_ buffer: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
    switch stage {
    case "scan":
        let count = scanner.countCandidates(in: buffer)
        return (count, 0)
    case "unanchored":
        return (reference.countCandidates(in: buffer), 0)
    case "read":
        var confirmed = 0
        for candidate in candidates where scanner.read(candidate, in: buffer) != nil { confirmed += 1 }
        return (candidates.count, confirmed)
    default:
        let mentions = extractor.mentions(inUTF8: buffer)
        return (candidates.count, mentions.count)
    }
}

var cpu: [Double] = []
var wall: [Double] = []
var counts = (0, 0)
bytes.withUnsafeBufferPointer { buffer in
    counts = varsynTimedPass(buffer)  // warm-up (JIT, lazily built prose reader)
    for _ in 0..<passes {
        let cpuStart = threadCPUSeconds()
        let wallStart = wallSeconds()
        counts = varsynTimedPass(buffer)
        wall.append(wallSeconds() - wallStart)
        cpu.append(threadCPUSeconds() - cpuStart)
    }
}
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}
let megabytes = Double(bytes.count) / 1e6
let cpuMedian = median(cpu)
func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
print(
    """
    {"stage":"\(stage)","bytes":\(bytes.count),"passes":\(passes),"candidates":\(counts.0),\
    "confirmed":\(counts.1),"cpu_ms_median":\(rounded(cpuMedian * 1000)),\
    "mb_per_cpu_second_median":\(rounded(megabytes / cpuMedian)),\
    "mb_per_second_wall_median":\(rounded(megabytes / median(wall))),\
    "candidates_per_cpu_second_median":\((Double(counts.0) / cpuMedian).rounded())}
    """)
