#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// Small replacements for the full-Foundation string and error APIs the importers and the CLI used
// (`trimmingCharacters(in:)`, `removingPercentEncoding`, `Error.localizedDescription`), so that the modules linked
// into `varsyn` need only FoundationEssentials (no ICU) and the process starts faster. Each gives the same result
// as the Foundation call it replaces.

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs, e.g. `" NM_004006.2 "` -> `"NM_004006.2"`: the
    /// scalars of Foundation's `CharacterSet.whitespaces` (CoreFoundation's list: U+0009, U+0020, U+00A0, U+1680,
    /// U+2000-U+200B, U+202F, U+205F, U+3000).
    package func trimmingWhitespace() -> String {
        trimmingScalars(where: isFoundationWhitespace)
    }

    /// The text without leading and trailing white space and newlines, e.g. `"\n  NM_004006.2\n"` ->
    /// `"NM_004006.2"`: Foundation's `CharacterSet.whitespacesAndNewlines`, the white space above plus
    /// U+000A-U+000D, U+0085, U+2028, U+2029.
    package func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars {
            isFoundationWhitespace($0) || ($0.value >= 0x0A && $0.value <= 0x0D) || $0.value == 0x85
                || $0.value == 0x2028 || $0.value == 0x2029
        }
    }

    /// The text without leading and trailing Unicode scalars for which `drop` is true (scalar by scalar, as
    /// `trimmingCharacters(in:)` works), e.g. `"\"NM_004006.2\" "` without quotes and spaces -> `NM_004006.2`.
    package func trimmingScalars(where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        var last = scalars.index(before: scalars.endIndex)
        while drop(scalars[last]) { last = scalars.index(before: last) }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }

    /// Percent-decoded text as Foundation's `removingPercentEncoding`: nil when a `%` is not followed by two hex
    /// digits or the decoded bytes are not UTF-8, e.g. `"NM_004006.2%3Ac.93%2B1G%3ET"` -> `"NM_004006.2:c.93+1G>T"`.
    package func removingPercentEscapes() -> String? {
        let utf8 = Array(utf8)
        guard utf8.contains(UInt8(ascii: "%")) else { return String(self) }
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%") {
                guard i + 2 < utf8.count, let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(utf8[i])
                i += 1
            }
        }
        return String(bytes: out, encoding: .utf8)
    }
}

/// Whether `scalar` is in Foundation's `CharacterSet.whitespaces`, e.g. the space in `STIM1 P165Q`.
private func isFoundationWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

/// What `error.localizedDescription` said for the errors of Foundation's file calls (`Data(contentsOf:)`,
/// `Data.write(to:)`, `FileManager`) on Linux, e.g. a missing `NM_004006.2.gff3` gives
/// `The operation could not be completed. The file doesn’t exist.`
package func describeFileError(_ error: any Error) -> String {
    guard let cocoa = error as? CocoaError else { return String(describing: error) }
    let reasons: [Int: String] = [
        4: "The file doesn’t exist.", 255: "The file couldn’t be locked.", 257: "You don’t have permission.",
        258: "The file name is invalid.", 259: "The file isn’t in the correct format.", 260: "The file doesn’t exist.",
        261: "The specified text encoding isn’t applicable.", 262: "The specified URL type isn’t supported.",
        263: "The item is too large.", 264: "The text encoding of the contents couldn’t be determined.",
        513: "You don’t have permission.", 514: "The file name is invalid.",
        516: "A file with the same name already exists.", 517: "The specified text encoding isn’t applicable.",
        518: "The specified URL type isn’t supported.", 640: "There isn’t enough space.",
        642: "The volume is read only.",
    ]
    let code = cocoa.code.rawValue
    return "The operation could not be completed. " + (reasons[code] ?? "(NSCocoaErrorDomain error \(code).)")
}
