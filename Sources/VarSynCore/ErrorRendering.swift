// The one place that turns a ParseError into text.

extension ParseError {
    /// The one-line message, naming what was expected and what was found.
    ///
    /// `NM_003156.4:c.494C>` -> `expected a nucleotide (A, C, G, T, …), found the end of the input: expected the
    /// new base after '>'`.
    public func message(utf8 input: some Collection<UInt8>) -> String {
        let bytes = Array(input)
        var text: String
        switch code {
        case .unexpected:
            let found = ParseError.excerpt(bytes, start, end)
            text =
                expected.isEmpty
                ? "unexpected '\(found)'" : "expected \(ParseError.list(expected.names)), found '\(found)'"
        case .unexpectedEnd:
            text =
                expected.isEmpty
                ? "unexpected end of input" : "expected \(ParseError.list(expected.names)), found the end of the input"
        case .trailingInput:
            text = "unexpected text after a complete description: '\(ParseError.excerpt(bytes, start, end))'"
            return text
        case .empty:
            return bytes.isEmpty
                ? "the input is empty; expected a variant description"
                : "the input is only white space; expected a variant description"
        case .invalidUTF8:
            return "the input is not valid UTF-8 (byte \(start))"
        case .zeroPosition, .reversedRange, .numberTooLarge, .identicalSubstitution, .insertionNeedsFlanks,
            .invalidDescription, .notStandard, .inputTooLong:
            text = "'\(ParseError.excerpt(bytes, start, end))'"
            return detail.isEmpty ? "invalid \(text)" : "\(detail): \(text)"
        case .unknownAminoAcid:
            return
                "unknown amino acid '\(ParseError.excerpt(bytes, start, end))'; expected a three-letter (Pro) or one-letter (P) code"
        }
        if detail.hasPrefix("expected ") {
            // The detail already says what was expected, more precisely than the token list.
            let found = code == .unexpectedEnd ? "the end of the input" : "'\(ParseError.excerpt(bytes, start, end))'"
            return "\(detail), found \(found)"
        }
        if !detail.isEmpty { text += " (\(detail))" }
        return text
    }

    /// The one-line message for text input.
    public func message(input: String) -> String { message(utf8: input.utf8) }

    /// The full rendering: `error: <message>`, the input line, and a caret line under the span.
    ///
    /// ```
    /// error: expected a nucleotide (A, C, G, T, …), found the end of the input
    ///   NM_003156.4:c.494C>
    ///                      ^
    /// ```
    /// Long inputs are shown as a window around the error; invalid UTF-8 shows as U+FFFD.
    public func render(utf8 input: some Collection<UInt8>) -> String {
        let bytes = Array(input)
        let (line, column, width) = ParseError.displayLine(bytes, start: start, end: end)
        let caret = String(repeating: " ", count: column) + "^" + String(repeating: "~", count: max(0, width - 1))
        return "error: \(message(utf8: bytes))\n  \(line)\n  \(caret)"
    }

    /// The full rendering for text input.
    public func render(input: String) -> String { render(utf8: input.utf8) }

    // MARK: Helpers

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return "more input"
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1]
        }
    }

    /// The text of a byte range, decoded (invalid bytes as U+FFFD), at most 40 characters.
    static func excerpt(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        let text = visible(String(decoding: bytes[lower..<upper], as: UTF8.self))
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= 40 { return text }
        var short = String.UnicodeScalarView()
        short.append(contentsOf: scalars[0..<39])
        return String(short) + "…"
    }

    /// Control characters would break the caret alignment; show them as '·'.
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(scalar.value < 0x20 || scalar.value == 0x7F ? "·" : scalar)
        }
        return String(out)
    }

    /// The line to show (a window of at most ~100 characters around the error), the caret column and width,
    /// both in Unicode scalars.
    static func displayLine(_ bytes: [UInt8], start: Int, end: Int) -> (String, Int, Int) {
        let lower = max(0, min(start, bytes.count))
        let upper = max(lower, min(end, bytes.count))
        let before = Array(visible(String(decoding: bytes[0..<lower], as: UTF8.self)).unicodeScalars)
        let span = Array(visible(String(decoding: bytes[lower..<upper], as: UTF8.self)).unicodeScalars)
        let after = Array(visible(String(decoding: bytes[upper...], as: UTF8.self)).unicodeScalars)
        let context = 40
        var line = String.UnicodeScalarView()
        var column = before.count
        if before.count > context {
            line.append("…")
            line.append(contentsOf: before[(before.count - context)...])
            column = context + 1
        } else {
            line.append(contentsOf: before)
        }
        let shownSpan = span.prefix(context)
        line.append(contentsOf: shownSpan)
        let remaining = context - shownSpan.count
        if span.count > shownSpan.count {
            line.append("…")
        } else if after.count > max(remaining, 10) {
            line.append(contentsOf: after.prefix(max(remaining, 10)))
            line.append("…")
        } else {
            line.append(contentsOf: after)
        }
        return (String(line), column, max(1, min(shownSpan.count, context)))
    }
}
