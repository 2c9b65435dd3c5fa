import Dispatch
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

/// Input lines for the batch commands: the arguments, or the lines of a file or standard input.
/// Lines are byte ranges into one buffer; a trailing `\r` is dropped; N lines in give N results out.
struct LineInput {
    let buffer: [UInt8]
    let lines: [Range<Int>]

    /// Each argument is one line.
    init(arguments: [String]) {
        var buffer: [UInt8] = []
        var lines: [Range<Int>] = []
        for argument in arguments {
            let start = buffer.count
            buffer.append(contentsOf: argument.utf8)
            lines.append(start..<buffer.count)
        }
        self.buffer = buffer
        self.lines = lines
    }

    /// The lines of `path` (`-` for standard input). A final newline does not start another line.
    init(path: String) throws {
        let data: Data
        if path == "-" {
            data = Data(readStandardInput())
        } else {
            guard FileManager.default.fileExists(atPath: path) else {
                throw CLIError.cannotRead(path, "no such file")
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            } catch {
                throw CLIError.cannotRead(path, "\(describeFileError(error))")
            }
        }
        self.init(bytes: [UInt8](data))
    }

    init(bytes: [UInt8]) {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 24)
        bytes.withUnsafeBufferPointer { b in
            var start = 0
            var i = 0
            let n = b.count
            while i < n {
                if b[i] == 10 {
                    let end = i > start && b[i - 1] == 13 ? i - 1 : i
                    lines.append(start..<end)
                    start = i + 1
                }
                i += 1
            }
            if start < n {
                let end = b[n - 1] == 13 ? n - 1 : n
                lines.append(start..<end)
            }
        }
        self.buffer = bytes
        self.lines = lines
    }
}

/// Errors the CLI reports itself (not parse errors, which are results).
enum CLIError: Error, CustomStringConvertible {
    case cannotRead(String, String)
    case cannotWrite(String)

    var description: String {
        switch self {
        case .cannotRead(let path, let why): "cannot read \(path): \(why)"
        case .cannotWrite(let why): "cannot write output: \(why)"
        }
    }
}

/// Runs `transform` over every line, on all cores, and hands the results to `emit` in input order, one block at a
/// time (memory stays bounded by the block size, not the input size).
func processInOrder<Result>(
    _ input: LineInput, blockSize: Int = 65_536,
    transform: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Result,
    emit: ([Result]) throws -> Void
) rethrows {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    try input.buffer.withUnsafeBufferPointer { buffer in
        var blockStart = 0
        while blockStart < input.lines.count {
            let blockEnd = min(blockStart + blockSize, input.lines.count)
            let count = blockEnd - blockStart
            var results = [Result?](repeating: nil, count: count)
            let chunks = min(workers * 4, max(1, count / 256))
            results.withUnsafeMutableBufferPointer { out in
                // Each chunk writes only its own slots; the pointers outlive concurrentPerform.
                let shared = SharedBlock(output: out.baseAddress!, input: buffer, lines: input.lines, first: blockStart)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let lo = chunk * count / chunks
                    let hi = (chunk + 1) * count / chunks
                    for k in lo..<hi {
                        let range = shared.lines[shared.first + k]
                        (shared.output + k).pointee = transform(UnsafeBufferPointer(rebasing: shared.input[range]))
                    }
                }
            }
            try emit(results.map { $0! })
            blockStart = blockEnd
        }
    }
}

/// The buffers one block of parallel work reads and writes (disjoint slots per chunk).
struct SharedBlock<Result>: @unchecked Sendable {
    let output: UnsafeMutablePointer<Result?>
    let input: UnsafeBufferPointer<UInt8>
    let lines: [Range<Int>]
    let first: Int
}

/// Buffered standard output.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 20) }

    mutating func line(_ content: [UInt8]) {
        bytes.append(contentsOf: content)
        bytes.append(10)
        if bytes.count >= 1 << 20 { flush() }
    }

    mutating func line(_ text: String) { line(Array(text.utf8)) }

    mutating func flush() {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
