import ArgumentParser
import Dispatch
import VarSynCore
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

/// Options shared by `normalize`, `synonyms` and `dedupe`: the table, the assembly of chromosome-name input, and
/// where the expressions come from.
struct NormalizeInputOptions: ParsableArguments {
    @OptionGroup var tableOptions: TableOptions

    @Option(
        help: "Assembly of genomic input written with chromosome names (chr11:…, 11-4076864-C-A): GRCh38 or GRCh37.")
    var assembly: String = "GRCh38"

    @Option(
        name: .shortAndLong,
        help:
            "Read expressions from FILE (- for standard input): one per line, or a TSV/CSV/JSONL column with --column.")
    var input: String?

    @Option(help: "Column (header name) holding the expression in a TSV, CSV or JSON Lines --input.")
    var column: String?

    func normalizer() throws -> Normalizer<TableReferenceProvider> {
        guard let assembly = Assembly(name: assembly) else {
            throw ValidationError("unknown assembly \(self.assembly) (GRCh37 or GRCh38)")
        }
        let provider = TableReferenceProvider(try tableOptions.open())
        return Normalizer(
            provider: provider, options: NormalizeOptions(assembly: assembly), protein: ProteinMapper(provider))
    }

    /// The expressions: arguments, or the lines (or one column) of --input.
    func lines(arguments: [String]) throws -> LineInput {
        if input != nil && !arguments.isEmpty {
            throw ValidationError("give expressions as arguments or with --input, not both")
        }
        let raw: LineInput
        do {
            if let input {
                raw = try LineInput(path: input)
            } else if arguments.isEmpty {
                raw = try LineInput(path: "-")
            } else {
                return LineInput(arguments: arguments)
            }
        } catch let error as CLIError {
            writeStandardError("varsyn: \(error)\n")
            throw ExitCode(2)
        }
        guard let column else { return raw }
        do {
            return try ColumnReader.extract(column, from: raw, csv: input?.lowercased().hasSuffix(".csv") ?? false)
        } catch let error as CLIError {
            writeStandardError("varsyn: \(error)\n")
            throw ExitCode(2)
        }
    }
}

/// `varsyn normalize`: one JSON object (or TSV row) per input, in order, with the canonical keys.
///
/// ```
/// $ varsyn normalize NM_003156.3:c.494C>A
/// {"input":"NM_003156.3:c.494C>A","ok":true,"key":"NC_000011.10:4055633:C:A","spdi":"NC_000011.10:4055633:C:A",…}
/// ```
struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalize variant descriptions and print their canonical keys (SPDI, VCF, HGVS g./c.).",
        discussion: """
            Prints one JSON object per input, in order (N in, N out): {"input", "ok": true, "key", "spdi", \
            "vcf_grch38", "vcf_grch37", "hgvs_g", "hgvs_c", "hgvs_p", "protein_key", "rsids", "candidates", \
            "warnings"}, for an allele ([a;b], [a];[b], [a(;)b]) also "phase" and "components" (one object per \
            normalized change, "allele" numbering the chromosome copies), or {"input", "ok": false, "error": {"code", "message", …}}. A reference mismatch is an error \
            naming the expected and the stated bases; it is never corrected. Exit status: 0 when every input was \
            normalized, 1 when some were not, 64 on usage errors.
            """
    )

    @Argument(help: "Variant descriptions (HGVS or shorthand).")
    var expressions: [String] = []

    @OptionGroup var options: NormalizeInputOptions

    @Option(help: "Output format: json (one object per line) or tsv.")
    var format: String = "json"

    @Option(
        help:
            "Benchmark instead of printing: normalize the inputs this many times on one thread and report rates on standard error."
    )
    var bench: Int?

    @Option(
        help:
            "With --bench: the passes to time, comma-separated (parse, key, all, project, text by default; also key-general, project-general, project-p, backtranslate, ctext, ctext-general, ctext-stream, key-stream)."
    )
    var benchPass: String?

    func run() throws {
        guard format == "json" || format == "tsv" else { throw ValidationError("--format is json or tsv") }
        let lines = try options.lines(arguments: expressions)
        let normalizer = try options.normalizer()
        if let bench {
            NormalizeBenchmark.run(
                lines, normalizer: normalizer, rounds: max(1, bench),
                passes: benchPass.map { $0.split(separator: ",").map(String.init) } ?? NormalizeBenchmark.passes)
            return
        }
        let tsv = format == "tsv"
        try printInOrder(lines, header: tsv ? NormalizeReport.tsvHeader : nil) { text in
            let result = Result { () throws(NormalizeError) in try normalizer.normalize(text) }
            let line = tsv ? NormalizeReport.tsv(text, result) : NormalizeReport.json(text, result)
            return ((try? result.get()) != nil, line)
        }
    }
}

/// Transforms every input line on all cores and prints one output line per input, in order; exits with status 1
/// when some input failed.
func printInOrder(
    _ lines: LineInput, header: String? = nil, transform: @escaping @Sendable (String) -> (ok: Bool, line: [UInt8])
) throws {
    var out = OutputBuffer()
    if let header { out.line(header) }
    var failed = 0
    processInOrder(
        lines, transform: { bytes in transform(String(decoding: bytes, as: UTF8.self)) },
        emit: { results in
            for (ok, line) in results {
                if !ok { failed += 1 }
                out.line(line)
            }
        })
    out.flush()
    if failed > 0 { throw ExitCode(1) }
}

/// The output formats of `varsyn normalize`.
enum NormalizeReport {
    static let tsvHeader =
        "input\tok\tkey\tspdi\tvcf_grch38\tvcf_grch37\thgvs_g\thgvs_c\thgvs_p\tprotein_key\trsids\twarnings\terror"

    static func json(_ input: String, _ result: Result<NormalizedVariant, NormalizeError>) -> [UInt8] {
        var line = JSONLine()
        line.field("input", input)
        switch result {
        case .success(let v):
            line.field("ok", true)
            func optional(_ name: String, _ value: String?) {
                if let value { line.field(name, value) } else { line.field(name, raw: Array("null".utf8)) }
            }
            optional("key", v.key)
            if v.key == nil, let why = v.keyUnavailableReason { line.field("key_unavailable", why) }
            optional("spdi", v.spdi)
            optional("vcf_grch38", v.vcfGRCh38)
            optional("vcf_grch37", v.vcfGRCh37)
            optional("hgvs_g", v.hgvsG)
            optional("hgvs_g_grch37", v.hgvsGGRCh37)
            optional("hgvs_c", v.hgvsC)
            optional("hgvs_p", v.hgvsP)
            optional("protein_key", v.proteinKey)
            line.field("rsids", strings: v.rsids)
            line.field("candidates", strings: v.candidates)
            line.field("warnings", strings: v.warnings)
            if let phase = v.phase {
                line.field("phase", phase.rawValue)
                line.field("components", objects: components(v))
            }
        case .failure(let error):
            line.field("ok", false)
            line.field("error", raw: errorObject(error, input: input))
        }
        return line.finish()
    }

    /// An allele's normalized components: `{"allele": 1, "key", "spdi", "hgvs_g", "hgvs_c", "hgvs_r", "hgvs_p"}`,
    /// `allele` numbering the chromosome copies of `[a];[b]` (each variant of `[a(;)b]` is its own).
    static func components(_ v: NormalizedVariant) -> [[UInt8]] {
        var objects: [[UInt8]] = []
        for (copy, list) in v.alleles.enumerated() {
            for c in list {
                var object = JSONLine()
                object.field("allele", copy + 1)
                for (name, value) in [
                    ("key", c.key), ("spdi", c.spdi), ("vcf_grch38", c.vcfGRCh38), ("hgvs_g", c.hgvsG),
                    ("hgvs_c", c.hgvsC), ("hgvs_r", c.hgvsR), ("hgvs_p", c.hgvsP),
                ] {
                    if let value { object.field(name, value) } else { object.field(name, raw: Array("null".utf8)) }
                }
                objects.append(object.finish())
            }
        }
        return objects
    }

    static func errorObject(_ error: NormalizeError, input: String) -> [UInt8] {
        var object = JSONLine()
        object.field("code", error.code.rawValue)
        object.field("message", error.message)
        if let e = error.expected { object.field("expected", e) }
        if let f = error.found { object.field("found", f) }
        if let p = error.parseError {
            object.field("start", p.start)
            object.field("end", p.end)
            object.field("rendered", p.render(input: input))
        }
        return object.finish()
    }

    static func tsv(_ input: String, _ result: Result<NormalizedVariant, NormalizeError>) -> [UInt8] {
        func clean(_ s: String?) -> String {
            String(String.UnicodeScalarView((s ?? "").unicodeScalars.map { $0 == "\t" || $0 == "\n" ? " " : $0 }))
        }
        var fields = [clean(input)]
        switch result {
        case .success(let v):
            fields += ["true", v.key, v.spdi, v.vcfGRCh38, v.vcfGRCh37, v.hgvsG, v.hgvsC, v.hgvsP, v.proteinKey].map(
                clean)
            fields += [v.rsids.joined(separator: ","), clean(v.warnings.joined(separator: "; ")), ""]
        case .failure(let error):
            fields += ["false"] + Array(repeating: "", count: 10) + [clean(error.message)]
        }
        return Array(fields.joined(separator: "\t").utf8)
    }
}

/// Picks one column out of TSV, CSV or JSON Lines input (header row for TSV/CSV; a key for JSONL). Every data
/// row gives one line, so N rows in give N results out.
enum ColumnReader {
    static func extract(_ column: String, from input: LineInput, csv: Bool) throws -> LineInput {
        var rows: [String] = []
        let lines = input.lines.map { String(decoding: input.buffer[$0], as: UTF8.self) }
        guard let firstIndex = lines.firstIndex(where: { !$0.isEmpty }) else { return LineInput(arguments: []) }
        if lines[firstIndex].hasPrefix("{") {
            for line in lines where !line.isEmpty {
                let object = JSONReader.value(line.utf8) as? [String: Any]
                rows.append(object.flatMap { value(of: $0[column]) } ?? "")
            }
            return LineInput(arguments: rows)
        }
        let separator: Character =
            csv || (!lines[firstIndex].contains("\t") && lines[firstIndex].contains(",")) ? "," : "\t"
        let header = split(lines[firstIndex], separator)
        guard let k = header.firstIndex(of: column) else {
            throw CLIError.cannotRead(
                "--column \(column)", "no such column in the header (\(header.joined(separator: ", ")))")
        }
        for line in lines[(firstIndex + 1)...] where !line.isEmpty {
            let fields = split(line, separator)
            rows.append(k < fields.count ? fields[k] : "")
        }
        return LineInput(arguments: rows)
    }

    static func value(of any: Any?) -> String? {
        JSONReader.scalarText(any)
    }

    /// Splits one line; for CSV, double-quoted fields may contain the separator and `""`.
    static func split(_ line: String, _ separator: Character) -> [String] {
        guard separator == "," else {
            return line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}

/// `varsyn normalize --bench N`: single-thread rates of parse, normalize (of parsed input: key only, and every
/// form) and c. -> g. projection, on standard error. `--bench-pass` picks passes; each pass runs in its own
/// `@inline(never)` function `varsynBenchPass…`, so `valgrind --tool=callgrind --toggle-collect='*varsynBenchPass*'`
/// counts only the timed work (`Benchmarks/run-map-comparison.sh --callgrind`).
enum NormalizeBenchmark {
    static let passes = ["parse", "key", "all", "project", "text"]
    /// Every pass `--bench-pass` knows (the default set, the general-path key pass, and the protein passes).
    static let known =
        passes + [
            "key-general", "project-general", "project-p", "backtranslate", "ctext", "ctext-general", "ctext-stream",
            "key-stream", "project-p-stream", "project-p-text-stream", "backtranslate-stream",
        ]

    static func run(
        _ lines: LineInput, normalizer: Normalizer<TableReferenceProvider>, rounds: Int, passes: [String] = passes
    ) {
        let texts = lines.lines.map { String(decoding: lines.buffer[$0], as: UTF8.self) }
        let parsed = texts.compactMap { try? HGVSParser.parse($0) }
        func rate(_ label: String, count: Int, _ body: () -> Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            var ok = 0
            for _ in 0..<rounds { ok += body() }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let n = Double(count * rounds)
            let line =
                "\(label): \(Int(n / seconds)) /s on one thread (\(count) inputs x \(rounds), \(ok / rounds) ok per round)\n"
            writeStandardError(line)
        }
        var keyOnly = normalizer
        keyOnly.options.forms = .key
        for pass in passes {
            switch pass {
            case "parse": rate("parse", count: texts.count) { varsynBenchPassParse(texts) }
            case "key":
                rate("normalize parsed, key only", count: parsed.count) { varsynBenchPassNormalize(parsed, keyOnly) }
            case "key-general":
                var general = keyOnly
                general.fastPaths = false
                rate("normalize parsed, key only, general path", count: parsed.count) {
                    varsynBenchPassNormalize(parsed, general)
                }
            case "all":
                rate("normalize parsed, all forms", count: parsed.count) {
                    varsynBenchPassNormalize(parsed, normalizer)
                }
            case "project":
                rate("c. -> g. projection of parsed", count: parsed.count) {
                    varsynBenchPassProject(parsed, normalizer)
                }
            case "project-general":
                var general = normalizer
                general.fastPaths = false
                rate("c. -> g. projection of parsed, general path", count: parsed.count) {
                    varsynBenchPassProject(parsed, general)
                }
            case "project-p":
                let mapper = ProteinMapper(normalizer.provider)
                rate("c. -> g. projection + p. consequence text of parsed", count: parsed.count) {
                    varsynBenchPassProjectProtein(parsed, normalizer, mapper)
                }
            case "backtranslate":
                let mapper = ProteinMapper(normalizer.provider)
                rate("p. -> c. back-translation, text in, c. texts out", count: texts.count) {
                    varsynBenchPassBackTranslate(texts, mapper)
                }
            case "project-p-stream":
                let projector = CodingProjector(normalizer)
                rate("c. -> g. projection + p. text of parsed, streamed", count: parsed.count) {
                    varsynBenchPassProjectProteinStream(parsed, projector)
                }
            case "project-p-text-stream":
                let projector = CodingProjector(normalizer)
                rate("c. -> g. projection + p. text, text in, streamed", count: lines.lines.count) {
                    varsynBenchPassProjectProteinTextStream(lines, projector)
                }
            case "backtranslate-stream":
                let mapper = ProteinMapper(normalizer.provider)
                rate("p. -> c. back-translation, text in, c. texts streamed", count: lines.lines.count) {
                    varsynBenchPassBackTranslateStream(lines, mapper)
                }
            case "ctext", "ctext-general":
                // Text in, the normalized c. text out: what ferro-hgvs's normalize answers.
                var textOnly = normalizer
                textOnly.options.forms = .hgvsC
                textOnly.fastPaths = pass == "ctext"
                rate(
                    "parse + normalize text, c. text only\(pass == "ctext" ? "" : ", general path")",
                    count: texts.count
                ) {
                    varsynBenchPassNormalizeText(texts, textOnly)
                }
            case "ctext-stream", "key-stream":
                // Text in (the input's bytes), the c. text or key appended to a TextList cleared every 1,024 rows;
                // after one untimed round (not counted by callgrind either), which prepares the transcripts: the
                // steady state of a long stream.
                let key = pass == "key-stream"
                _ = streamRound(lines, normalizer, key: key)
                rate("stream text in -> \(key ? "key" : "c. text") (TextList)", count: lines.lines.count) {
                    varsynBenchPassStream(lines, normalizer, key: key)
                }
            case "text":
                rate("parse + normalize text, all forms", count: texts.count) {
                    varsynBenchPassNormalizeText(texts, normalizer)
                }
            default:
                writeStandardError("unknown --bench-pass \(pass) (\(known.joined(separator: ",")))\n")
            }
        }
    }
}

@inline(never)
func varsynBenchPassParse(_ texts: [String]) -> Int {
    var ok = 0
    for text in texts where (try? HGVSParser.parse(text)) != nil { ok += 1 }
    return ok
}

@inline(never)
func varsynBenchPassNormalize(_ parsed: [ParsedExpression], _ normalizer: Normalizer<TableReferenceProvider>) -> Int {
    // Each parsed expression is read in place (borrowed from the buffer), not copied out of the array.
    parsed.withUnsafeBufferPointer { items in
        var ok = 0
        guard let item = items.baseAddress else { return 0 }
        for i in 0..<items.count {
            do {
                _ = try normalizer.normalize(item[i])
                ok += 1
            } catch {}
        }
        return ok
    }
}

@inline(never)
func varsynBenchPassProject(_ parsed: [ParsedExpression], _ normalizer: Normalizer<TableReferenceProvider>) -> Int {
    parsed.withUnsafeBufferPointer { items in
        var ok = 0
        guard let item = items.baseAddress else { return 0 }
        for i in 0..<items.count {
            do {
                _ = try normalizer.project(item[i].expression)
                ok += 1
            } catch {}
        }
        return ok
    }
}

@inline(never)
func varsynBenchPassNormalizeText(_ texts: [String], _ normalizer: Normalizer<TableReferenceProvider>) -> Int {
    var ok = 0
    for text in texts {
        do {
            _ = try normalizer.normalize(text)
            ok += 1
        } catch {}
    }
    return ok
}

@inline(never)
func varsynBenchPassStream(_ lines: LineInput, _ normalizer: Normalizer<TableReferenceProvider>, key: Bool) -> Int {
    streamRound(lines, normalizer, key: key)
}

/// One round of the stream passes (inlined into ``varsynBenchPassStream(_:_:key:)`` and the untimed warm-up).
@inline(__always)
func streamRound(_ lines: LineInput, _ normalizer: Normalizer<TableReferenceProvider>, key: Bool) -> Int {
    var list = TextList()
    var ok = 0
    lines.buffer.withUnsafeBufferPointer { buffer in
        for (i, line) in lines.lines.enumerated() {
            if i & 1023 == 0 { list.removeAll() }
            let text = UnsafeBufferPointer(rebasing: buffer[line])
            do {
                let appended =
                    key
                    ? try normalizer.appendKey(of: text, to: &list)
                    : try normalizer.appendNormalizedText(of: text, to: &list)
                if appended { ok += 1 }
            } catch {}
        }
    }
    return ok
}

@inline(never)
func varsynBenchPassProjectProtein(
    _ parsed: [ParsedExpression], _ normalizer: Normalizer<TableReferenceProvider>,
    _ mapper: ProteinMapper<TableReferenceProvider>
) -> Int {
    parsed.withUnsafeBufferPointer { items in
        var ok = 0
        guard let item = items.baseAddress else { return 0 }
        for i in 0..<items.count {
            // One copy of the expression out of the buffer, read by both calls.
            let expression = item[i].expression
            do {
                _ = try normalizer.project(expression)
                if try !mapper.consequenceText(ofCoding: expression).isEmpty { ok += 1 }
            } catch {}
        }
        return ok
    }
}

@inline(never)
func varsynBenchPassBackTranslate(_ texts: [String], _ mapper: ProteinMapper<TableReferenceProvider>) -> Int {
    var ok = 0
    for text in texts {
        do {
            if try !mapper.codingCandidates(ofProtein: text).isEmpty { ok += 1 }
        } catch {}
    }
    return ok
}

/// The streaming callers' loop: answers appended to one `TextList`, cleared every 1,000 rows (its capacity kept).
@inline(never)
func varsynBenchPassProjectProteinStream(
    _ parsed: [ParsedExpression], _ projector: CodingProjector<TableReferenceProvider>
) -> Int {
    // `out` lives in this frame (destroyed after the loop): no tail call out of the function, which callgrind's
    // `--toggle-collect` would take for its end.
    // The expressions are read from the array (immutable here, so borrowed in place: through an unsafe pointer
    // each one would be copied for the call, as the memory could change during it).
    var out = TextList()
    var ok = 0
    for i in parsed.indices {
        if i % 1000 == 0 { out.removeAll() }
        do {
            if try projector.project(parsed[i].expression, appendingProteinTo: &out).protein == nil { ok += 1 }
        } catch {}
    }
    return ok
}

/// Text in (the lines' bytes, as read from the file), candidate texts appended to one `TextList`.
@inline(never)
func varsynBenchPassBackTranslateStream(_ lines: LineInput, _ mapper: ProteinMapper<TableReferenceProvider>) -> Int {
    var out = TextList()
    return lines.buffer.withUnsafeBufferPointer { buffer in
        var ok = 0
        for (i, line) in lines.lines.enumerated() {
            if i % 1000 == 0 { out.removeAll() }
            let before = out.count
            do {
                try mapper.appendCodingCandidates(ofProtein: UnsafeBufferPointer(rebasing: buffer[line]), to: &out)
                if out.count > before { ok += 1 }
            } catch {}
        }
        return ok
    }
}

/// Text in (the lines' bytes), projection and p. text appended to one `TextList`.
@inline(never)
func varsynBenchPassProjectProteinTextStream(
    _ lines: LineInput, _ projector: CodingProjector<TableReferenceProvider>
) -> Int {
    var out = TextList()
    return lines.buffer.withUnsafeBufferPointer { buffer in
        var ok = 0
        for (i, line) in lines.lines.enumerated() {
            if i % 1000 == 0 { out.removeAll() }
            do {
                let answer = try projector.project(
                    utf8: UnsafeBufferPointer(rebasing: buffer[line]), appendingProteinTo: &out)
                if answer.protein == nil { ok += 1 }
            } catch {}
        }
        return ok
    }
}
