// swift-tools-version:6.1
// VarSyn: a variant nomenclature synonymizer.
//
// Module layout (one job each):
//   VarSynCore       no Foundation; byte-level HGVS + shorthand parser, syntax tree, printer, parse errors
//   VarSynReference  transcript coordinate table: model, importers, binary table, lookups
//   CZlib            system zlib (gzip / bgzip input for the importers)
//   CPCRE2           system PCRE2 (libpcre2-8), with a shim that sets the code unit width
//   CVarSynScan      header-only C: 32-byte SSE2 byte classification for the mention scanner's start filter
//   VarSynMentions   free-text mention finder: PCRE2 scanning, confirmed by the core parser
//   VarSynNormalize  mapping c./n./g./r./p., validation, normalization, keys, synonyms (reference via a protocol)
//   VarSynCLI        the `varsyn` commands (the only place that prints and picks exit codes)
//   varsyn           the executable: calls VarSynCLI
import PackageDescription

// Absolute path of the embedded default table, for the assembler's .incbin in Sources/CVarSynDefaultTable.
let defaultTablePath = String(#filePath.dropLast("Package.swift".count)) + "Sources/CVarSynDefaultTable/default.vstable"

let package = Package(
    name: "VarSyn",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VarSynCore", targets: ["VarSynCore"]),
        .library(name: "VarSynReference", targets: ["VarSynReference"]),
        .library(name: "VarSynMentions", targets: ["VarSynMentions"]),
        .library(name: "VarSynNormalize", targets: ["VarSynNormalize"]),
        .executable(name: "varsyn", targets: ["varsyn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "VarSynCore"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "CVarSynDefaultTable",
            exclude: ["default.vstable"],
            cSettings: [.define("VARSYN_DEFAULT_TABLE_PATH", to: "\"\(defaultTablePath)\"")]
        ),
        .target(name: "VarSynReference", dependencies: ["CZlib", "CVarSynDefaultTable"]),
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "CVarSynScan"),
        .target(name: "VarSynMentions", dependencies: ["VarSynCore", "CPCRE2", "CVarSynScan"]),
        .target(name: "VarSynNormalize", dependencies: ["VarSynCore", "VarSynReference"]),
        .target(
            name: "VarSynCLI",
            dependencies: [
                "VarSynCore",
                "VarSynReference",
                "VarSynMentions",
                "VarSynNormalize",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "varsyn", dependencies: ["VarSynCLI"]),
        .executableTarget(name: "AnnotateTSV", dependencies: ["VarSynNormalize", "VarSynReference"], path: "Examples/AnnotateTSV"),
        .testTarget(name: "VarSynCoreTests", dependencies: ["VarSynCore"], exclude: ["Fixtures"]),
        .target(name: "CVarSynAllocationCounter", path: "Tests/CVarSynAllocationCounter"),
        .testTarget(name: "VarSynReferenceTests", dependencies: ["VarSynReference", "CVarSynAllocationCounter"]),
        .testTarget(name: "VarSynMentionsTests", dependencies: ["VarSynMentions", "CVarSynScan"]),
        .testTarget(name: "VarSynNormalizeTests", dependencies: ["VarSynNormalize"], exclude: ["Fixtures"]),
        .testTarget(name: "VarSynCLITests", dependencies: ["VarSynCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
