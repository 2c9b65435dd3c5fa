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
    /// The bytes of every text, one after the other: an immutable-size allocation, replaced (copied) when it must
    /// grow or when another copy of the list shares it.
    final class Storage: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage = Storage(capacity: 0)
    /// The number of bytes of all texts.
    public private(set) var byteCount = 0
    /// The end offset in the list's bytes of each text.
    public private(set) var ends: [Int] = []

    public init() {}

    /// The number of texts.
    public var count: Int { ends.count }

    public var isEmpty: Bool { ends.isEmpty }

    /// The bytes the list can hold before it allocates again.
    public var byteCapacity: Int { storage.capacity }

    /// The byte range of text `i` in the list's bytes (``withBytes(_:)``).
    public func range(of i: Int) -> Range<Int> {
        (i == 0 ? 0 : ends[i - 1])..<ends[i]
    }

    /// Text `i` as a `String` (allocates when it is longer than 15 bytes).
    public subscript(i: Int) -> String {
        withBytes(of: i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every text as a `String`.
    public var strings: [String] { (0..<count).map { self[$0] } }

    /// Calls `body` with the bytes of text `i`.
    public func withBytes<R>(of i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(of: i)
        return try withExtendedLifetime(storage) {
            try body(UnsafeBufferPointer(start: storage.base + r.lowerBound, count: r.count))
        }
    }

    /// Calls `body` with the bytes of every text, one after the other (e.g. to write them out at once).
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: storage.base, count: byteCount)) }
    }

    /// Forgets every text, keeping the capacity.
    public mutating func removeAll() {
        byteCount = 0
        ends.removeAll(keepingCapacity: true)
    }

    /// Appends one text.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            append(capacity: utf8.count) { $0.add(utf8) }
        }
    }

    /// Removes the last `k` texts (a writer that declines after appending part of its answer).
    public mutating func removeLast(_ k: Int) {
        guard k > 0 else { return }
        let keep = count - k
        byteCount = keep == 0 ? 0 : ends[keep - 1]
        ends.removeLast(k)
    }

    /// Room for `capacity` more bytes in storage of this list's own.
    @inline(never)
    private mutating func reserve(_ capacity: Int) {
        let needed = byteCount + capacity
        let grown = Storage(capacity: Swift.max(needed, 2 * storage.capacity, 256))
        grown.base.update(from: storage.base, count: byteCount)
        storage = grown
    }

    /// Appends one text of at most `capacity` bytes written by `body` (the fast paths' writer; see `fastString`),
    /// in place.
    @inline(__always)
    mutating func append(capacity: Int, _ body: (inout FastTextBuilder) -> Void) {
        if byteCount + capacity > storage.capacity || !isKnownUniquelyReferenced(&storage) { reserve(capacity) }
        let room = UnsafeMutableBufferPointer(start: storage.base + byteCount, count: capacity)
        var builder = FastTextBuilder(buffer: room)
        body(&builder)
        byteCount += builder.count
        ends.append(byteCount)
    }
}
