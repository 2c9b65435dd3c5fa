/// An append-only list of UTF-8 texts kept in one growing byte buffer, for streaming callers that want answers
/// without one heap `String` per text: the fast paths append to it, the caller reads each text as bytes (or as a
/// `String` when it wants one) and calls ``removeAll()`` before the next batch, which keeps the capacity, so a
/// warmed-up list allocates nothing.
///
/// ```swift
/// var out = TextList()
/// out.append("NM_003156.3:c.494C>A")
/// out.append("NM_003156.3:c.494_495delinsAG")
/// out.count; out[1]    // 2, "NM_003156.3:c.494_495delinsAG"
/// out.removeAll()      // capacity kept for the next answer
/// ```
public struct TextList: Sendable {
    /// Every text's bytes, one after the other.
    public private(set) var bytes: [UInt8] = []
    /// The end offset in ``bytes`` of each text.
    public private(set) var ends: [Int] = []

    public init() {}

    /// The number of texts.
    public var count: Int { ends.count }

    public var isEmpty: Bool { ends.isEmpty }

    /// The byte range of text `i` in ``bytes``.
    public func range(of i: Int) -> Range<Int> {
        (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    /// Text `i` as a `String` (allocates when it is longer than 15 bytes).
    public subscript(i: Int) -> String {
        let r = range(of: i)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Every text as a `String`.
    public var strings: [String] { (0..<count).map { self[$0] } }

    /// Calls `body` with the bytes of text `i`.
    public func withBytes<R>(of i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(of: i)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// Forgets every text, keeping the capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// Appends one text.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
    }

    /// Removes the last `k` texts (a writer that declines after appending part of its answer).
    public mutating func removeLast(_ k: Int) {
        guard k > 0 else { return }
        let keep = count - k
        bytes.removeLast(bytes.count - (keep == 0 ? 0 : ends[keep - 1]))
        ends.removeLast(k)
    }

    /// Appends one text of at most `capacity` bytes written by `body` (the fast paths' writer; see `fastString`).
    @inline(__always)
    mutating func append(capacity: Int, _ body: (inout FastTextBuilder) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var builder = FastTextBuilder(buffer: buffer)
            body(&builder)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<builder.count]))
        }
        ends.append(bytes.count)
    }
}
