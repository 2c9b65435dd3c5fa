import Foundation
import Testing

@testable import VarSynCore

/// Printing is the inverse of parsing: for every accepted string of every conformance suite and every valid
/// spec example, `parse(print(x)) == x` (the same tree) and printing is idempotent. A seeded generator adds
/// thousands of random valid descriptions, each printed back to exactly the text generated.
@Suite struct RoundTripPropertyTests {
    /// Every string the conformance suites feed the parser.
    static func corpus() throws -> [String] {
        var strings: [String] = []
        strings += try SpecConformanceTests.examples().filter(\.valid).map(\.expression)
        strings += try BiocommonsGrammarTests.wholeDescriptions()
        strings += try GauntletTests.cases().map(\.input)
        strings += try MutalyzerParserTests.cases().map(\.input)
        strings += try VariationNormalizationTests.queries().map(\.text)
        var seen = Set<String>()
        return strings.filter { seen.insert($0).inserted }
    }

    /// nil when `text` round-trips in `options` (or is not accepted), else what went wrong.
    static func roundTripFailure(_ text: String, _ options: ParserOptions) -> String? {
        guard let parsed = try? HGVSParser.parse(text, options: options) else { return nil }
        let printed = parsed.expression.hgvs()
        let mode = options.strict ? "strict" : "lenient"
        do {
            let reparsed = try HGVSParser.parse(printed, options: options)
            if reparsed.expression != parsed.expression {
                return "\(text) -> \(printed): \(mode) reparse gives another tree (\(reparsed.expression.hgvs()))"
            }
            let again = reparsed.expression.hgvs()
            if again != printed { return "\(text) -> \(printed) -> \(again): printing is not idempotent" }
        } catch {
            return "\(text) -> \(printed): \(mode) rejects the printed form (\(error.code.rawValue))"
        }
        return nil
    }

    @Test func everyAcceptedConformanceStringRoundTrips() throws {
        let corpus = try Self.corpus()
        var strictAccepted = 0, lenientAccepted = 0
        var failures: [String] = []
        for text in corpus {
            if (try? HGVSParser.parse(text, options: .strict)) != nil { strictAccepted += 1 }
            if (try? HGVSParser.parse(text, options: .lenient)) != nil { lenientAccepted += 1 }
            for options in [ParserOptions.strict, .lenient] {
                if let failure = Self.roundTripFailure(text, options) { failures.append(failure) }
            }
        }
        print(
            "round trip over the conformance corpus: \(corpus.count) distinct strings, \(strictAccepted) accepted strict and \(lenientAccepted) lenient; \(failures.count) round-trip failures"
        )
        for f in failures { print("  \(f)") }
        #expect(failures.isEmpty)
        #expect(corpus.count > 1400)
    }

    @Test func generatedDescriptionsPrintBackToThemselves() {
        var generator = DescriptionGenerator(seed: 0x5EED_2026)
        let count = 5000
        var rejected: [String] = []
        var printedDifferently: [String] = []
        var failures: [String] = []
        var strictAccepted = 0
        var strictRejected: [String] = []
        for _ in 0..<count {
            let text = generator.description()
            guard let parsed = try? HGVSParser.parse(text, options: .lenient) else {
                rejected.append(text)
                continue
            }
            do {
                _ = try HGVSParser.parse(text, options: .strict)
                strictAccepted += 1
            } catch {
                strictRejected.append("\(text)\t\(error.detail)")
            }
            if parsed.expression.hgvs() != text { printedDifferently.append("\(text) -> \(parsed.expression.hgvs())") }
            if let failure = Self.roundTripFailure(text, .lenient) { failures.append(failure) }
        }
        print(
            "generated descriptions (SplitMix64, seed 0x5EED2026): \(count); \(count - rejected.count) accepted lenient, \(strictAccepted) strict; \(printedDifferently.count) printed differently; \(failures.count) round-trip failures"
        )
        for r in rejected.prefix(20) { print("  rejected: \(r)") }
        for r in strictRejected.prefix(10) { print("  strict rejects (a rule the generator does not model): \(r)") }
        for p in printedDifferently.prefix(20) { print("  printed differently: \(p)") }
        for f in failures.prefix(20) { print("  \(f)") }
        #expect(rejected.isEmpty)
        #expect(printedDifferently.isEmpty)
        #expect(failures.isEmpty)
    }
}

/// SplitMix64: a small, fast, seedable generator (Steele, Lea, Flood 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid HGVS descriptions in canonical form: c./n./g./m./r./p., positions with offsets and UTR
/// anchors, every edit kind, protein edits and alleles.
struct DescriptionGenerator {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    static let bases: [Character] = ["A", "C", "G", "T"]
    static let residues = [
        "Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu", "Lys", "Met",
        "Phe", "Pro", "Ser", "Thr", "Trp", "Tyr", "Val",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func sequence(_ rna: Bool, maxLength: Int = 6) -> String {
        let text = String((0..<int(1...maxLength)).map { _ in pick(Self.bases) })
        return rna ? text.lowercased().replacingOccurrences(of: "t", with: "u") : text
    }

    /// A transcript position; `coding` allows `-N` and `*N`. Returns the text and an ordering key.
    mutating func transcriptPosition(coding: Bool, after key: Int) -> (String, Int) {
        let base = key + int(1...400)
        var text = String(base)
        var sortKey = base * 1000
        if coding, key == 0, chance(15) {
            let upstream = int(1...300)
            text = "-\(upstream)"
            sortKey = -upstream * 1000
        }
        if chance(25) {
            let offset = int(1...150)
            let downstream = chance(50)
            text += downstream ? "+\(offset)" : "-\(offset)"
            sortKey += downstream ? offset : -offset
        }
        return (text, sortKey)
    }

    mutating func nucleotideEdit(_ rna: Bool, range: Bool) -> String {
        switch int(0...7) {
        case 0 where !range:
            let r = pick(Self.bases)
            var a = pick(Self.bases)
            while a == r { a = pick(Self.bases) }
            let text = "\(r)>\(a)"
            return rna ? text.lowercased().replacingOccurrences(of: "t", with: "u") : text
        case 1: return "del"
        case 2: return "dup"
        case 3 where range: return "inv"
        case 4: return "delins" + sequence(rna)
        case 5: return "="
        default: return "del"
        }
    }

    /// One nucleotide variant after `key`; returns the text and the key it ends at.
    mutating func nucleotideVariant(_ system: CoordinateSystem, after key: Int) -> (String, Int) {
        let rna = system == .rna
        if system.isGenomic {
            let start = key + int(1...100_000)
            if chance(20) { return ("\(start)_\(start + 1)ins" + sequence(rna), start + 1) }
            if chance(10) { return ("\(start)\(sequence(rna, maxLength: 3))[\(int(2...40))]", start) }
            if chance(40) {
                let end = start + int(1...500)
                return ("\(start)_\(end)" + nucleotideEdit(rna, range: true), end)
            }
            return ("\(start)" + nucleotideEdit(rna, range: false), start)
        }
        let coding = system == .coding || system == .rna
        let (first, firstKey) = transcriptPosition(coding: coding, after: key / 1000)
        if chance(15), !first.contains("+"), !first.contains("-") {
            let n = Int(first) ?? 1
            return ("\(n)_\(n + 1)ins" + sequence(rna), (n + 1) * 1000)
        }
        if coding, chance(8) {
            return ("*\(int(1...500))" + nucleotideEdit(rna, range: false), Int.max / 2)
        }
        if chance(40) {
            let (second, secondKey) = transcriptPosition(coding: false, after: max(firstKey / 1000, 0) + 1)
            return ("\(first)_\(second)" + nucleotideEdit(rna, range: true), secondKey)
        }
        return (first + nucleotideEdit(rna, range: false), firstKey)
    }

    mutating func proteinVariant(after key: Int) -> (String, Int) {
        let n = key + int(2...300)
        let from = pick(Self.residues)
        var to = pick(Self.residues)
        while to == from { to = pick(Self.residues) }
        let next = pick(Self.residues)
        switch int(0...9) {
        case 0: return ("\(from)\(n)\(to)", n)
        case 1: return ("\(from)\(n)del", n)
        case 2: return ("\(from)\(n)_\(next)\(n + 3)del", n + 3)
        case 3: return ("\(from)\(n)dup", n)
        case 4: return ("\(from)\(n)_\(next)\(n + 1)ins\(to)\(pick(Self.residues))", n + 1)
        case 5: return ("\(from)\(n)delins\(to)\(pick(Self.residues))", n)
        case 6: return ("\(from)\(n)\(to)fsTer\(int(2...60))", n)
        case 7: return ("\(from)\(n)=", n)
        case 8: return ("\(from)\(n)Ter", n)
        default: return ("\(from)\(n)\(to)", n)
        }
    }

    mutating func description() -> String {
        switch int(0...9) {
        case 0, 1, 2: return "NM_003156.4:c." + body(.coding)
        case 3: return "NR_046018.2:n." + body(.noncoding)
        case 4, 5: return "NC_000011.10:g." + body(.genomic)
        case 6: return "NC_012920.1:m." + body(.mitochondrial)
        case 7: return "NM_003156.4:r." + body(.rna)
        default:
            if chance(10) { return "NP_003147.2:p.Met1ext-\(int(1...30))" }
            if chance(10) { return "NP_003147.2:p.Ter\(int(200...700))\(pick(Self.residues))extTer\(int(1...50))" }
            return "NP_003147.2:p." + proteinBody()
        }
    }

    mutating func body(_ system: CoordinateSystem) -> String {
        if chance(20) {
            // An allele in cis, positions far apart.
            var key = 0
            var parts: [String] = []
            for _ in 0..<int(2...3) {
                let (text, end) = nucleotideVariant(system, after: key)
                parts.append(text)
                if end >= Int.max / 4 { break }
                key = end + 10_000
            }
            if parts.count > 1 { return "[" + parts.joined(separator: ";") + "]" }
            return parts[0]
        }
        let (text, _) = nucleotideVariant(system, after: 0)
        return chance(10) ? "(\(text))" : text
    }

    mutating func proteinBody() -> String {
        if chance(15) {
            let (a, end) = proteinVariant(after: 0)
            let (b, _) = proteinVariant(after: end + 5)
            return "[\(a);\(b)]"
        }
        let (text, _) = proteinVariant(after: 0)
        return chance(50) ? "(\(text))" : text
    }
}
