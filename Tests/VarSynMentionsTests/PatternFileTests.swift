import Foundation
import Testing

@testable import VarSynMentions

@Suite("Pattern file")
struct PatternFileTests {
    @Test("the embedded copy equals Grammars/mentions.pcre2")
    func embeddedCopyEqualsFile() throws {
        let file = try String(contentsOf: TestPaths.patternFile, encoding: .utf8)
        let withoutFinalNewline = file.hasSuffix("\n") ? String(file.dropLast()) : file
        #expect(
            embeddedMentionPatterns == withoutFinalNewline,
            "regenerate Sources/VarSynMentions/EmbeddedMentionPatterns.swift (Grammars/README-mentions.md)")
    }

    @Test("every pattern compiles on its own and is named")
    func everyPatternCompiles() throws {
        let scanner = try MentionScanner()
        #expect(scanner.isJITCompiled)
        #expect(scanner.patterns.count >= 15)
        for pattern in scanner.patterns {
            #expect(throws: Never.self, "\(pattern.name)") {
                _ = try PCRE2Regex(pattern.source, options: [.extended, .duplicateNames])
            }
        }
    }

    @Test("a broken pattern is reported by name with PCRE2's message")
    func brokenPatternNamed() {
        let text = "define X = [0-9]\npattern good\n    {X}+\npattern bad\n    ({X}\n"
        #expect(throws: MentionPatternError.self) { try MentionScanner(patternFileText: text) }
        do {
            _ = try MentionScanner(patternFileText: text)
        } catch {
            guard case .compile(let name, _, let pcre) = error else {
                Issue.record("expected a compile error, got \(error)")
                return
            }
            #expect(name == "bad")
            #expect(pcre.message == "missing closing parenthesis")
        }
    }

    @Test("file format errors name the line")
    func formatErrors() {
        #expect(throws: MentionPatternError.unknownMacro(name: "NOPE", line: 2)) {
            try MentionScanner(patternFileText: "pattern a\n    {NOPE}\n")
        }
        #expect(throws: MentionPatternError.duplicateName("a", line: 3)) {
            try MentionScanner(patternFileText: "pattern a\n    x\npattern a\n    y\n")
        }
        #expect(throws: MentionPatternError.emptyPattern("a", line: 1)) {
            try MentionScanner(patternFileText: "pattern a\npattern b\n    y\n")
        }
        #expect(throws: MentionPatternError.malformedLine(line: 1, text: "junk")) {
            try MentionScanner(patternFileText: "junk\n")
        }
        #expect(throws: MentionPatternError.noPatterns) { try MentionScanner(patternFileText: "# nothing\n") }
    }

    @Test("quantifier braces are not macros")
    func quantifiersAreNotMacros() throws {
        let scanner = try MentionScanner(patternFileText: "pattern digits\n    [0-9]{3,4}\n")
        #expect(scanner.candidates(in: "ab 12345").map(\.range) == [3..<7])
    }
}
