/// Short text (at most 15 UTF-8 bytes) stored inline, longer text in a `String`. Accessions and most sequences
/// fit inline, so a parsed description carries no reference-counted storage and is cheap to copy and destroy.
///
/// `NM_003156.4` (11 bytes) is inline; `ENST00000357033.8` (17 bytes) is a `String`.
@usableFromInline
enum CompactText: Hashable, Sendable {
    /// Bytes 0-7 in `low`, 8-14 in the low 7 bytes of `high`; the byte count in the top byte of `high`.
    case inline(low: UInt64, high: UInt64)
    case heap(String)

    @inlinable
    init(_ text: String) {
        var text = text
        let inline = text.withUTF8 { CompactText.pack($0) }
        self = inline ?? .heap(text)
    }

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>) {
        if let packed = CompactText.pack(bytes) {
            self = packed
        } else {
            self = CompactText.heapText(bytes)
        }
    }

    /// Longer text, in a `String` (out of line: the common short text then costs no register saves).
    @usableFromInline @inline(never)
    static func heapText(_ bytes: UnsafeBufferPointer<UInt8>) -> CompactText {
        .heap(String(decoding: bytes, as: UTF8.self))
    }

    @inlinable @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> CompactText? {
        let count = bytes.count
        guard count <= 15 else { return nil }
        // The bytes in memory order across the two words (byte k at bits 8k of its word, as a little-endian load
        // would put it); the count in the top byte (the 16th byte, unused). Assembled with at most two 8-byte
        // loads inside the buffer (no memcpy call): bytes 8..<count are the top bytes of the word ending at count.
        guard count > 0, let base = UnsafeRawPointer(bytes.baseAddress) else {
            return .inline(low: 0, high: 0)
        }
        let low: UInt64
        var high: UInt64 = 0
        if count >= 8 {
            low = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
            if count > 8 {
                let last = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
                high = last &>> UInt64(8 * (16 - count))
            }
        } else {
            var word: UInt64 = 0
            for k in 0..<count {
                word |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(8 * k)
            }
            low = word
        }
        return .inline(low: low, high: high | UInt64(count) << 56)
    }

    @inlinable
    var count: Int {
        switch self {
        case .inline(_, let high): Int(high >> 56)
        case .heap(let s): s.utf8.count
        }
    }

    @inlinable
    var string: String {
        switch self {
        case .heap(let s):
            return s
        case .inline(let low, let high):
            let count = Int(high >> 56)
            var words = (low, high)
            return withUnsafeBytes(of: &words) { raw in
                String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<count]), as: UTF8.self)
            }
        }
    }

    /// The first byte, if any.
    @inlinable
    var firstByte: UInt8? {
        switch self {
        case .inline(let low, let high):
            if high >> 56 == 0 { return nil }
            var words = (low, high)
            return withUnsafeBytes(of: &words) { $0[0] }
        case .heap(let s):
            return s.utf8.first
        }
    }
}
