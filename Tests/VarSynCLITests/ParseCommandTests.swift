import Foundation
import Testing
import VarSynCore

@testable import VarSynCLI

/// `varsyn parse`: one JSON object per input line, in order; exit codes 0 / 1 / 64.
@Suite struct ParseCommandTests {
    static func object(_ json: [UInt8]) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
    }

    @Test func successfulParseReportsCanonicalFormAndKind() throws {
        var text = "STIM1 P165Q"
        let (ok, json) = text.withUTF8 { ParseReport.json($0, options: .lenient, style: .threeLetter) }
        #expect(ok)
        let o = try Self.object(json)
        #expect(o["input"] as? String == "STIM1 P165Q")
        #expect(o["ok"] as? Bool == true)
        #expect(o["hgvs"] as? String == "STIM1:p.Pro165Gln")
        #expect(o["form"] as? String == "shorthand-gene-space")
        #expect(o["kind"] as? String == "p")
    }

    @Test func failureReportsByteRangeAndRendering() throws {
        var text = "NM_003156.4:c.494C>"
        let (ok, json) = text.withUTF8 { ParseReport.json($0, options: .lenient, style: .threeLetter) }
        #expect(!ok)
        let o = try Self.object(json)
        let error = try #require(o["error"] as? [String: Any])
        #expect(error["start"] as? Int == 19)
        #expect(error["end"] as? Int == 19)
        #expect(error["code"] as? String == "unexpected-end")
        #expect((error["rendered"] as? String)?.hasSuffix("                     ^") == true)
    }

    @Test func ambiguousInputListsOtherReadings() throws {
        var text = "C677T"
        let (_, json) = text.withUTF8 { ParseReport.json($0, options: .lenient, style: .threeLetter) }
        let o = try Self.object(json)
        #expect(o["hgvs"] as? String == "c.677C>T")
        let others = try #require(o["other_readings"] as? [[String: Any]])
        #expect(others.first?["hgvs"] as? String == "p.Cys677Thr")
    }

    /// `--count` splits lines itself (LineCount): the same lines as LineInput, the same verdicts as parse, in one
    /// piece and cut into many (inputs over 64 KiB are cut at line boundaries for the workers).
    @Test func countSplitsLinesLikeLineInputAndAgreesWithParse() {
        let samples = [
            "NM_003156.4:c.494C>A", "c.494C>", "", "STIM1 P165Q", "NP_003147.2:p.(Pro165Gln)\r", "bad>", "C677T",
            "NC_000011.10:g.4055634_4055636del", "   ", "IVS2+1G>A",
        ]
        for repeats in [1, 2_000] {
            for finalNewline in [true, false] {
                var text = (0..<repeats).flatMap { _ in samples }.joined(separator: "\n")
                if finalNewline { text += "\n" }
                let bytes = Array(text.utf8)
                let input = LineInput(bytes: bytes)
                let expected = input.lines.filter { range in
                    bytes.withUnsafeBufferPointer { buffer in
                        (try? HGVSParser.parse(utf8: UnsafeBufferPointer(rebasing: buffer[range]))) != nil
                    }
                }.count
                let tally = bytes.withUnsafeBufferPointer { LineCount.count($0, options: .lenient) }
                #expect(tally.lines == input.lines.count)
                #expect(tally.lines == samples.count * repeats)
                #expect(tally.accepted == expected)
                #expect(tally.accepted == 6 * repeats)
            }
        }
    }

    @Test func linesKeepTheirCountAndOrder() {
        let input = LineInput(bytes: Array("a\r\n\nb\nc".utf8))
        #expect(input.lines.count == 4)
        #expect(input.lines.map { String(decoding: input.buffer[$0], as: UTF8.self) } == ["a", "", "b", "c"])
        var seen: [Int] = []
        let many = LineInput(bytes: Array((0..<70_000).map { "\($0)\n" }.joined().utf8))
        processInOrder(
            many, transform: { bytes in Int(String(decoding: bytes, as: UTF8.self)) ?? -1 }, emit: { seen += $0 })
        #expect(seen == Array(0..<70_000))
    }

    /// The built `varsyn` binary beside the test bundle.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("varsyn")
    }

    static func run(_ arguments: [String], stdin: String? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func exitCodesAndLineCounts() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build varsyn first (swift build)")
        let good = try Self.run(["parse", "NM_003156.4:c.494C>A", "STIM1 P165Q"])
        #expect(good.status == 0)
        #expect(good.stdout.split(separator: "\n").count == 2)
        let mixed = try Self.run(["parse"], stdin: "NM_003156.4:c.494C>A\n\nnot a variant\nrs1801133\n")
        #expect(mixed.status == 1)
        let lines = mixed.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4)
        #expect(lines[1].contains("\"ok\":false") && lines[1].contains("\"code\":\"empty\""))
        let counted = try Self.run(["parse", "--count"], stdin: "NM_003156.4:c.494C>A\nbad>\n")
        #expect(counted.stdout == "1 parsed, 1 failed\n")
        #expect(counted.status == 1)
        let usage = try Self.run(["parse", "--no-such-flag"])
        #expect(usage.status == 64)
    }
}

/// `varsyn parse --count --input FILE` skips the argument parser (LineCount.directRoute); every other command line
/// keeps going through it, and both routes print the same count.
@Suite("parse --count direct route")
struct ParseCountDirectRouteTests {
    @Test func recognisesOnlyPlainCountCommandLines() {
        let route = LineCount.directRoute
        #expect(route(["varsyn", "parse", "--count", "--input", "a.txt"]) == .init(path: "a.txt", strict: false))
        #expect(route(["varsyn", "parse", "-i", "a.txt", "--strict", "--count"]) == .init(path: "a.txt", strict: true))
        #expect(route(["varsyn", "parse", "--input=-", "--count"]) == .init(path: "-", strict: false))
        #expect(route(["varsyn", "parse", "--count"]) == nil)
        #expect(route(["varsyn", "parse", "--input", "a.txt"]) == nil)
        #expect(route(["varsyn", "parse", "--count", "--input", "a.txt", "NM_003156.4:c.494C>A"]) == nil)
        #expect(route(["varsyn", "parse", "--count", "--count", "--input", "a.txt"]) == nil)
        #expect(route(["varsyn", "parse", "--count", "--input", "--strict"]) == nil)
        #expect(route(["varsyn", "parse", "--count", "--input", "a.txt", "--one-letter"]) == nil)
        #expect(route(["varsyn", "normalize", "--count", "--input", "a.txt"]) == nil)
        #expect(route(["varsyn", "parse", "--count", "--input", "a.txt", "--input", "b.txt"]) == nil)
    }

    @Test func bothRoutesPrintTheSameCount() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ParseCommandTests.binary.path),
            "build varsyn first (swift build)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("varsyn-count-route-\(getpid()).txt")
        try Data("NM_003156.4:c.494C>A\r\nbad>\n\nSTIM1 P165Q".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let direct = try ParseCommandTests.run(["parse", "--count", "--input", file.path])
        let parsed = try ParseCommandTests.run(
            ["parse", "--count"], stdin: "NM_003156.4:c.494C>A\r\nbad>\n\nSTIM1 P165Q")
        #expect(direct.stdout == "2 parsed, 2 failed\n")
        #expect(direct.stdout == parsed.stdout)
        #expect(direct.status == 1 && parsed.status == 1)
        let missing = try ParseCommandTests.run(["parse", "--count", "--input", file.path + ".missing"])
        #expect(missing.status == 2 && missing.stdout.isEmpty)
        let strict = try ParseCommandTests.run(["parse", "--count", "--strict", "--input", file.path])
        #expect(strict.stdout == "1 parsed, 3 failed\n")
    }
}
