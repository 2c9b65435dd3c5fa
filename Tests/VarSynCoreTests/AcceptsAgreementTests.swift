import Foundation
import Testing

@testable import VarSynCore

/// `HGVSParser.accepts(utf8:options:)` (what `varsyn parse --count` counts) must say yes exactly when
/// `HGVSParser.parse(utf8:options:)` returns a result, e.g. yes for `NM_003156.4:c.494C>A` and `STIM1 P165Q`,
/// no for `NM_003156.4:c.494C>`. Checked over the conformance strings, every prefix of each (most prefixes are
/// rejections, many of them deep in the grammar), the test fixtures and the benchmark corpus, lenient and strict.
@Suite("accepts agrees with parse")
struct AcceptsAgreementTests {
    /// Expressions from the shared conformance sets and the fixtures.
    static func conformanceStrings() throws -> [String] {
        var strings: [String] = []
        for row in try TestPaths.tsvRows(TestPaths.sharedFile("conformance/hgvs-spec/EXAMPLES.tsv")).dropFirst()
        where !row.isEmpty {
            strings.append(row[0])
        }
        for file in ["conformance/biocommons/gauntlet", "conformance/biocommons/extra"] {
            for line in try TestPaths.lines(TestPaths.sharedFile(file)) where !line.hasPrefix("#") {
                strings.append(String(line.split(separator: "\t", maxSplits: 1)[0]))
            }
        }
        for row in try TestPaths.tsvRows(TestPaths.sharedFile("conformance/biocommons/grammar_test.tsv")).dropFirst()
        where row.count >= 4 && row[3] == "list" {
            strings += row[1].split(separator: "|").map(String.init)
        }
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixtures.path)
        for name in fixtures.sorted() where name.hasSuffix(".tsv") {
            for row in try TestPaths.fixtureColumns(name) where !row.isEmpty && !row[0].isEmpty {
                strings.append(row[0])
            }
        }
        // Shorthand and odd inputs the conformance sets do not have.
        strings += [
            "STIM1 P165Q", "C677T", "c.T1799A", "IVS2+1G>A", "ΔF508", "185delAG", "rs74315465", "chr11:g.4055634C>A",
            "11-4055634-C-A", "NC_000011.10:4055633:C:A", "exon 2 deletion", "R117X", "c.494C->A", "c.52insT",
            "p.Ser119fsX", "C105Vfs114X", "p.T3708fs3769", "p.S522fs 525stop", "c.1146+25insA", "c.118-119insA",
            "p.T3708fs3769Q", "p.Ser20fs1", "p.Ser119fsXQ",
            "   ", "", "\u{FF}", "NM_003156.4:c.494C>A trailing", "[NM_004004.2:c.35del];[NM_006783.1:c.689_690insT]",
            "NM_000517.4:c.424C>T^NM_000558.3:c.424C>T", "NM_002354.2:r.-358_555::NM_000251.2:r.212_*279",
        ]
        return strings
    }

    /// The benchmark corpus when it is there (`$VARSYN_CORPUS`, else /tmp/varsyn-corpus.tsv), else generated with
    /// the shared generator (first 20,000 strings); empty when neither is possible.
    static func corpusStrings() throws -> [String] {
        var path = ProcessInfo.processInfo.environment["VARSYN_CORPUS"] ?? "/tmp/varsyn-corpus.tsv"
        if !FileManager.default.fileExists(atPath: path) {
            let generator = TestPaths.sharedFile("bench/peers/gen_corpus.py").path
            guard FileManager.default.fileExists(atPath: generator) else { return [] }
            path = FileManager.default.temporaryDirectory.appendingPathComponent("varsyn-accepts-corpus.tsv").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", generator, "-n", "20000", "-o", path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return [] }
        }
        return try TestPaths.lines(URL(fileURLWithPath: path)).map { line in
            String(line.split(separator: "\t", maxSplits: 1).last ?? line)
        }
    }

    static func agree(_ text: String, _ options: ParserOptions) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            HGVSParser.accepts(utf8: bytes, options: options)
                == ((try? HGVSParser.parse(utf8: bytes, options: options)) != nil)
        }
    }

    @Test("conformance strings and all their prefixes, lenient and strict")
    func conformance() throws {
        let strings = try Self.conformanceStrings()
        #expect(strings.count > 1_000)
        var checked = 0
        var accepted = 0
        var disagreements: [String] = []
        for string in strings {
            let bytes = Array(string.utf8)
            for end in 0...bytes.count {
                let prefix = String(decoding: bytes[0..<end], as: UTF8.self)
                for options in [ParserOptions.lenient, .strict] {
                    checked += 1
                    if !Self.agree(prefix, options) {
                        disagreements.append("\(options.strict ? "strict" : "lenient")\t\(prefix)")
                    }
                    if options == .lenient, end == bytes.count, (try? HGVSParser.parse(prefix)) != nil { accepted += 1 }
                }
            }
        }
        print(
            "accepts/parse agreement: \(checked) checks (\(strings.count) strings with their prefixes), \(accepted) strings accepted, \(disagreements.count) disagreements"
        )
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        // Both answers occur, so agreement is not trivial.
        #expect(accepted > 500 && accepted < checked)
    }

    @Test("benchmark corpus, lenient and strict")
    func corpus() throws {
        let strings = try Self.corpusStrings()
        #expect(!strings.isEmpty, "no corpus and no generator: set VARSYN_CORPUS")
        var disagreements: [String] = []
        for string in strings {
            for options in [ParserOptions.lenient, .strict] where !Self.agree(string, options) {
                disagreements.append("\(options.strict ? "strict" : "lenient")\t\(string)")
            }
        }
        print(
            "accepts/parse agreement over the corpus: \(strings.count) strings x 2 options, \(disagreements.count) disagreements"
        )
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }
}
