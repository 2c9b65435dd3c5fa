import Foundation
import Testing

@testable import VarSynMentions

/// The start filter (`StartFilter`) is a hand-written description of where `Grammars/mentions.pcre2` may match. It
/// is tuned for speed, so it must stay exactly equal to one unanchored PCRE2 search on text it was NOT tuned on:
/// this suite builds deterministic pseudo-random text from every variant notation and piece of prose at hand (the
/// HGVS specification's examples, biocommons' grammar and Garcia sets, variation-normalization's fixtures, the
/// shared notation notes, this repository's documents and sample report, tmVar1 words) cut, glued, re-cased and
/// mutated byte by byte, and asserts the filtered scan finds exactly the reference's candidates everywhere.
@Suite("Mention scan equivalence on generated text")
struct ScanEquivalenceFuzzTests {
    /// SplitMix64: a small deterministic generator, so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    /// Texts not used to tune the filter: variant notations from the conformance sets and prose around notations.
    static func sourceTexts() -> [String] {
        let shared = TestPaths.repositoryRoot.appendingPathComponent("../shared").standardizedFileURL
        let paths = [
            "conformance/hgvs-spec/EXAMPLES.tsv",
            "conformance/biocommons/grammar_test.tsv",
            "conformance/biocommons/garcia.tsv",
            "conformance/biocommons/gauntlet",
            "conformance/variation-normalization/tests/fixtures/tokenizers.yml",
            "conformance/variation-normalization/tests/fixtures/classifiers.yml",
            "conformance/variation-normalization/tests/fixtures/translators.yml",
            "docs/HGVS-NOTATION-NOTES.md",
            "docs/HGVS-FEATURES.md",
        ].map { shared.appendingPathComponent($0) }
        let local = ["README.md", "docs/README-mentions.md", "docs/examples/lab-report.txt", "Grammars/mentions.pcre2"]
            .map { TestPaths.repositoryRoot.appendingPathComponent($0) }
        return (paths + local).compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    @Test("filtered starts equal an unanchored search on 4 MB of generated text")
    func generatedTextEquivalence() throws {
        let fast = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .filteredStarts)
        let reference = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .unanchoredSearch)
        let sources = Self.sourceTexts()
        #expect(sources.count >= 12, "conformance sets and documents found")
        var tokens: [String] = []
        for text in sources {
            tokens += text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        }
        tokens += try TmVar1.load().prefix(100).flatMap { $0.text.split(separator: " ").map(String.init) }
        #expect(tokens.count > 20_000)

        // Bytes the patterns care about, inserted at random: digits, bases, edit words, arrows, signs, non-ASCII.
        let inserts = [
            "0", "1", "5", "9", "A", "C", "G", "T", "a", "c", "g", "t", "N", "X", "*", ">", "<", "-", "+", "_", ":",
            ".", "/", "(", ")", "[", "]", ";", ",", " ", "  ", "\u{A0}", "Δ", "δ", "→", "−", "del", "ins", "dup",
            "inv", "fs", "Ter", "IVS", "rs", "c.", "p.", "g.", "-->", "->", " to ", " by ", "codon ", "nucleotide ",
            "position ", "Delta", "delta", "exon ", "intron ",
        ]
        let separators = [" ", " ", " ", ", ", "; ", " (", ") ", "\n", "-", "/", " to ", "", "\u{A0}", ":", " and "]

        // VARSYN_SCAN_FUZZ_SEED / VARSYN_SCAN_FUZZ_BYTES try other texts (a longer hunt); the default is fixed.
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["VARSYN_SCAN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_122
        let byteBudget = environment["VARSYN_SCAN_FUZZ_BYTES"].flatMap { Int($0) } ?? 4_000_000
        var generator = Generator(state: seed)
        var texts: [String] = sources
        var totalBytes = sources.reduce(0) { $0 + $1.utf8.count }
        while totalBytes < byteBudget {
            var text = ""
            let length = 20 + generator.below(300)
            for _ in 0..<length {
                var token = tokens[generator.below(tokens.count)]
                if generator.chance(10) { token = token.uppercased() }
                if generator.chance(10) { token = token.lowercased() }
                if generator.chance(15), !token.isEmpty {
                    var scalars = Array(token.unicodeScalars)
                    let position = generator.below(scalars.count + 1)
                    let insert = inserts[generator.below(inserts.count)].unicodeScalars
                    if generator.chance(30), position < scalars.count {
                        scalars.replaceSubrange(position..<position + 1, with: insert)
                    } else {
                        scalars.insert(contentsOf: insert, at: position)
                    }
                    var rebuilt = String.UnicodeScalarView()
                    rebuilt.append(contentsOf: scalars)
                    token = String(rebuilt)
                }
                if generator.chance(10), token.unicodeScalars.count > 2 {
                    let cut = generator.below(token.unicodeScalars.count)
                    token = String(String.UnicodeScalarView(token.unicodeScalars.prefix(cut)))
                }
                text += token
                text += separators[generator.below(separators.count)]
            }
            totalBytes += text.utf8.count
            texts.append(text)
        }

        var mismatches: [String] = []
        var candidateCount = 0
        for text in texts {
            let expected = reference.candidates(in: text)
            let found = fast.candidates(in: text)
            candidateCount += expected.count
            guard found != expected, mismatches.count < 20 else { continue }
            let bytes = Array(text.utf8)
            let missing = Set(expected.map(\.range)).subtracting(found.map(\.range))
            let extra = Set(found.map(\.range)).subtracting(expected.map(\.range))
            for range in (missing.map { ($0, "missing") } + extra.map { ($0, "extra") }).prefix(3) {
                let context = bytes[max(0, range.0.lowerBound - 20)..<min(bytes.count, range.0.upperBound + 20)]
                mismatches.append(
                    "\(range.1) \(range.0): …\(String(decoding: context, as: UTF8.self))…"
                        + " [\(String(decoding: bytes[range.0], as: UTF8.self))]")
            }
        }
        print("scan equivalence: \(texts.count) texts, \(totalBytes) bytes, \(candidateCount) candidates")
        #expect(candidateCount > byteBudget / 400, "the generated text is full of variant notations")
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
