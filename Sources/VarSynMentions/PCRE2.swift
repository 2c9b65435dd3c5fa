// The only file that calls `pcre2_*`. Everything else in VarSynMentions sees `PCRE2Regex`, `PCRE2Matcher`
// and `PCRE2Error`.
import CPCRE2

/// An error reported by PCRE2: its numeric code, the library's own message (`pcre2_get_error_message`) and,
/// for compile errors, the byte offset in the pattern where PCRE2 stopped.
///
/// Example: compiling `a(b` gives code 114, message "missing closing parenthesis", offset 3.
public struct PCRE2Error: Error, Hashable, Sendable, CustomStringConvertible {
    /// PCRE2's error code (positive for compile errors, negative for match and JIT errors).
    public let code: Int32
    /// PCRE2's own text for `code`.
    public let message: String
    /// 0-based byte offset into the pattern for compile errors; `nil` for match-time errors.
    public let offset: Int?

    init(code: Int32, offset: Int?) {
        self.code = code
        self.message = PCRE2Error.libraryMessage(for: code)
        self.offset = offset
    }

    public var description: String {
        if let offset { return "PCRE2 error \(code) at pattern offset \(offset): \(message)" }
        return "PCRE2 error \(code): \(message)"
    }

    /// The library's message for an error code, or a fallback naming the code when PCRE2 has none.
    static func libraryMessage(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pointer -> Int32 in
            guard let base = pointer.baseAddress else { return -1 }
            return pcre2_get_error_message_8(code, base, pointer.count)
        }
        guard length > 0 else { return "unknown PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}

/// A compiled, JIT-compiled (when the platform supports it) PCRE2 pattern in UTF-8 mode that tolerates
/// invalid UTF-8 in subjects (`PCRE2_MATCH_INVALID_UTF`).
///
/// Immutable after `init`; PCRE2 documents compiled code as safe to share between threads.
final class PCRE2Regex: @unchecked Sendable {
    /// Compile-time option sets, named so callers need not import CPCRE2.
    struct Options: OptionSet, Sendable {
        let rawValue: UInt32
        /// Whitespace in the pattern is ignored and `#` starts a comment (PCRE2_EXTENDED).
        static let extended = Options(rawValue: PCRE2_EXTENDED)
        /// A match must start at the offset given to `search` (PCRE2_ANCHORED at compile time, so the JIT keeps it).
        static let anchored = Options(rawValue: PCRE2_ANCHORED)
        /// No start-up optimizations (PCRE2_NO_START_OPTIMIZE). For anchored patterns tried at many offsets: it
        /// stops PCRE2 from first scanning the rest of the subject for a "required" code unit on every call.
        static let noStartOptimize = Options(rawValue: PCRE2_NO_START_OPTIMIZE)
        /// Letters match both cases (PCRE2_CASELESS).
        static let caseless = Options(rawValue: PCRE2_CASELESS)
        /// A group name may be used more than once (PCRE2_DUPNAMES), e.g. in different alternatives.
        static let duplicateNames = Options(rawValue: PCRE2_DUPNAMES)
    }

    fileprivate let code: OpaquePointer
    /// Whether `pcre2_jit_compile` succeeded; matching then uses `pcre2_jit_match`.
    let isJITCompiled: Bool

    /// Compiles `pattern` (UTF-8) with UTF and invalid-UTF matching on, then JIT-compiles it once.
    init(_ pattern: String, options: Options = []) throws(PCRE2Error) {
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let flags = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF) | options.rawValue
        var source = pattern + "\0"  // a non-nil base address even for the empty pattern
        let compiled: OpaquePointer? = source.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            return pcre2_compile_8(base, bytes.count - 1, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw PCRE2Error(code: errorCode, offset: errorOffset) }
        self.code = compiled
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit { pcre2_code_free_8(code) }

    /// The number of the capturing group called `name`, or `nil` when there is none.
    func groupNumber(named name: String) -> Int? {
        let number = name.withCString { cName in
            cName.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) { bytes in
                pcre2_substring_number_from_name_8(code, bytes)
            }
        }
        return number > 0 ? Int(number) : nil
    }

    /// Every named group: name -> group numbers (several when the pattern was compiled with `.duplicateNames`), from
    /// PCRE2's name table.
    var namedGroups: [String: [Int]] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count) == 0,
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize) == 0,
            pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table) == 0, let table
        else { return [:] }
        var groups: [String: [Int]] = [:]
        for index in 0..<Int(count) {
            // Each entry: the group number (2 bytes, big-endian), then the name, zero-terminated.
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var length = 0
            while length < Int(entrySize) - 2, entry[2 + length] != 0 { length += 1 }
            let name = String(decoding: UnsafeBufferPointer(start: entry + 2, count: length), as: UTF8.self)
            groups[name, default: []].append(number)
        }
        return groups
    }

    /// The size in bytes of the compiled (interpreter) pattern; PCRE2 caps it (64 KiB with the default link size).
    var compiledSize: Int {
        var size: Int = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_SIZE), &size) == 0 else { return 0 }
        return size
    }

    /// The bytes a match can start with, from PCRE2's own study of the pattern (its first code unit or start
    /// bitmap; in UTF-8 mode a non-ASCII character counts by its lead byte). `nil` when any byte may start a match.
    var possibleFirstBytes: [Bool]? {
        var firstCodeType: UInt32 = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstCodeType) == 0 else { return nil }
        if firstCodeType == 1 {
            var unit: UInt32 = 0
            guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODEUNIT), &unit) == 0, unit < 256 else {
                return nil
            }
            var set = [Bool](repeating: false, count: 256)
            set[Int(unit)] = true
            return set
        }
        guard firstCodeType == 0 else { return nil }
        var bitmap: UnsafePointer<UInt8>? = nil
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap) == 0, let bitmap else { return nil }
        return (0..<256).map { byte in bitmap[byte / 8] & (1 << UInt8(byte % 8)) != 0 }
    }

    /// The number of capturing groups in the pattern.
    var captureCount: Int {
        var count: UInt32 = 0
        guard pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_CAPTURECOUNT), &count) == 0 else { return 0 }
        return Int(count)
    }
}

/// Match state for one regex, allocated once and reused across matches: match data sized for every group,
/// a match context and a JIT stack. Not thread-safe: use one matcher per thread.
final class PCRE2Matcher {
    let regex: PCRE2Regex
    private let matchData: OpaquePointer
    private let matchContext: OpaquePointer?
    private let jitStack: OpaquePointer?
    private let ovector: UnsafeMutablePointer<Int>
    private let unset = varsyn_pcre2_unset()

    /// - Parameter jitStackBytes: the most stack the JIT may use per match (PCRE2's default is 32 KiB).
    init(_ regex: PCRE2Regex, jitStackBytes: Int = 1 << 20) throws(PCRE2Error) {
        guard let data = pcre2_match_data_create_from_pattern_8(regex.code, nil) else {
            throw PCRE2Error(code: PCRE2_ERROR_NOMEMORY, offset: nil)
        }
        self.regex = regex
        self.matchData = data
        self.ovector = pcre2_get_ovector_pointer_8(data)
        if regex.isJITCompiled, let context = pcre2_match_context_create_8(nil),
            let stack = pcre2_jit_stack_create_8(32 * 1024, max(jitStackBytes, 32 * 1024), nil)
        {
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
            self.matchContext = context
            self.jitStack = stack
        } else {
            self.matchContext = nil
            self.jitStack = nil
        }
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }

    /// Searches `subject` from byte `offset` on. Returns `true` on a match (read it with `range(ofGroup:)`),
    /// `false` when there is none; throws PCRE2's error (e.g. a JIT stack limit) otherwise.
    @inline(__always)
    func search(_ subject: UnsafeBufferPointer<UInt8>, from offset: Int) throws(PCRE2Error) -> Bool {
        guard let base = subject.baseAddress, offset < subject.count else { return false }
        let result: Int32
        if regex.isJITCompiled {
            result = pcre2_jit_match_8(regex.code, base, subject.count, offset, 0, matchData, matchContext)
        } else {
            result = pcre2_match_8(regex.code, base, subject.count, offset, 0, matchData, nil)
        }
        if result > 0 { return true }
        if result == PCRE2_ERROR_NOMATCH || result == PCRE2_ERROR_PARTIAL { return false }
        throw PCRE2Error(code: result, offset: nil)
    }

    /// Byte range of group `number` (0 = whole match) in the last successful match; `nil` if it was unset.
    @inline(__always)
    func range(ofGroup number: Int) -> Range<Int>? {
        let start = ovector[2 * number]
        let end = ovector[2 * number + 1]
        guard start != unset, end != unset, start <= end else { return nil }
        return start..<end
    }
}
