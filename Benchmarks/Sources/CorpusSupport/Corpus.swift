#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why the corpus could not be loaded, with the fix in the message.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The benchmark corpus: every expression back to back in one contiguous byte buffer, with offsets.
///
/// The file has one `kind<TAB>hgvs` line per expression (`c_sub\tNM_003156.4:c.494C>T`), as written by
/// `shared/bench/peers/gen_corpus.py`. A line without a tab is taken whole as the expression, kind `-`.
/// Expression `i` is bytes `offsets[i] ..< offsets[i + 1]` of ``bytes`` (0-based, half-open); no separators
/// are stored, so a parser that reads past its slice would read the next expression, not a newline.
/// Loading happens once, before any clock starts; the timed loops only slice the buffer.
public final class Corpus: @unchecked Sendable {
    /// Environment variable that names the corpus file.
    public static let environmentVariable = "VARSYN_CORPUS"
    /// Where the corpus is looked for when ``environmentVariable`` is not set.
    public static let defaultPath = "/tmp/varsyn-corpus.tsv"

    /// The file the corpus was read from.
    public let path: String
    /// All expressions, concatenated. Read-only after loading.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// `count + 1` byte offsets into ``bytes``.
    public let offsets: UnsafeBufferPointer<Int>
    /// Per expression, an index into ``kindNames``.
    public let kinds: [Int]
    /// The distinct kinds, in order of first appearance.
    public let kindNames: [String]

    /// Number of expressions.
    public var count: Int { offsets.count - 1 }

    init(
        path: String, bytes: UnsafeBufferPointer<UInt8>, offsets: UnsafeBufferPointer<Int>, kinds: [Int],
        kindNames: [String]
    ) {
        self.path = path
        self.bytes = bytes
        self.offsets = offsets
        self.kinds = kinds
        self.kindNames = kindNames
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// Expression `index` as a slice of the shared buffer (no copy).
    @inlinable
    public func expression(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[offsets[index]..<offsets[index + 1]])
    }

    /// Expression `index` as a `String` (allocates; not for timed loops).
    public func string(_ index: Int) -> String {
        String(decoding: expression(index), as: UTF8.self)
    }

    /// Total bytes of expression text (no tabs, kinds or newlines).
    public var byteCount: Int { offsets[count] }

    /// The corpus path from `VARSYN_CORPUS`, else ``defaultPath``.
    public static func pathFromEnvironment() -> String {
        if let value = getenv(environmentVariable), value.pointee != 0 {
            return String(cString: value)
        }
        return defaultPath
    }

    /// The message shown when the corpus file is missing.
    public static func howToGenerate(path: String) -> String {
        """
        VarSyn benchmark corpus not found at \(path)
        The corpus is generated, not committed. From Benchmarks/ run:
            python3 ../../shared/bench/peers/gen_corpus.py -n 100000 -o \(path)
        (same seed every time: md5 a9f4f6eba7b9281de71ae85aa1b37835). Another path can be given with
        \(environmentVariable)=/path/to/corpus.tsv.
        """
    }

    /// Reads `path`, keeping at most `limit` expressions (all when `limit` is nil).
    public static func load(path: String, limit: Int? = nil) throws(CorpusError) -> Corpus {
        guard let file = fopen(path, "rb") else {
            throw CorpusError(description: howToGenerate(path: path))
        }
        defer { fclose(file) }
        var raw: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read == 0 { break }
            raw.append(contentsOf: chunk[0..<read])
        }
        if ferror(file) != 0 {
            throw CorpusError(description: "could not read the corpus at \(path)")
        }

        let tab = UInt8(ascii: "\t")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var offsets: [Int] = [0]
        var kinds: [Int] = []
        var kindNames: [String] = []
        var kindIndexByName: [String: Int] = [:]
        let maximum = limit ?? Int.max

        var lineStart = 0
        while lineStart < raw.count && kinds.count < maximum {
            var lineEnd = lineStart
            while lineEnd < raw.count && raw[lineEnd] != newline { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart && raw[contentEnd - 1] == carriageReturn { contentEnd -= 1 }
            if contentEnd > lineStart {
                var tabIndex = lineStart
                while tabIndex < contentEnd && raw[tabIndex] != tab { tabIndex += 1 }
                let kind: String
                let expressionStart: Int
                if tabIndex < contentEnd {
                    kind = String(decoding: raw[lineStart..<tabIndex], as: UTF8.self)
                    expressionStart = tabIndex + 1
                } else {
                    kind = "-"
                    expressionStart = lineStart
                }
                let kindIndex: Int
                if let known = kindIndexByName[kind] {
                    kindIndex = known
                } else {
                    kindIndex = kindNames.count
                    kindNames.append(kind)
                    kindIndexByName[kind] = kindIndex
                }
                text.append(contentsOf: raw[expressionStart..<contentEnd])
                offsets.append(text.count)
                kinds.append(kindIndex)
            }
            lineStart = lineEnd + 1
        }
        if kinds.isEmpty {
            throw CorpusError(description: "the corpus at \(path) has no expressions\n" + howToGenerate(path: path))
        }

        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.count, 1))
        _ = bytes.initialize(from: text)
        let offsetBuffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: offsets.count)
        _ = offsetBuffer.initialize(from: offsets)
        return Corpus(
            path: path,
            bytes: UnsafeBufferPointer(rebasing: bytes[0..<text.count]),
            offsets: UnsafeBufferPointer(offsetBuffer),
            kinds: kinds,
            kindNames: kindNames
        )
    }

    /// Loads the corpus named by the environment; on failure prints the reason to standard error and exits 2.
    public static func loadFromEnvironmentOrExit(limit: Int? = nil) -> Corpus {
        do {
            return try load(path: pathFromEnvironment(), limit: limit)
        } catch {
            writeStandardError("error: \(error.description)\n")
            exit(2)
        }
    }
}

/// Writes `text` to standard error (file descriptor 2), unbuffered.
public func writeStandardError(_ text: String) {
    var copy = text
    copy.withUTF8 { buffer in
        var done = 0
        while done < buffer.count {
            let written = write(2, buffer.baseAddress! + done, buffer.count - done)
            if written <= 0 { break }
            done += written
        }
    }
}
