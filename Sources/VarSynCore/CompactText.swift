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
        self = CompactText.pack(bytes) ?? .heap(String(decoding: bytes, as: UTF8.self))
    }

    @inlinable
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> CompactText? {
        let count = bytes.count
        guard count <= 15 else { return nil }
        // The bytes in memory order across the two words; the count in the top byte (the 16th byte, unused).
        var words: (UInt64, UInt64) = (0, 0)
        if count > 0, let base = bytes.baseAddress {
            withUnsafeMutableBytes(of: &words) { raw in
                raw.baseAddress!.copyMemory(from: base, byteCount: count)
            }
        }
        return .inline(low: words.0, high: words.1 & 0x00FF_FFFF_FFFF_FFFF | UInt64(count) << 56)
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
