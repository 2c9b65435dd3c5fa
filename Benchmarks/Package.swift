// swift-tools-version:6.1
// VarSyn benchmarks: a package of its own, so the benchmark dependencies never reach the library's users.
//
//   ParseBenchmarks    ordo-one/benchmark suite (`swift package benchmark`): wall time, throughput and
//                      malloc counts of the HGVS parser over the 100,000-string peer corpus
//   parse-throughput   plain executable (`swift run -c release parse-throughput`): N passes over the corpus on
//                      one thread, prints one JSON object; what run-parse-comparison.sh compares with the peers
//   MentionScanBenchmarks  ordo-one/benchmark suite: mention scanning over the tmVar1 abstracts, PCRE2 JIT
//                      (VarSynMentions) beside NSRegularExpression on the same patterns
//   mention-scan       plain executable (`swift run -c release mention-scan --stage scan|read|extract`): mention
//                      scanning, confirmation, extraction over tmVar1 on one thread (CPU-time medians, JSON); also
//                      what callgrind counts instructions per byte on
//   CorpusSupport      loads the corpus (`kind<TAB>hgvs` lines) into one contiguous byte buffer with offsets
import PackageDescription

let package = Package(
    name: "VarSynBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "VarSyn", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "CorpusSupport"),
        .executableTarget(
            name: "parse-throughput",
            dependencies: [
                "CorpusSupport",
                .product(name: "VarSynCore", package: "VarSyn"),
            ]
        ),
        .executableTarget(
            name: "mention-scan",
            dependencies: [
                .product(name: "VarSynMentions", package: "VarSyn")
            ]
        ),
        .executableTarget(
            name: "ParseBenchmarks",
            dependencies: [
                "CorpusSupport",
                .product(name: "VarSynCore", package: "VarSyn"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ParseBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
        .executableTarget(
            name: "MentionScanBenchmarks",
            dependencies: [
                .product(name: "VarSynMentions", package: "VarSyn"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MentionScanBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark")
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
