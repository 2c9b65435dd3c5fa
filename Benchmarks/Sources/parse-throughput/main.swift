// parse-throughput: single-thread parse throughput of HGVSParser over the benchmark corpus.
//
//     swift run -c release parse-throughput [--corpus PATH] [--passes 5] [--limit N] [--strict] [--show-failures N]
//                                           [--accepts | --compact]
//
// Loads the corpus once into one contiguous buffer (CorpusSupport), runs one untimed pass that also records
// which strings fail (by kind), then times `--passes` passes of `HGVSParser.parse(utf8:)` (with `--accepts`:
// `HGVSParser.accepts(utf8:)`, the accept/reject entry `varsyn parse --count` uses; with `--compact`:
// `HGVSParser.parseCompact(utf8:)`, the trivial result that builds the tree on demand) over buffer slices:
// no String is created in the timed loop. Prints one JSON object on standard output:
//
//     {"strings":100000,"passes":5,"seconds_median":…,"strings_per_second_median":…,"failures":…,
//      "failures_by_kind":{…}, …}
//
// Under callgrind, `--toggle-collect='*varsynTimedPass*'` counts only the timed passes (see run-parse-comparison.sh).

import CorpusSupport
import VarSynCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

struct Settings {
    var corpusPath = Corpus.pathFromEnvironment()
    var passes = 5
    var limit: Int? = nil
    var strict = false
    var showFailures = 0
    var accepts = false
    var compact = false
}

let usage = """
    usage: parse-throughput [--corpus PATH] [--passes N] [--limit N] [--strict] [--show-failures N]

      --corpus PATH        corpus TSV (kind<TAB>hgvs); default $\(Corpus.environmentVariable) or \(Corpus.defaultPath)
      --passes N           timed passes over the corpus (default 5); the JSON reports the median pass
      --limit N            use only the first N expressions
      --strict             ParserOptions.strict instead of .lenient
      --show-failures N    print up to N failing expressions with their error code to standard error
      --accepts            time HGVSParser.accepts(utf8:) (accept/reject only) instead of HGVSParser.parse(utf8:)
      --compact            time HGVSParser.parseCompact(utf8:) (trivial result, tree on demand; no tree built)

    """

func parseArguments() -> Settings {
    var settings = Settings()
    var arguments = CommandLine.arguments.dropFirst()
    func value(_ flag: String) -> String {
        guard let next = arguments.popFirst() else {
            writeStandardError("error: \(flag) needs a value\n\(usage)")
            exit(64)
        }
        return next
    }
    func positiveInt(_ flag: String) -> Int {
        let text = value(flag)
        guard let number = Int(text), number >= 0 else {
            writeStandardError("error: \(flag) needs a number, got '\(text)'\n\(usage)")
            exit(64)
        }
        return number
    }
    while let argument = arguments.popFirst() {
        switch argument {
        case "--corpus": settings.corpusPath = value(argument)
        case "--passes": settings.passes = max(1, positiveInt(argument))
        case "--limit": settings.limit = positiveInt(argument)
        case "--strict": settings.strict = true
        case "--show-failures": settings.showFailures = positiveInt(argument)
        case "--accepts": settings.accepts = true
        case "--compact": settings.compact = true
        case "-h", "--help":
            print(usage, terminator: "")
            exit(0)
        default:
            writeStandardError("error: unknown argument '\(argument)'\n\(usage)")
            exit(64)
        }
    }
    return settings
}

/// Keeps a parse result alive so the optimizer cannot drop the work that built it.
@inline(never) @_optimize(none)
func consume(_ expression: ParsedExpression) {}

/// One timed pass over expressions `range`; returns the number that failed to parse.
/// The only code callgrind counts (`--toggle-collect='*varsynTimedPass*'`).
@inline(never)
func varsynTimedPass(_ corpus: Corpus, _ range: Range<Int>, _ options: ParserOptions) -> Int {
    var failures = 0
    let offsets = corpus.offsets
    guard let base = corpus.bytes.baseAddress else { return 0 }
    for index in range {
        let start = offsets[index]
        let slice = UnsafeBufferPointer(start: base + start, count: offsets[index + 1] - start)
        do {
            let expression = try HGVSParser.parse(utf8: slice, options: options)
            consume(expression)
        } catch {
            failures &+= 1
        }
    }
    return failures
}

/// One timed pass of the accept/reject entry over expressions `range`; returns the number rejected.
/// Counted by callgrind like ``varsynTimedPass(_:_:_:)`` (same name prefix).
@inline(never)
func varsynTimedPassAccepts(_ corpus: Corpus, _ range: Range<Int>, _ options: ParserOptions) -> Int {
    var failures = 0
    let offsets = corpus.offsets
    guard let base = corpus.bytes.baseAddress else { return 0 }
    for index in range {
        let start = offsets[index]
        let slice = UnsafeBufferPointer(start: base + start, count: offsets[index + 1] - start)
        if !HGVSParser.accepts(utf8: slice, options: options) { failures &+= 1 }
    }
    return failures
}

/// Keeps a compact result alive (see ``consume(_:)``).
@inline(never) @_optimize(none)
func consumeCompact(_ compact: CompactParse) {}

/// One timed pass of the compact entry over expressions `range`; returns the number that failed to parse.
/// Counted by callgrind like ``varsynTimedPass(_:_:_:)`` (same name prefix).
@inline(never)
func varsynTimedPassCompact(_ corpus: Corpus, _ range: Range<Int>, _ options: ParserOptions) -> Int {
    var failures = 0
    let offsets = corpus.offsets
    guard let base = corpus.bytes.baseAddress else { return 0 }
    for index in range {
        let start = offsets[index]
        let slice = UnsafeBufferPointer(start: base + start, count: offsets[index + 1] - start)
        do {
            consumeCompact(try HGVSParser.parseCompact(utf8: slice, options: options))
        } catch {
            failures &+= 1
        }
    }
    return failures
}

/// Untimed pass: which expressions fail, counted by kind; the first few failures kept with their error.
func collectFailures(_ corpus: Corpus, _ options: ParserOptions, keep: Int) -> (byKind: [Int], samples: [String]) {
    var byKind = [Int](repeating: 0, count: corpus.kindNames.count)
    var samples: [String] = []
    for index in 0..<corpus.count {
        do {
            _ = try HGVSParser.parse(utf8: corpus.expression(index), options: options)
        } catch {
            byKind[corpus.kinds[index]] += 1
            if samples.count < keep {
                samples.append(
                    "\(corpus.kindNames[corpus.kinds[index]])\t\(corpus.string(index))\t\(error.code.rawValue) at byte \(error.start)"
                )
            }
        }
    }
    return (byKind, samples)
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

func jsonNumber(_ value: Double) -> String {
    value.isFinite ? "\(value)" : "null"
}

let settings = parseArguments()
let corpus: Corpus
do {
    corpus = try Corpus.load(path: settings.corpusPath, limit: settings.limit)
} catch {
    writeStandardError("error: \(error.description)\n")
    exit(2)
}
let options: ParserOptions = settings.strict ? .strict : .lenient

// Untimed: warms caches and page-faults the buffer in, and records the failures by kind.
let (failuresByKind, samples) = collectFailures(corpus, options, keep: settings.showFailures)
for sample in samples { writeStandardError(sample + "\n") }

let clock = ContinuousClock()
var passSeconds: [Double] = []
var failures = 0
for _ in 0..<settings.passes {
    let start = clock.now
    if settings.accepts {
        failures = varsynTimedPassAccepts(corpus, 0..<corpus.count, options)
    } else if settings.compact {
        failures = varsynTimedPassCompact(corpus, 0..<corpus.count, options)
    } else {
        failures = varsynTimedPass(corpus, 0..<corpus.count, options)
    }
    passSeconds.append(seconds(clock.now - start))
}

let medianSeconds = median(passSeconds)
let count = corpus.count
var byKind: [String] = []
for (index, name) in corpus.kindNames.enumerated().sorted(by: { $0.element < $1.element })
where failuresByKind[index] > 0 {
    byKind.append("\(jsonString(name)):\(failuresByKind[index])")
}

var json = "{"
json += "\"strings\":\(count)"
json += ",\"passes\":\(settings.passes)"
json += ",\"options\":\(jsonString(settings.strict ? "strict" : "lenient"))"
json += ",\"entry\":\(jsonString(settings.accepts ? "accepts" : settings.compact ? "parseCompact" : "parse"))"
json += ",\"seconds_median\":\(jsonNumber(medianSeconds))"
json += ",\"strings_per_second_median\":\(jsonNumber(Double(count) / medianSeconds))"
json += ",\"nanoseconds_per_string_median\":\(jsonNumber(medianSeconds * 1e9 / Double(count)))"
json += ",\"seconds_per_pass\":[\(passSeconds.map(jsonNumber).joined(separator: ","))]"
json += ",\"failures\":\(failures)"
json += ",\"failures_by_kind\":{\(byKind.joined(separator: ","))}"
json += ",\"corpus\":\(jsonString(corpus.path))"
json += ",\"corpus_bytes\":\(corpus.byteCount)"
json += "}"
print(json)
