import Foundation
import Testing

@testable import VarSynReference

/// The FoundationEssentials replacements (`JSONReader`, the trimming and percent-decoding helpers,
/// `describeFileError`) against the full-Foundation calls they replace, on the shared reference files and on edge
/// cases.
@Suite struct FoundationParityTests {
    /// Differences between a `JSONReader` value and a `JSONSerialization` value, as the importers read them:
    /// object keys, array lengths, strings, `as? Int` and the text `NSNumber.stringValue` gives.
    func differences(_ mine: Any, _ theirs: Any, at path: String = "$") -> [String] {
        switch theirs {
        case let object as [String: Any]:
            guard let other = mine as? [String: Any] else { return ["\(path): not an object"] }
            guard Set(object.keys) == Set(other.keys) else { return ["\(path): keys differ"] }
            return object.keys.sorted().flatMap { key in
                differences(other[key] ?? JSONNull(), object[key] ?? NSNull(), at: "\(path).\(key)")
            }
        case let array as [Any]:
            guard let other = mine as? [Any], other.count == array.count else { return ["\(path): array differs"] }
            return zip(other, array).enumerated().flatMap { differences($1.0, $1.1, at: "\(path)[\($0)]") }
        case let string as String:
            return mine as? String == string ? [] : ["\(path): \(mine) vs string \(string)"]
        case is NSNull:
            return mine is JSONNull ? [] : ["\(path): \(mine) vs null"]
        case let number as NSNumber:
            var found: [String] = []
            if JSONReader.int(mine) != theirs as? Int { found.append("\(path): int \(mine) vs \(number)") }
            if JSONReader.scalarText(mine) != number.stringValue {
                found.append(
                    "\(path): text \(String(describing: JSONReader.scalarText(mine))) vs \(number.stringValue)")
            }
            return found
        default:
            return ["\(path): unexpected \(type(of: theirs))"]
        }
    }

    @Test func jsonReaderAgreesWithJSONSerializationOnTheSharedFiles() throws {
        let files = [
            "cdot/cdot-0.2.21.refseq.grch37_grch38.brca1.json", "cdot/sacgf_cdot.ensembl.grch38.json",
            "cdot/sacgf_cdot.refseq.grch37.json", "cdot/sacgf_transcript_sequences.json",
            "assemblies/GRCh37.p13.json.gz", "assemblies/GRCh38.p14.json.gz", "gencode-mane/hg38_gene_aliases.json.gz",
        ]
        for file in files {
            let bytes = try InputFile.read(Fixtures.data(file))
            let theirs = try JSONSerialization.jsonObject(with: Data(bytes))
            let mine = try #require(JSONReader.value(bytes), "\(file)")
            #expect(differences(mine, theirs) == [], "\(file)")
        }
    }

    @Test func jsonReaderAgreesWithJSONSerializationOnEdgeCases() {
        let texts = [
            #"{"a":1}"#, #"{"a":-0}"#, #"{"a":1.0}"#, #"{"a":0.1}"#, #"{"a":1e3}"#, #"{"a":1E2}"#, #"{"a":3.0e0}"#,
            #"{"a":-1.25}"#, #"{"a":2.50}"#, #"{"a":1e-7}"#, #"{"a":0.000001}"#, #"{"a":123456.789}"#,
            #"{"a":1.5e300}"#, #"{"a":true}"#, #"{"a":false}"#, #"{"a":null}"#, #"{"a":9223372036854775807}"#,
            #"{"a":-9223372036854775808}"#, #"{"a":9223372036854775808}"#, #"{"a":1,"a":2}"#,
            #"{"a":"\ud83d\ude00"}"#, #"{"a":"x"} "#, " \n{\"a\":[1,2.0,\"s\",{}]}\t",
            #"{"a":"\u0000\n\"\\\/\b\f\r\t"}"#,
            #"{"a":"caf\u00e9 é"}"#, #"{"a":1,}"#, #"[1,]"#, " [1 , ] ", #"{"a":[1,],}"#, "[1,\n]", "[]", "{}",
            "[[[[]]]]", #"{"NM_004006.2":{"start_codon":243}}"#,
            // Not JSON: both must refuse.
            #" {"a":1}garbage"#, #"{"a":01}"#, #"{"a":.5}"#, #"{"a":1.}"#, "{\"a\":\"tab\there\"}", #"{"a":"\ud800"}"#,
            #"{"a":"\udc00"}"#, #"{"a":"\x"}"#, #"{"a":tru}"#, #"{"a" 1}"#, #"{a:1}"#, "",
            " ", #"{"a":"unterminated}"#, #"{"a":-}"#, #"{"a":1e}"#, #"{"a":"\u12"}"#, "[1] [2]", "[,]", "{,}", "[1,,]",
            #"{"a":1,,}"#,
        ]
        for text in texts {
            let theirs = try? JSONSerialization.jsonObject(with: Data(text.utf8))
            let mine = JSONReader.value(text.utf8)
            #expect((theirs == nil) == (mine == nil), "\(text)")
            if let theirs, let mine { #expect(differences(mine, theirs) == [], "\(text)") }
        }
        // Invalid UTF-8 inside a string is refused by both.
        let invalid: [UInt8] = Array(#"{"a":""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8)
        #expect((try? JSONSerialization.jsonObject(with: Data(invalid))) == nil)
        #expect(JSONReader.value(invalid) == nil)
    }

    /// Strings with every kind of white space Foundation's character sets name, and some they do not.
    var trimCases: [String] {
        let spaces = [
            " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}",
            "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\r\n", "\"", "x",
        ]
        var cases = ["", "NM_004006.2", " c.93+1G>T ", " \u{301}a", "a \u{301}", "\u{301} ", "é ", " é"]
        for a in spaces {
            for b in spaces { cases += [a + "NM_004006.2" + b, a + b, a + "c. 93" + b + a] }
        }
        return cases
    }

    @Test func trimmingAgreesWithFoundation() {
        for text in trimCases {
            #expect(
                text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(
                text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(Array(text.unicodeScalars))")
            #expect(
                text.trimmingScalars { $0 == "\"" || $0 == " " }
                    == text.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")),
                "\(Array(text.unicodeScalars))")
            let sub = text.dropFirst(0)
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func percentDecodingAgreesWithFoundation() {
        let texts = [
            "", "NM_004006.2", "NM_004006.2%3Ac.93%2B1G%3ET", "%", "%2", "%zz", "a%2", "%41%42", "%e9", "%C3%A9",
            "%c3%a9x", "%F0%9F%98%80", "%F0%9F%98", "100%", "%%41", "%00", "caf%C3%A9 é", "%2G", "%ff%ff",
        ]
        for text in texts {
            #expect(text.removingPercentEscapes() == text.removingPercentEncoding, "\(text)")
        }
    }

    @Test func fileErrorTextsAgreeWithLocalizedDescription() throws {
        let directory = NSTemporaryDirectory()
        var errors: [any Error] = []
        for attempt in [
            { _ = try Data(contentsOf: URL(fileURLWithPath: "/nonexistent/NM_004006.2.gff3")) },
            { _ = try Data(contentsOf: URL(fileURLWithPath: directory), options: .alwaysMapped) },
            { try Data([1]).write(to: URL(fileURLWithPath: "/nonexistent/dir/table.vstable")) },
            { try Data([1]).write(to: URL(fileURLWithPath: directory)) },
            { try FileManager.default.moveItem(atPath: "/nonexistent/a", toPath: directory + "varsyn-b") },
        ] as [() throws -> Void] {
            do { try attempt() } catch { errors.append(error) }
        }
        #expect(errors.count == 5)
        for error in errors {
            #expect(describeFileError(error) == error.localizedDescription)
        }
        #expect(describeFileError(errors[0]) == "The operation could not be completed. The file doesn’t exist.")
    }

    /// Writing a table over an existing one replaces it (FileManager.replaceItemAt, used before, failed on Linux
    /// and left no table at all).
    @Test func tableWriterReplacesAnExistingTable() throws {
        let path = Fixtures.temporaryPath("replace.vstable")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first = ReferenceData()
        first.genes = [GeneModel(symbol: "STIM1", hgncID: 11386, aliases: [])]
        try TableWriter().write(first, to: path)
        var second = ReferenceData()
        second.genes = [GeneModel(symbol: "STIM1", hgncID: 11386, aliases: []), GeneModel(symbol: "BRCA1")]
        try TableWriter().write(second, to: path)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect([UInt8](written) == (try TableWriter().serialize(second)))
        #expect([UInt8](written) != (try TableWriter().serialize(first)))
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"))
    }
}
