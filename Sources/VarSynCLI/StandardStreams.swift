#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The few full-Foundation calls the commands used (`FileHandle` on the standard streams, `NSTemporaryDirectory`,
// `NSString.lastPathComponent`), written on the C library so that `varsyn` links FoundationEssentials only.

/// Writes `text` to standard error, all of it (as `FileHandle.standardError.write`), e.g.
/// `varsyn: cannot read variants.txt: no such file` before `NM_004006.2:c.93+1G>T` is ever parsed.
func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let written = write(2, base + offset, raw.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }
}

/// All of standard input up to end of file (as `Data(readStandardInput())`), e.g. the bytes
/// of `printf 'NM_004006.2:c.93+1G>T\n' | varsyn parse`.
func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = chunk.withUnsafeMutableBytes { raw in read(0, raw.baseAddress, raw.count) }
        if got < 0, errno == EINTR { continue }
        if got <= 0 { break }
        bytes.append(contentsOf: chunk[..<got])
    }
    return bytes
}

/// `temporaryDirectory()` on Linux: `$TMPDIR` with a trailing `/`, else `/tmp/` (where `varsyn table bench`
/// writes its scratch table of `NM_004006.2` and friends).
func temporaryDirectory() -> String {
    if let value = getenv("TMPDIR") {
        let path = String(cString: value)
        return path.hasSuffix("/") ? path : path + "/"
    }
    return "/tmp/"
}

/// `NSString.lastPathComponent`: the part after the last `/`, ignoring trailing slashes (`/` stays `/`, `//` gives
/// an empty string as it did there), e.g. `data/NM_004006.2.gff3` -> `NM_004006.2.gff3`.
func lastPathComponent(_ path: String) -> String {
    guard path != "/" else { return path }
    var trimmed = Substring(path)
    while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
}

/// `String(format: "%.<digits>f", value)` (C formatting, `.` as the decimal point), e.g. `fixed(0.4567, 2)` ->
/// `0.46`, the seconds `varsyn table build` took to write `NM_004006.2` and the rest.
func fixed(_ value: Double, _ digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    while true {
        let capacity = buffer.count
        let needed = withVaList([Int32(digits), value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, "%.*f", arguments) }
        }
        if needed < 0 { return "" }
        if Int(needed) < capacity {
            return String(decoding: buffer[..<Int(needed)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        buffer = [CChar](repeating: 0, count: Int(needed) + 1)
    }
}

/// Ends the process with `status` (the C library's `exit`, which the command types' own `exit` hides), e.g. 1 when
/// some line of `varsyn parse --count` is not HGVS like `NM_004006.2:c.93+1G>T`.
func terminate(_ status: Int32) -> Never {
    exit(status)
}

/// The size in bytes of `path` itself (not following a symbolic link, as `FileManager.attributesOfItem` reported
/// it), or 0 when it cannot be read, e.g. the table just written with `NM_004006.2` in it.
func fileSize(_ path: String) -> Int {
    var info = stat()
    return lstat(path, &info) == 0 ? Int(info.st_size) : 0
}
