// swift-tools-version:6.1
// VarSyn: a variant nomenclature synonymizer.
//
// Module layout (one job each):
//   VarSynCore       no Foundation; byte-level HGVS + shorthand parser, syntax tree, printer, parse errors
//   VarSynReference  transcript coordinate table: model, importers, binary table, lookups
//   CZlib            system zlib (gzip / bgzip input for the importers)
//   VarSynCLI        the `varsyn` commands (the only place that prints and picks exit codes)
//   varsyn           the executable: calls VarSynCLI
import PackageDescription

let package = Package(
    name: "VarSyn",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VarSynCore", targets: ["VarSynCore"]),
        .library(name: "VarSynReference", targets: ["VarSynReference"]),
        .executable(name: "varsyn", targets: ["varsyn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "VarSynCore"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(name: "VarSynReference", dependencies: ["CZlib"]),
        .target(
            name: "VarSynCLI",
            dependencies: [
                "VarSynCore",
                "VarSynReference",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "varsyn", dependencies: ["VarSynCLI"]),
        .testTarget(name: "VarSynCoreTests", dependencies: ["VarSynCore"]),
        .testTarget(name: "VarSynReferenceTests", dependencies: ["VarSynReference"]),
        .testTarget(name: "VarSynCLITests", dependencies: ["VarSynCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
