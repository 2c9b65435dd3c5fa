import ArgumentParser
import Dispatch
import VarSynCore
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

/// `varsyn parse`: read variant descriptions, print one JSON object per input, in order.
///
/// ```
/// $ varsyn parse 'STIM1 P165Q' 'NM_003156.4:c.494C>'
/// {"input":"STIM1 P165Q","ok":true,"hgvs":"STIM1:p.Pro165Gln","form":"shorthand-gene-space","kind":"p"}
/// {"input":"NM_003156.4:c.494C>","ok":false,"error":{"code":"unexpected-end",…}}
/// ```
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse variant descriptions (HGVS and shorthand) and print one JSON object per input line.",
        discussion: """
            Reads the EXPRESSION arguments, or one expression per line from --input FILE (- for standard input; \
            standard input is also read when there are no arguments). Prints one JSON object per input, in order. \
            Exit status: 0 when every input parsed, 1 when some did not, 64 on usage errors.
            """
    )

    @Argument(help: "Variant descriptions to parse.")
    var expressions: [String] = []

    @Option(name: .shortAndLong, help: "Read one expression per line from FILE (- for standard input).")
    var input: String?

    @Flag(help: "Print only 'N parsed, M failed'.")
    var count = false

    @Flag(help: "Standard HGVS only: reject shorthand and non-standard notation.")
    var strict = false

    @Flag(name: .customLong("one-letter"), help: "Print amino acids with one-letter codes.")
    var oneLetter = false

    func validate() throws {
        if input != nil && !expressions.isEmpty {
            throw ValidationError("give expressions as arguments or with --input, not both")
        }
    }

    func run() throws {
        let options: ParserOptions = strict ? .strict : .lenient
        if count {
            // Accept/reject only: no String, line array or result per line (see LineCount). `--input FILE` usually
            // comes by LineCount's direct route, without the argument parser; this is the same count.
            if expressions.isEmpty {
                let status = LineCount.report(path: input ?? "-", options: options)
                if status != 0 { throw ExitCode(status) }
                return
            }
            let lines = LineInput(arguments: expressions)
            let tally = lines.buffer.withUnsafeBufferPointer { buffer in
                var total = LineCount.Tally()
                for range in lines.lines {
                    total.lines += 1
                    if HGVSParser.accepts(utf8: UnsafeBufferPointer(rebasing: buffer[range]), options: options) {
                        total.accepted += 1
                    }
                }
                return total
            }
            var out = OutputBuffer()
            out.line("\(tally.accepted) parsed, \(tally.lines - tally.accepted) failed")
            out.flush()
            if tally.accepted < tally.lines { throw ExitCode(1) }
            return
        }
        let lines: LineInput
        do {
            if let input {
                lines = try LineInput(path: input)
            } else if expressions.isEmpty {
                lines = try LineInput(path: "-")
            } else {
                lines = LineInput(arguments: expressions)
            }
        } catch let error as CLIError {
            writeStandardError("varsyn: \(error)\n")
            throw ExitCode(2)
        }
        var failed = 0
        let style: PrintStyle = oneLetter ? .oneLetter : .threeLetter
        var out = OutputBuffer()
        processInOrder(
            lines,
            transform: { (bytes) -> (Bool, [UInt8]) in
                ParseReport.json(bytes, options: options, style: style)
            },
            emit: { results in
                for (ok, json) in results {
                    if !ok { failed += 1 }
                    out.line(json)
                }
            })
        out.flush()
        if failed > 0 { throw ExitCode(1) }
    }
}

/// One parse result as a JSON object (the `varsyn parse` output format).
enum ParseReport {
    static func json(_ bytes: UnsafeBufferPointer<UInt8>, options: ParserOptions, style: PrintStyle) -> (Bool, [UInt8])
    {
        var line = JSONLine()
        line.field("input", String(decoding: bytes, as: UTF8.self))
        do {
            let parsed = try HGVSParser.parse(utf8: bytes, options: options)
            line.field("ok", true)
            addReading(parsed.reading, to: &line, style: style)
            if parsed.isAmbiguous {
                let others = parsed.otherReadings.map { reading -> [UInt8] in
                    var object = JSONLine()
                    addReading(reading, to: &object, style: style)
                    return object.finish()
                }
                line.field("other_readings", objects: others)
            }
            return (true, line.finish())
        } catch {
            line.field("ok", false)
            var object = JSONLine()
            object.field("code", error.code.rawValue)
            object.field("message", error.message(utf8: bytes))
            object.field("start", error.start)
            object.field("end", error.end)
            if !error.expected.isEmpty { object.field("expected", strings: error.expected.names) }
            object.field("rendered", error.render(utf8: bytes))
            line.field("error", raw: object.finish())
            return (false, line.finish())
        }
    }

    static func addReading(_ reading: Reading, to line: inout JSONLine, style: PrintStyle) {
        line.field("hgvs", reading.expression.hgvs(style))
        line.field("form", reading.form.rawValue)
        line.field("kind", kind(reading.expression))
        if !reading.warnings.isEmpty {
            let warnings = reading.warnings.map { warning -> [UInt8] in
                var object = JSONLine()
                object.field("code", warning.code.rawValue)
                object.field("start", warning.start)
                object.field("end", warning.end)
                return object.finish()
            }
            line.field("warnings", objects: warnings)
        }
    }

    /// `c`, `g`, `n`, `r`, `p`, `m`, `o` for descriptions (of the first one, for several), `rsid` for dbSNP ids.
    static func kind(_ expression: VariantExpression) -> String {
        switch expression {
        case .description(let d): d.body.coordinateSystem.letter
        case .alternatives(let ds): ds.first?.body.coordinateSystem.letter ?? "alternatives"
        case .alleles(let alleles): alleles.first?.first?.body.coordinateSystem.letter ?? "alleles"
        case .adjoinedTranscripts: "r"
        case .dbSNP: "rsid"
        }
    }
}
