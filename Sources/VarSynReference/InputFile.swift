import CZlib
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads an input file whole, inflating gzip and multi-member bgzip transparently (zlib, `inflateInit2(15+32)`).
public enum InputFile {
    /// The decompressed bytes of `path`.
    public static func read(_ path: String) throws(ReferenceError) -> [UInt8] {
        let raw: [UInt8]
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            raw = [UInt8](data)
        } catch {
            throw ReferenceError(.unreadableFile, file: path, "cannot read: \(describeFileError(error))")
        }
        if raw.count >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
            return try inflate(raw, file: path)
        }
        return raw
    }

    /// Inflates gzip data, all members (bgzip is a series of gzip members).
    public static func inflate(_ input: [UInt8], file: String) throws(ReferenceError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ReferenceError(.badCompression, file: file, "zlib initialisation failed")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var failure: String?
        input.withUnsafeBufferPointer { inBuffer in
            guard let base = inBuffer.baseAddress else { return }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(inBuffer.count)
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                while true {
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = outBuffer.count - Int(stream.avail_out)
                    output.append(contentsOf: outBuffer[0..<produced])
                    if status == Z_STREAM_END {
                        if stream.avail_in == 0 { return }
                        // Next bgzip / gzip member.
                        guard inflateReset(&stream) == Z_OK else {
                            failure = "cannot start the next gzip member"
                            return
                        }
                        continue
                    }
                    if status == Z_BUF_ERROR && stream.avail_in == 0 {
                        failure = "truncated gzip data after \(output.count) bytes"
                        return
                    }
                    if status != Z_OK {
                        let detail = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                        failure = "corrupt gzip data after \(output.count) bytes: \(detail)"
                        return
                    }
                    if stream.avail_in == 0 && produced == 0 {
                        failure = "truncated gzip data after \(output.count) bytes"
                        return
                    }
                }
            }
        }
        if let failure { throw ReferenceError(.badCompression, file: file, failure) }
        return output
    }
}

/// Lines of a text buffer with 1-based line numbers, without copying; `\r\n` tolerated.
struct LineReader: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    var position = 0
    var lineNumber = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> (number: Int, text: ArraySlice<UInt8>)? {
        guard position < bytes.count else { return nil }
        let start = position
        var end = start
        while end < bytes.count && bytes[end] != 0x0a { end += 1 }
        position = end + 1
        lineNumber += 1
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0d { lineEnd -= 1 }
        return (lineNumber, bytes[start..<lineEnd])
    }
}

/// Field access for one tab-separated line with file/line-aware errors.
struct TSVRecord {
    let file: String
    let line: Int
    let fields: [Substring]
    let names: [String]

    init(file: String, line: Int, text: ArraySlice<UInt8>, names: [String]) {
        self.file = file
        self.line = line
        self.names = names
        self.fields = String(decoding: text, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
    }

    func name(_ i: Int) -> String { i < names.count ? names[i] : "column \(i + 1)" }

    func string(_ i: Int) throws(ReferenceError) -> Substring {
        guard i < fields.count else {
            throw ReferenceError(
                .badRecord, file: file, line: line, field: name(i),
                "missing (line has \(fields.count) fields)")
        }
        return fields[i]
    }

    func optional(_ i: Int) -> Substring { i < fields.count ? fields[i] : "" }

    func int(_ i: Int) throws(ReferenceError) -> Int {
        let text = try string(i)
        guard let value = Int(text.trimmingWhitespace()) else {
            throw ReferenceError(
                .badRecord, file: file, line: line, field: name(i), "expected an integer, found \"\(text)\"")
        }
        return value
    }

    func fail(_ i: Int, _ message: String) -> ReferenceError {
        ReferenceError(.badRecord, file: file, line: line, field: name(i), message)
    }

    /// `start,end;start,end` (UTA `*_se_i`) into intervals.
    func startEndList(_ i: Int) throws(ReferenceError) -> [(Int, Int)] {
        let text = try string(i)
        var result: [(Int, Int)] = []
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: ",")
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a <= b else {
                throw fail(i, "expected \"start,end\" pairs, found \"\(pair)\"")
            }
            result.append((a, b))
        }
        return result
    }

    /// `a-b,c-d` (1-based inclusive) into 0-based half-open pairs.
    func oneBasedRangeList(_ i: Int) throws(ReferenceError) -> [(Int, Int)] {
        let text = try string(i)
        var result: [(Int, Int)] = []
        for range in text.split(separator: ",") {
            let parts = range.split(separator: "-")
            guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), a >= 1, a <= b else {
                throw fail(i, "expected \"start-end\" ranges, found \"\(range)\"")
            }
            result.append((a - 1, b))
        }
        return result
    }
}

/// Reads FASTA records: `>name description` then sequence lines; sequences upper-cased.
func readFASTA(
    _ bytes: [UInt8], file: String
) throws(ReferenceError) -> [(
    name: String, description: String, sequence: [UInt8]
)] {
    var records: [(name: String, description: String, sequence: [UInt8])] = []
    var reader = LineReader(bytes)
    while let (number, line) = reader.next() {
        guard let first = line.first else { continue }
        if first == UInt8(ascii: ">") {
            let header = String(decoding: line.dropFirst(), as: UTF8.self)
            let name = header.prefix { $0 != " " && $0 != "\t" }
            guard !name.isEmpty else {
                throw ReferenceError(.badRecord, file: file, line: number, field: "header", "empty sequence name")
            }
            records.append((String(name), String(header.dropFirst(name.count).drop { $0 == " " }), []))
        } else {
            guard !records.isEmpty else {
                throw ReferenceError(
                    .badRecord, file: file, line: number, field: "sequence", "sequence before the first > header")
            }
            for byte in line where byte != 0x20 && byte != 0x09 {
                let upper = byte >= 0x61 && byte <= 0x7a ? byte - 32 : byte
                guard upper >= 0x41 && upper <= 0x5a || upper == UInt8(ascii: "*") || upper == UInt8(ascii: "-") else {
                    throw ReferenceError(
                        .badRecord, file: file, line: number, field: "sequence",
                        "unexpected character \"\(Character(Unicode.Scalar(byte)))\"")
                }
                records[records.count - 1].sequence.append(upper)
            }
        }
    }
    return records
}

/// Calls `body` for each record of a tab-separated file (gzip allowed). With `names` nil the first non-empty line
/// is the header (a leading `#` dropped) and `validateHeader` may reject it; other lines starting with `#` and
/// empty lines are skipped.
func forEachTSVRecord(
    _ path: String, names: [String]? = nil, validateHeader: ([String]) -> Bool = { _ in true },
    _ body: (TSVRecord) throws(ReferenceError) -> Void
) throws(ReferenceError) {
    var header = names
    for (number, text) in LineReader(try InputFile.read(path)) where !text.isEmpty {
        guard let names = header else {
            let line = text.first == UInt8(ascii: "#") ? text.dropFirst() : text
            let parsed = String(decoding: line, as: UTF8.self).split(separator: "\t").map(String.init)
            guard validateHeader(parsed) else {
                throw ReferenceError(
                    .unknownFormat, file: path, line: number, "unexpected header \"\(parsed.joined(separator: " "))\"")
            }
            header = parsed
            continue
        }
        if text.first == UInt8(ascii: "#") { continue }
        try body(TSVRecord(file: path, line: number, text: text, names: names))
    }
}
