/// One named mention pattern from `Grammars/mentions.pcre2`, with its macros expanded.
///
/// Example: `MentionPattern(name: "rs_id", source: "(?<![A-Za-z0-9])rs\\d{3,10}\\b", line: 40)`.
public struct MentionPattern: Hashable, Sendable {
    /// The pattern's name; also the PCRE2 group name in the combined scanner pattern.
    public let name: String
    /// The PCRE2 source (extended syntax: whitespace ignored, `#` comments) after macro expansion.
    public let source: String
    /// 1-based line of the `pattern` header in the pattern file.
    public let line: Int
}

/// Why the pattern file could not be loaded. Each case names the file line or the pattern at fault.
public enum MentionPatternError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A line that is neither a comment, a `define`, a `pattern` header nor an indented body line.
    case malformedLine(line: Int, text: String)
    /// `{NAME}` used before `define NAME = …`.
    case unknownMacro(name: String, line: Int)
    /// A pattern or macro name used twice.
    case duplicateName(String, line: Int)
    /// A pattern header with no body lines.
    case emptyPattern(String, line: Int)
    /// The file defines no pattern at all.
    case noPatterns
    /// PCRE2 rejected a pattern; `offset` is the byte offset inside that pattern's expanded source.
    case compile(pattern: String, offset: Int?, error: PCRE2Error)
    /// PCRE2 failed while setting up matching (e.g. out of memory).
    case matcher(PCRE2Error)

    public var description: String {
        switch self {
        case .malformedLine(let line, let text): "mentions.pcre2:\(line): malformed line: \(text)"
        case .unknownMacro(let name, let line): "mentions.pcre2:\(line): unknown macro {\(name)}"
        case .duplicateName(let name, let line): "mentions.pcre2:\(line): duplicate name \(name)"
        case .emptyPattern(let name, let line): "mentions.pcre2:\(line): pattern \(name) has no body"
        case .noPatterns: "mentions.pcre2: no patterns"
        case .compile(let pattern, let offset, let error):
            "pattern \(pattern)\(offset.map { " at offset \($0)" } ?? ""): \(error.message) (PCRE2 error \(error.code))"
        case .matcher(let error): "PCRE2 matcher setup: \(error.description)"
        }
    }
}

/// Reads the pattern file format of `Grammars/mentions.pcre2` (see `Grammars/README-mentions.md`):
///
/// ```
/// # a comment line; `define` lines take no trailing comment (their value is pasted into bodies)
/// define AA1 = [ACDEFGHIKLMNPQRSTVWY]
/// pattern protein_one_letter
///     (?<![A-Za-z0-9]) {AA1} [1-9]\d{0,4} {AA1} (?![A-Za-z0-9])   # body lines are indented
/// ```
enum MentionPatternFile {
    /// The name of the macro that, when defined, is put once in front of the combined alternation.
    static let scanPrefixMacro = "SCAN_PREFIX"

    /// The patterns of `text`, in file order, and the expanded `SCAN_PREFIX` macro if the file defines one.
    static func parse(_ text: String) throws(MentionPatternError) -> (patterns: [MentionPattern], scanPrefix: String?) {
        var macros: [String: String] = [:]
        var patterns: [MentionPattern] = []
        var names = Set<String>()
        var current: (name: String, line: Int, body: [String])?

        func finish() throws(MentionPatternError) {
            guard let open = current else { return }
            current = nil
            let body = open.body.joined(separator: "\n")
            guard body.contains(where: { !$0.isWhitespace }) else {
                throw .emptyPattern(open.name, line: open.line)
            }
            patterns.append(MentionPattern(name: open.name, source: body, line: open.line))
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(rawLine)
            let trimmed = line.trimmingWhitespace
            if line.first == " " || line.first == "\t" {
                guard current != nil else {
                    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                    throw .malformedLine(line: lineNumber, text: line)
                }
                current?.body.append(try expand(line, macros: macros, line: lineNumber))
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            try finish()
            if trimmed.hasPrefix("define ") {
                let definition = trimmed.dropFirst("define ".count)
                guard let equals = definition.firstIndex(of: "=") else {
                    throw .malformedLine(line: lineNumber, text: line)
                }
                let name = String(definition[..<equals]).trimmingWhitespace
                let value = String(definition[definition.index(after: equals)...]).trimmingWhitespace
                guard isMacroName(name), !value.isEmpty else { throw .malformedLine(line: lineNumber, text: line) }
                guard macros[name] == nil else { throw .duplicateName(name, line: lineNumber) }
                macros[name] = try expand(value, macros: macros, line: lineNumber)
            } else if trimmed.hasPrefix("pattern ") {
                let name = String(trimmed.dropFirst("pattern ".count)).trimmingWhitespace
                guard isPatternName(name) else { throw .malformedLine(line: lineNumber, text: line) }
                guard names.insert(name).inserted else { throw .duplicateName(name, line: lineNumber) }
                current = (name, lineNumber, [])
            } else {
                throw .malformedLine(line: lineNumber, text: line)
            }
        }
        try finish()
        guard !patterns.isEmpty else { throw .noPatterns }
        return (patterns, macros[scanPrefixMacro])
    }

    /// Whether `fragment` is one bracket class (`[ACGT]`) or one group (`(?:a|b)`), which a quantifier can follow
    /// as is. Macros are pasted bare in that case: PCRE2 repeats a bare class in place (`[0-9]{0,6}`) but copies a
    /// quantified group, and the copies count against the compiled-size limit.
    static func isSingleAtom(_ fragment: String) -> Bool {
        let bytes = Array(fragment.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "[") || first == UInt8(ascii: "(") else { return false }
        var depth = 0
        var inClass = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if inClass {
                if byte == UInt8(ascii: "]") {
                    inClass = false
                    if depth == 0 { return index == bytes.count - 1 }
                }
            } else if byte == UInt8(ascii: "[") {
                inClass = true
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") { index += 1 }
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index == bytes.count - 1 }
            }
            index += 1
        }
        return false
    }

    /// Replaces every `{NAME}` (NAME in upper case) by the macro's value, wrapped in `(?:…)` unless it is one atom.
    static func expand(_ text: String, macros: [String: String], line: Int) throws(MentionPatternError) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}"),
                isMacroName(String(rest[afterOpen..<close])), !endsWithBraceEscape(result)
            else {
                result.append("{")
                rest = rest[afterOpen...]
                continue
            }
            let name = String(rest[afterOpen..<close])
            guard let value = macros[name] else { throw .unknownMacro(name: name, line: line) }
            result += isSingleAtom(value) ? value : "(?:" + value + ")"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Whether `text` ends with a PCRE2 escape that takes a braced argument (`\x{A0}`, `\p{Lu}`, `\N{U+41}`,
    /// `\g{1}`, `\k{name}`, `\o{12}`), so the brace that follows is not a macro reference.
    static func endsWithBraceEscape(_ text: String) -> Bool {
        let tail = Array(text.utf8.suffix(2))
        guard tail.count == 2, tail[0] == UInt8(ascii: "\\") else { return false }
        return "xopPNgk".utf8.contains(tail[1])
    }

    /// Macro names: an upper-case letter, then upper-case letters, digits or `_` (never a `{n,m}` quantifier).
    static func isMacroName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        }
    }

    /// Pattern names are PCRE2 group names: a lower-case letter, then lower-case letters, digits or `_`, at most 32.
    static func isPatternName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z"), name.utf8.count <= 32
        else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_")
        }
    }

    /// All patterns as one alternation of named groups, in file order, behind the optional scan prefix (checked
    /// once per start position instead of once per pattern), so one PCRE2 search finds the leftmost candidate of
    /// any form.
    /// Named groups inside the patterns (the reader's parts) become non-capturing here: the scan needs only the
    /// pattern names, and names may repeat across patterns.
    static func combine(_ patterns: [MentionPattern], scanPrefix: String?) -> String {
        var source = scanPrefix.map { "(?:" + $0 + "\n)(?:" } ?? "(?:"
        for (index, pattern) in patterns.enumerated() {
            if index > 0 { source += "|" }
            source += "(?<\(pattern.name)>" + withoutNamedGroups(pattern.source) + "\n)"
        }
        return source + ")"
    }

    /// `source` with every named group `(?<name>…)` turned into a non-capturing group `(?:…)`; look-behinds
    /// (`(?<=`, `(?<!`), escaped parentheses and parentheses inside a bracket class are left alone.
    ///
    /// Example: `(?<![A-Z])(?<ref>[ACGT])>` -> `(?<![A-Z])(?:[ACGT])>`.
    static func withoutNamedGroups(_ source: String) -> String {
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var inClass = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                out.append(byte)
                if index + 1 < bytes.count { out.append(bytes[index + 1]) }
                index += 2
                continue
            }
            if inClass {
                if byte == UInt8(ascii: "]") { inClass = false }
            } else if byte == UInt8(ascii: "[") {
                inClass = true
                out.append(byte)
                // A `]` right after `[` or `[^` is a literal member.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") {
                    out.append(bytes[index + 1])
                    index += 1
                }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") {
                    out.append(bytes[index + 1])
                    index += 1
                }
                index += 1
                continue
            } else if byte == UInt8(ascii: "("), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"),
                bytes[index + 2] == UInt8(ascii: "<"),
                StartFilter.isASCIILetter(bytes[index + 3])
                    || bytes[index + 3] == UInt8(ascii: "_"),
                let close = bytes[(index + 3)...].firstIndex(of: UInt8(ascii: ">"))
            {
                out.append(contentsOf: "(?:".utf8)
                index = close + 1
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
