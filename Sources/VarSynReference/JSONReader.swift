#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A small strict JSON (RFC 8259) reader for the importers and the CLI's JSON Lines input, in place of Foundation's
/// `JSONSerialization`, so that nothing linked into `varsyn` needs full Foundation (and ICU) at start-up.
///
/// Values come back as `Any` holding Swift values, so callers cast as they did with `JSONSerialization`:
/// objects are `[String: Any]` (a repeated key keeps its last value), arrays `[Any]`, strings `String`, `true` and
/// `false` `Bool`, `null` ``JSONNull``, and numbers `Int` when written without a fraction or exponent and in range,
/// else `Double` (``int(_:)`` reads either as an `Int` the way `NSNumber` did).
///
/// Example: `{"transcripts": {"NM_004006.2": {"start_codon": 243}}}` gives
/// `["transcripts": ["NM_004006.2": ["start_codon": 243]]]`, and `NM_004006.2:c.93+1G>T` lies in that CDS.
package enum JSONReader {
    /// The value of one JSON text, or nil when it is not valid JSON (leading and trailing white space allowed,
    /// nothing else after the value; a UTF-8 byte order mark is skipped; like `JSONSerialization`, one trailing
    /// comma in an object or array is accepted).
    package static func value(_ bytes: some Collection<UInt8>) -> Any? {
        let array = bytes as? [UInt8] ?? Array(bytes)
        return array.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { reader.at = 3 }
            guard let value = reader.readValue(depth: 0) else { return nil }
            reader.skipSpace()
            return reader.at == buffer.count ? value : nil
        }
    }

    /// An integer JSON number (or `true`/`false` as 1/0, or a `Double` with an exact `Int` value, as
    /// `NSNumber as? Int` allowed), else nil.
    package static func int(_ value: Any?) -> Int? {
        switch value {
        case let int as Int: return int
        case let bool as Bool: return bool ? 1 : 0
        case let double as Double: return Int(exactly: double)
        default: return nil
        }
    }

    /// The text of a string or number value as `NSNumber.stringValue` gave it for the common cases (`42`, `-1.25`,
    /// `1.0`, `true` -> `1`), else nil.
    package static func scalarText(_ value: Any?) -> String? {
        switch value {
        case let string as String: return string
        case let int as Int: return String(int)
        case let bool as Bool: return bool ? "1" : "0"
        case let unsigned as UInt64: return String(unsigned)
        case let double as Double: return double.description
        default: return nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default: return
                }
            }
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard bytes.count - at >= count else { return false }
            for k in 0..<count where bytes[at + k] != word.utf8Start[k] { return false }
            at += count
            return true
        }

        mutating func readValue(depth: Int) -> Any? {
            guard depth < 512 else { return nil }
            skipSpace()
            guard at < bytes.count else { return nil }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var object: [String: Any] = [:]
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                    at += 1
                    return object
                }
                while true {
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: "\""), let key = readString() else { return nil }
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
                    at += 1
                    guard let value = readValue(depth: depth + 1) else { return nil }
                    object[key] = value
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: ",") {
                        at += 1
                        // One trailing comma, as JSONSerialization accepts: `{"a":1,}`.
                        skipSpace()
                        if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                            at += 1
                            return object
                        }
                    } else if bytes[at] == UInt8(ascii: "}") {
                        at += 1
                        return object
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "["):
                at += 1
                var array: [Any] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                    at += 1
                    return array
                }
                while true {
                    guard let value = readValue(depth: depth + 1) else { return nil }
                    array.append(value)
                    skipSpace()
                    guard at < bytes.count else { return nil }
                    if bytes[at] == UInt8(ascii: ",") {
                        at += 1
                        // One trailing comma, as JSONSerialization accepts: `[1,]`.
                        skipSpace()
                        if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                            at += 1
                            return array
                        }
                    } else if bytes[at] == UInt8(ascii: "]") {
                        at += 1
                        return array
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "\""): return readString()
            case UInt8(ascii: "t"): return literal("true") ? true : nil
            case UInt8(ascii: "f"): return literal("false") ? false : nil
            case UInt8(ascii: "n"): return literal("null") ? JSONNull() : nil
            default: return readNumber()
            }
        }

        /// A string starting at the opening quote; control characters, bad escapes, lone surrogates and invalid
        /// UTF-8 make it nil.
        mutating func readString() -> String? {
            at += 1
            let start = at
            // Fast path: no escapes.
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    let text = String(bytes: UnsafeBufferPointer(rebasing: bytes[start..<at]), encoding: .utf8)
                    at += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { return nil }
                at += 1
            }
            guard at < bytes.count else { return nil }
            var scratch = Array(bytes[start..<at])
            while at < bytes.count {
                let byte = bytes[at]
                if byte == UInt8(ascii: "\"") {
                    at += 1
                    return String(bytes: scratch, encoding: .utf8)
                }
                if byte < 0x20 { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    scratch.append(byte)
                    at += 1
                    continue
                }
                at += 1
                guard at < bytes.count else { return nil }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard var code = readHex4() else { return nil }
                    if code >= 0xD800, code < 0xDC00 {
                        guard literal("\\u"), let low = readHex4(), low >= 0xDC00, low < 0xE000 else { return nil }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if code >= 0xDC00, code < 0xE000 {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(code) else { return nil }
                    scratch.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            }
            return nil
        }

        mutating func readHex4() -> UInt32? {
            guard bytes.count - at >= 4 else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                code = code << 4 | UInt32(digit)
                at += 1
            }
            return code
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: an `Int` when integral as written and in
        /// range, a `UInt64` for larger whole numbers that fit, else a `Double`.
        mutating func readNumber() -> Any? {
            let start = at
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            func digits(_ reader: inout Reader) -> Int {
                let from = reader.at
                while reader.at < reader.bytes.count, reader.bytes[reader.at] &- UInt8(ascii: "0") < 10 {
                    reader.at += 1
                }
                return reader.at - from
            }
            let intStart = at
            let intDigits = digits(&self)
            guard intDigits > 0 else { return nil }
            if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { return nil }
            var integral = true
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                at += 1
                guard digits(&self) > 0 else { return nil }
                integral = false
            }
            if at < bytes.count, bytes[at] | 0x20 == UInt8(ascii: "e") {
                at += 1
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits(&self) > 0 else { return nil }
                integral = false
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            if integral {
                if let int = Int(text) { return int }
                if let unsigned = UInt64(text) { return unsigned }
            }
            return Double(text)
        }
    }
}

/// JSON `null` in ``JSONReader`` values.
package struct JSONNull: Sendable, Equatable {}
