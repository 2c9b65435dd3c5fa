import Testing

@testable import VarSynMentions

@Suite("PCRE2 wrapper")
struct PCRE2WrapperTests {
    @Test("a compile error carries PCRE2's own message and the offset")
    func compileErrorCarriesMessageAndOffset() {
        #expect(throws: PCRE2Error.self) { try PCRE2Regex("a(b") }
        do {
            _ = try PCRE2Regex("a(b")
        } catch {
            #expect(error.code == 114)
            #expect(error.message == "missing closing parenthesis")
            #expect(error.offset == 3)
        }
    }

    @Test("the regex is JIT-compiled and finds group ranges")
    func jitAndGroups() throws {
        let regex = try PCRE2Regex("(?<pos>[0-9]+)(?<alt>[ACGT])")
        #expect(regex.isJITCompiled)
        #expect(regex.groupNumber(named: "alt") == 2)
        #expect(regex.groupNumber(named: "missing") == nil)
        let matcher = try PCRE2Matcher(regex)
        let subject = Array("xx 677T".utf8)
        let found = try subject.withUnsafeBufferPointer { try matcher.search($0, from: 0) }
        #expect(found)
        #expect(matcher.range(ofGroup: 0) == 3..<7)
        #expect(matcher.range(ofGroup: 2) == 6..<7)
    }

    @Test("invalid UTF-8 in the subject is matched around, not rejected")
    func invalidUTF8Subject() throws {
        let matcher = try PCRE2Matcher(try PCRE2Regex("C677T"))
        let subject: [UInt8] = [0xFF, 0xC3, 0x28, 0x20] + Array("C677T".utf8) + [0xE2, 0x82]
        let found = try subject.withUnsafeBufferPointer { try matcher.search($0, from: 0) }
        #expect(found)
        #expect(matcher.range(ofGroup: 0) == 4..<9)
    }
}
