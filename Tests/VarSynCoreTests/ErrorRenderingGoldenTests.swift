import Foundation
import Testing

@testable import VarSynCore

/// The exact rendering of parse errors for bad inputs, against `Fixtures/error-rendering.golden`.
/// Regenerate after an intended change with `VARSYN_UPDATE_GOLDEN=1 swift test --filter ErrorRenderingGolden`
/// and review the diff.
@Suite struct ErrorRenderingGoldenTests {
    struct Case {
        var name: String
        var bytes: [UInt8]
        var options: ParserOptions
    }

    static func text(_ name: String, _ input: String, strict: Bool = false) -> Case {
        Case(name: name, bytes: Array(input.utf8), options: strict ? .strict : .lenient)
    }

    /// 10 kB of printable garbage from a fixed seed (SplitMix64).
    static func garbage(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x5EED_0010_2026
        var bytes: [UInt8] = []
        let alphabet = Array("!#$%&*+-./0123456789:;<=>?@ABCXYZ[]^_abcxyz{|}~ ".utf8)
        for _ in 0..<count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            bytes.append(alphabet[Int(z % UInt64(alphabet.count))])
        }
        return bytes
    }

    static let cases: [Case] = [
        text("zero position", "c.0A>G"),
        text("reversed range", "c.10_5del"),
        text("unknown amino acid", "p.Foo12Bar"),
        text("two bases without >", "c.494CA"),
        text("offset without base", "c.+5G>A"),
        text("missing new base", "NM_003156.4:c.494C>"),
        text("trailing text", "c.494C>A trailing"),
        text("trailing text after accession", "NM_003156.4:c.494C>A trailing"),
        text("empty line", ""),
        text("only white space", "   "),
        Case(name: "10 kB of garbage", bytes: garbage(10_240), options: .lenient),
        Case(name: "invalid UTF-8", bytes: Array("NM_003156.4:c.494C>".utf8) + [0xFF, 0x41], options: .lenient),
        Case(name: "truncated UTF-8 sequence", bytes: Array("STIM1 P165".utf8) + [0xE2, 0x86], options: .lenient),
        text("missing version (strict)", "NM_003156:c.494C>A", strict: true),
        text("identical substitution", "NM_003156.4:c.494C>C"),
        text("single-position insertion (strict)", "NC_000011.10:g.123insG", strict: true),
        text("length after del (strict)", "NM_003156.4:c.494_495del3", strict: true),
        text("multi-base substitution (strict)", "NM_003156.4:c.494C>AT", strict: true),
        text("protein position without edit", "NP_003147.2:p.Pro165"),
        text("unclosed prediction", "NP_003147.2:p.(Pro165Gln"),
        text("empty member in allele", "NM_003156.4:c.[494C>A;]"),
        text("empty allele", "NM_003156.4:c.[]"),
        text("unknown coordinate type", "NM_003156.4:x.494C>A"),
        text("no colon after accession", "NM_003156.4c.494C>A"),
        text("zero offset", "NM_003156.4:c.494+0G>A"),
        text("zero 3' UTR position", "NM_003156.4:c.*0G>A"),
        text("frameshift ending at 1", "NP_003147.2:p.Pro165GlnfsTer1"),
        text("protein insertion with one flank", "NP_003147.2:p.Lys2insAsp"),
        text("inserted sequence not bases", "NM_003156.4:c.494delinsX"),
        text("reversed genomic range", "NC_000011.10:g.4055634_4055633del"),
        text("stray parenthesis", "LRG_164t1:c.494C>A)"),
        text("number too large", "NM_003156.4:c.9999999999999G>A"),
        text("dangling caret", "NP_003147.2:p.Pro165Gln^"),
        text("bare protein without new residue", "STIM1 P165"),
        text("rsID without number", "rs"),
        text("chromosome shorthand without base", "chr11:4055634 C>"),
        text("IVS without new base", "IVS2+1G>"),
        text("upper-case bases in r. (strict)", "NM_003156.4:r.494C>A", strict: true),
        text("frameshift stop without number", "p.Arg97ProfsTer"),
        text("superseded unknown offsets (strict)", "NM_004006.2:c.4072-?_5154+?del", strict: true),
        text("unterminated uncertain range", "c.(100_150"),
        text("legacy frameshift stop number (strict)", "NP_003147.2:p.Thr3708fs3769", strict: true),
        text("legacy frameshift stop number with junk", "p.T3708fs3769Q"),
        text("legacy frameshift stop number at 1", "p.Ser20fs1"),
        text("bare fsX (strict)", "NP_003147.2:p.Ser119fsX", strict: true),
        text("intronic single-position insertion (strict)", "NM_003156.4:c.1146+25insA", strict: true),
        text("legacy range a-b before ins", "c.118-119insA"),
    ]

    static let goldenURL = TestPaths.fixtures.appendingPathComponent("error-rendering.golden")

    static func render(_ c: Case) -> String {
        c.bytes.withUnsafeBufferPointer { buffer in
            do {
                let parsed = try HGVSParser.parse(utf8: buffer, options: c.options)
                return "UNEXPECTEDLY PARSED: \(parsed.expression.hgvs())"
            } catch let error as ParseError {
                return "[\(error.code.rawValue) \(error.start)..<\(error.end)]\n" + error.render(utf8: c.bytes)
            } catch {
                return "UNEXPECTED ERROR TYPE: \(error)"
            }
        }
    }

    static func document() -> String {
        cases.map { "=== \($0.name)\n\(render($0))\n" }.joined(separator: "\n")
    }

    @Test func renderingsMatchTheGoldenFile() throws {
        let actual = Self.document()
        if ProcessInfo.processInfo.environment["VARSYN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: Self.goldenURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        let actualBlocks = actual.components(separatedBy: "\n=== ")
        let expectedBlocks = expected.components(separatedBy: "\n=== ")
        #expect(actualBlocks.count == expectedBlocks.count)
        for (a, e) in zip(actualBlocks, expectedBlocks) where a != e {
            Issue.record("rendering differs:\n--- expected\n\(e)\n--- actual\n\(a)")
        }
        print("error rendering: \(Self.cases.count) bad inputs match the golden file")
    }

    @Test func everyBadInputFailsWithARangeInsideTheInput() {
        #expect(Self.cases.count >= 30)
        for c in Self.cases {
            c.bytes.withUnsafeBufferPointer { buffer in
                do {
                    _ = try HGVSParser.parse(utf8: buffer, options: c.options)
                    Issue.record("\(c.name) parsed")
                } catch let error as ParseError {
                    #expect(error.start >= 0 && error.start <= error.end && error.end <= c.bytes.count, "\(c.name)")
                } catch {
                    Issue.record("\(c.name): \(error)")
                }
            }
        }
    }
}
