import ArgumentParser
import Dispatch
import VarSynMentions
import VarSynNormalize
import VarSynReference
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `varsyn extract`: finds variant mentions in free text and prints one JSON line per mention with its gene,
/// normalized HGVS, canonical key and status.
///
/// ```
/// $ echo 'STIM1 P165Q was found.' | varsyn extract -
/// {"doc":"-","start":0,"end":11,"char_start":0,"char_end":11,"text":"STIM1 P165Q",…}
/// ```
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find variant mentions in free text and normalize them to canonical keys.",
        discussion: """
            Input: plain-text files (each one document, named by its path; - for standard input), or with --jsonl \
            records {"id": …, "text": …}. Invalid UTF-8 is replaced by U+FFFD before scanning (offsets refer to the \
            repaired text, which equals the input when it is valid). Prints one JSON object per mention found: \
            {"doc", "start", "end" (UTF-8 byte offsets), "char_start", "char_end" (Unicode scalar offsets), "text", \
            "form", "rewritten" (only for prose the parser read as a rebuilt standard description), "gene", \
            "gene_source", "interpreted", "hgvs", "key", "protein_key", "rsids", "status" \
            (resolved|unresolved|ambiguous), "reason", "detail", "readings"}. Only candidates the parser reads (as \
            written or through the prose reader) are mentions, unless --unconfirmed. The gene comes from an \
            adjacent symbol, else the sentence, else the document's most recent gene. Exit status 0 when every input was read, 1 \
            when some could not be.
            """
    )

    @Argument(help: "Text files (- for standard input).")
    var files: [String] = ["-"]

    @Flag(help: "Inputs are JSON Lines records {\"id\": …, \"text\": …}.")
    var jsonl = false

    @Option(help: "Also write a self-contained HTML report with every mention highlighted to this path.")
    var html: String?

    @Flag(
        help: ArgumentHelp(
            "Also report candidates nothing reads (G/A polymorphism, Delta32) as unresolved, reason not-parsed.",
            discussion: "By default a mention is a candidate the parser read, as written or through the prose reader."
        )
    )
    var unconfirmed = false

    @OptionGroup var tableOptions: TableOptions

    func run() throws {
        let table = try tableOptions.open()
        let scanner: MentionScanner
        do {
            scanner = try MentionScanner()
        } catch {
            printError("varsyn: mention patterns: \(error)")
            throw ExitCode(2)
        }
        let extractor = MentionExtractor(
            scanner: scanner, lexicon: TableGeneLexicon(table: table), keepsUnconfirmed: unconfirmed)
        let resolver = MentionResolver(provider: TableReferenceProvider(table))
        var out = OutputBuffer()
        var report = ExtractHTMLReport()
        var failed = false
        for file in files {
            let documents: [(id: String, text: String)]
            do {
                documents = try ExtractInput.documents(path: file, jsonl: jsonl)
            } catch {
                printError("varsyn: \(error)")
                failed = true
                continue
            }
            for document in documents {
                let mentions = extractor.mentions(in: document.text)
                var resolved: [(Mention, MentionResolution)] = []
                for mention in mentions {
                    let resolution = resolver.resolve(mention)
                    out.line(ExtractJSON.line(doc: document.id, mention, resolution))
                    if html != nil { resolved.append((mention, resolution)) }
                }
                if html != nil { report.add(document: document.id, text: document.text, mentions: resolved) }
            }
        }
        out.flush()
        if let html {
            do {
                try Data(report.finish().utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                printError("varsyn: cannot write \(html): \(describeFileError(error))")
                throw ExitCode(1)
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// Reading extract's inputs.
enum ExtractInput {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The documents of one input: the whole file, or one per JSON Lines record. Bad records are reported on
    /// standard error and skipped (the rest of the file is still read).
    static func documents(path: String, jsonl: Bool) throws -> [(id: String, text: String)] {
        let data: Data
        if path == "-" {
            data = Data(readStandardInput())
        } else {
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw Failure(description: "cannot read \(path): \(describeFileError(error))")
            }
        }
        let text = String(decoding: data, as: UTF8.self)
        guard jsonl else { return [(path, text)] }
        var documents: [(id: String, text: String)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            guard let object = JSONReader.value(line.utf8) as? [String: Any],
                let body = object["text"] as? String
            else {
                printError("varsyn: \(path):\(lineNumber): not a JSON object with a \"text\" string; skipped")
                continue
            }
            // A string id as is, a number as NSNumber.stringValue wrote it, else the place in the file.
            let id = JSONReader.scalarText(object["id"]) ?? "\(path):\(lineNumber)"
            documents.append((id, body))
        }
        return documents
    }
}

/// The JSON line of one mention.
enum ExtractJSON {
    static func line(doc: String, _ mention: Mention, _ resolution: MentionResolution) -> [UInt8] {
        var line = JSONLine()
        func optional(_ name: String, _ value: String?) {
            if let value { line.field(name, value) } else { line.field(name, raw: Array("null".utf8)) }
        }
        line.field("doc", doc)
        line.field("start", mention.start)
        line.field("end", mention.end)
        line.field("char_start", mention.charStart)
        line.field("char_end", mention.charEnd)
        line.field("text", mention.text)
        line.field("form", mention.form)
        if !mention.rewritten.isEmpty { line.field("rewritten", strings: mention.rewritten) }
        optional("gene", mention.gene?.symbol ?? mention.unknownGene)
        optional("gene_source", mention.geneSource?.rawValue ?? (mention.unknownGene != nil ? "adjacent" : nil))
        optional("interpreted", mention.readings.first?.expression.hgvs())
        optional("hgvs", resolution.hgvs)
        optional("key", resolution.key)
        optional("protein_key", resolution.proteinKey)
        line.field("rsids", strings: resolution.rsids)
        line.field("status", resolution.status.rawValue)
        optional("reason", resolution.reason)
        optional("detail", resolution.detail)
        if resolution.readings.count > 1 {
            line.field(
                "readings",
                objects: resolution.readings.map { reading in
                    var object = JSONLine()
                    object.field("interpreted", reading.interpreted)
                    if let hgvs = reading.hgvs { object.field("hgvs", hgvs) }
                    if let key = reading.variant?.key { object.field("key", key) }
                    if let error = reading.error { object.field("error", error.message) }
                    return object.finish()
                })
        }
        return line.finish()
    }
}
