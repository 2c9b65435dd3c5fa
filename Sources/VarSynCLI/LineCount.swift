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

/// `varsyn parse --count`: how many input lines ``HGVSParser/accepts(utf8:options:)`` accepts, without a `String`,
/// an array of line ranges or a result per line.
///
/// The input is read whole into one buffer (a file in chunks of at most 16 MiB, standard input likewise until
/// end of file), cut into one piece per worker at line boundaries, and each worker splits its piece on `\n` bytes
/// (`memchr`) and counts. Lines are what ``LineInput`` reads: a trailing `\r` is dropped and a final newline does not
/// start another line, so `printf 'NM_003156.4:c.494C>A\nc.494C>\n'` is 2 lines, 1 accepted.
enum LineCount {
    /// The number of lines and how many were accepted.
    struct Tally: Sendable {
        var lines = 0
        var accepted = 0
    }

    /// Count the lines of `path` (`-` for standard input).
    static func count(path: String, options: ParserOptions) throws -> Tally {
        let descriptor: Int32
        if path == "-" {
            descriptor = STDIN_FILENO
        } else {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw CLIError.cannotRead(path, String(cString: strerror(errno))) }
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var capacity = 1 << 20
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size > 0 { capacity = Int(info.st_size) + 1 }
        var storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { storage.deallocate() }
        var size = 0
        while true {
            if size == capacity {
                let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                larger.copyMemory(from: storage, byteCount: size)
                storage.deallocate()
                storage = larger
                capacity *= 2
            }
            let got = read(descriptor, storage + size, min(capacity - size, 16 << 20))
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw CLIError.cannotRead(path, String(cString: strerror(errno)))
            }
            size += got
        }
        let bytes = UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: size)
        return count(bytes, options: options)
    }

    /// Count the lines of `bytes`, in parallel over the active processors.
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, options: ParserOptions) -> Tally {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return Tally() }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let pieces = bytes.count < 1 << 16 ? 1 : workers * 4
        // Piece boundaries: just after a newline, so every line lies in one piece.
        var cuts = [0]
        for k in 1..<pieces {
            var cut = max(bytes.count * k / pieces, cuts[cuts.count - 1])
            while cut < bytes.count, base[cut - 1] != 10 { cut += 1 }
            cuts.append(cut)
        }
        cuts.append(bytes.count)
        let tallies = UnsafeMutableBufferPointer<Tally>.allocate(capacity: pieces)
        tallies.initialize(repeating: Tally())
        defer { tallies.deallocate() }
        let shared = SharedPieces(bytes: bytes, tallies: tallies, cuts: cuts)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            shared.tallies[piece] = countPiece(
                UnsafeBufferPointer(rebasing: shared.bytes[shared.cuts[piece]..<shared.cuts[piece + 1]]),
                options: options)
        }
        var total = Tally()
        for tally in tallies {
            total.lines += tally.lines
            total.accepted += tally.accepted
        }
        return total
    }

    /// Count the lines of one piece (it starts at a line start; its last line may lack the newline).
    static func countPiece(_ piece: UnsafeBufferPointer<UInt8>, options: ParserOptions) -> Tally {
        var tally = Tally()
        guard let base = piece.baseAddress else { return tally }
        var start = 0
        let n = piece.count
        while start < n {
            let end: Int
            if let newline = memchr(base + start, 10, n - start) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = n
            }
            let stop = end > start && base[end - 1] == 13 ? end - 1 : end
            tally.lines += 1
            if HGVSParser.accepts(utf8: UnsafeBufferPointer(start: base + start, count: stop - start), options: options)
            {
                tally.accepted += 1
            }
            start = end + 1
        }
        return tally
    }
}

/// The buffers of one parallel count (each piece writes only its own tally).
private struct SharedPieces: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    let tallies: UnsafeMutableBufferPointer<LineCount.Tally>
    let cuts: [Int]
}

// MARK: - The direct route for `varsyn parse --count`

extension LineCount {
    /// What a `varsyn parse --count` command line asks for, when it asks for nothing else.
    struct DirectRoute: Equatable {
        var path: String
        var strict: Bool
    }

    /// `parse --count --input FILE` (also `-i FILE`, `--input=FILE`, `--strict`, in any order after `parse`; no other
    /// argument): the route; nil for every other command line, which goes to the argument parser unchanged.
    ///
    /// `["varsyn", "parse", "--count", "--input", "corpus.txt"]` -> path `corpus.txt`; `["varsyn", "parse", "--count"]`
    /// -> nil (standard input and the argument parser's own reading stay as they are).
    static func directRoute(_ arguments: [String]) -> DirectRoute? {
        guard arguments.count >= 4, arguments[1] == "parse" else { return nil }
        var count = false
        var strict = false
        var path: String? = nil
        var k = 2
        while k < arguments.count {
            let argument = arguments[k]
            switch argument {
            case "--count" where !count: count = true
            case "--strict" where !strict: strict = true
            case "--input", "-i":
                guard path == nil, k + 1 < arguments.count else { return nil }
                let value = arguments[k + 1]
                guard !value.isEmpty, value == "-" || !value.hasPrefix("-") else { return nil }
                path = value
                k += 1
            default:
                guard argument.hasPrefix("--input="), path == nil else { return nil }
                let value = String(argument.dropFirst("--input=".count))
                guard !value.isEmpty else { return nil }
                path = value
            }
            k += 1
        }
        guard count, let path else { return nil }
        return DirectRoute(path: path, strict: strict)
    }

    /// Count, print `N parsed, M failed` (or the error) and return the exit status: 0 all parsed, 1 some failed,
    /// 2 the input could not be read. What `varsyn parse --count` does, by either route.
    static func report(path: String, options: ParserOptions) -> Int32 {
        let tally: Tally
        do {
            tally = try count(path: path, options: options)
        } catch {
            writeStandardError("varsyn: \(error)\n")
            return 2
        }
        var out = OutputBuffer()
        out.line("\(tally.accepted) parsed, \(tally.lines - tally.accepted) failed")
        out.flush()
        return tally.accepted < tally.lines ? 1 : 0
    }
}

extension VarSynCommand {
    /// The `varsyn` entry point. `varsyn parse --count --input FILE` is answered directly (``LineCount/directRoute(_:)``):
    /// the argument parser's start-up, which looks up protocol conformances at run time, cost 11.8 million
    /// instructions (callgrind, `parse --count` over an empty file: 26.9M -> 15.1M), about what counting 30,000
    /// lines costs. Every other command line goes to ArgumentParser's `main` unchanged.
    public static func main() {
        if let route = LineCount.directRoute(CommandLine.arguments) {
            terminate(LineCount.report(path: route.path, options: route.strict ? .strict : .lenient))
        }
        main(nil)
    }
}
