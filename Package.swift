// swift-tools-version:6.1
// VarSyn: a variant nomenclature synonymizer.
//
// Module layout (one job each):
//   VarSynCore       no Foundation; byte-level HGVS + shorthand parser, syntax tree, printer, parse errors
//   VarSynReference  transcript coordinate table: model, importers, binary table, lookups
//   CZlib            system zlib (gzip / bgzip input for the importers)
//   CPCRE2           system PCRE2 (libpcre2-8), with a shim that sets the code unit width
//   VarSynMentions   free-text mention finder: PCRE2 scanning, confirmed by the core parser
//   VarSynCLI        the `varsyn` commands (the only place that prints and picks exit codes)
//   varsyn           the executable: calls VarSynCLI
import PackageDescription

let package = Package(
    name: "VarSyn",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VarSynCore", targets: ["VarSynCore"]),
        .library(name: "VarSynReference", targets: ["VarSynReference"]),
        .library(name: "VarSynMentions", targets: ["VarSynMentions"]),
        .executable(name: "varsyn", targets: ["varsyn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "VarSynCore"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "VarSynReference", dependencies: ["CZlib"]),
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .target(name: "VarSynMentions", dependencies: ["VarSynCore", "CPCRE2"]),
        .target(
            name: "VarSynCLI",
            dependencies: [
                "VarSynCore",
                "VarSynReference",
                "VarSynMentions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "varsyn", dependencies: ["VarSynCLI"]),
        .testTarget(name: "VarSynCoreTests", dependencies: ["VarSynCore"], exclude: ["Fixtures"]),
        .testTarget(name: "VarSynReferenceTests", dependencies: ["VarSynReference"]),
        .testTarget(name: "VarSynMentionsTests", dependencies: ["VarSynMentions"]),
        .testTarget(name: "VarSynCLITests", dependencies: ["VarSynCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
