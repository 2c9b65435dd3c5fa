import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A table from accession bytes (`NM_003156.3`, at most ``maximumKeyLength`` bytes) to a shared immutable value,
/// read without a lock: the lookup for a request on a hot path (the streaming fast path looks up every input's
/// transcript here).
///
/// Open addressing over a fixed power-of-two slot array, linear probing, a multiply-xorshift hash of the key's
/// bytes read as 8-byte words. Entries are only ever added (under a mutex), never changed or removed while the
/// table lives: a slot holds 0 (empty) or the address of an immutable entry (key words, length, hash, value),
/// published with a releasing store and read with an acquiring load, so readers need no lock and see either
/// nothing or a whole entry. When half the slots are used the table takes no more entries (``insert(_:for:)``
/// returns false; the caller keeps its slower cache for the rest).
///
/// ```swift
/// let table = AccessionTable<FastHit>(slots: 1024)
/// table.insert(hit, for: bytes)           // bytes of "NM_003156.3"
/// table.value(for: bytes) === hit          // true, from any thread, no lock
/// ```
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
final class AccessionTable<Value: AnyObject & Sendable>: @unchecked Sendable {
    /// Keys longer than this are not stored (``value(for:)`` answers nil, ``insert(_:for:)`` false).
    static var maximumKeyLength: Int { 32 }

    /// A key: its bytes as little-endian words, zero past the end, and its length.
    struct Key: Equatable {
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        var w2: UInt64 = 0
        var w3: UInt64 = 0
        var count: Int = 0

        /// The key of `bytes` (1...32 bytes), or nil. At most four 8-byte loads, all inside the buffer.
        @inline(__always)
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            let n = bytes.count
            guard n > 0, n <= 32, let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
            count = n
            if n < 8 {
                var word: UInt64 = 0
                for k in 0..<n { word |= UInt64(base.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(8 &* k) }
                w0 = word
                return
            }
            @inline(__always) func load(_ offset: Int) -> UInt64 {
                UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            // The last, partial word: the 8 bytes ending at n, shifted down past the bytes already read.
            let rest = n & 7
            let tail = rest == 0 ? 0 : load(n &- 8) &>> UInt64(8 &* (8 &- rest))
            w0 = load(0)
            switch n >> 3 {
            case 1: w1 = tail
            case 2:
                w1 = load(8)
                w2 = tail
            case 3:
                w1 = load(8)
                w2 = load(16)
                w3 = tail
            default:
                w1 = load(8)
                w2 = load(16)
                w3 = load(24)
            }
        }

        /// A multiply-xorshift mix of the words and the length.
        @inline(__always)
        var hash: UInt64 {
            var h = (w0 &* 0x9E37_79B9_7F4A_7C15) ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)
            h ^= (w2 &* 0x1656_67B1_9E37_79F9) ^ (w3 &* 0x27D4_EB2F_1656_67C5)
            h ^= h &>> 29
            h = h &* 0xBF58_476D_1CE4_E5B9
            return h ^ (h &>> 32)
        }
    }

    /// One published entry (immutable).
    final class Entry {
        let key: Key
        let value: Value

        init(key: Key, value: Value) {
            self.key = key
            self.value = value
        }
    }

    private let mask: Int
    /// Each slot: 0, or the address of a retained ``Entry``.
    private let slots: UnsafeMutablePointer<Atomic<UInt>>
    /// Guards `used` and the writing of slots.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var used = 0

    /// A table of `slots` slots (rounded up to a power of two, at least 16); it takes up to half that many entries.
    init(slots requested: Int) {
        var n = 16
        while n < requested { n <<= 1 }
        mask = n - 1
        slots = .allocate(capacity: n)
        for i in 0..<n { (slots + i).initialize(to: Atomic(0)) }
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        for i in 0...mask {
            let raw = slots[i].load(ordering: .relaxed)
            if let p = UnsafeRawPointer(bitPattern: raw) { Unmanaged<Entry>.fromOpaque(p).release() }
        }
        slots.deinitialize(count: mask + 1)
        slots.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value stored for `key`'s bytes, or nil. No lock; safe from any thread.
    @inline(__always)
    func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let key = Key(bytes) else { return nil }
        return value(for: key)
    }

    /// ``value(for:)-(UnsafeBufferPointer<UInt8>)`` for a key already made.
    @inline(__always)
    func value(for key: Key) -> Value? {
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let raw = slots[i].load(ordering: .acquiring)
            guard let p = UnsafeRawPointer(bitPattern: raw) else { return nil }
            let found = Unmanaged<Entry>.fromOpaque(p)._withUnsafeGuaranteedRef { entry -> Value? in
                entry.key == key ? entry.value : nil
            }
            if let found { return found }
            i = (i &+ 1) & mask
        }
    }

    /// ``value(for:)-(UnsafeBufferPointer<UInt8>)`` without a retain: the table keeps the value alive as long as
    /// it lives.
    @inline(__always)
    func unretainedValue(for bytes: UnsafeBufferPointer<UInt8>) -> Unmanaged<Value>? {
        guard let key = Key(bytes) else { return nil }
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let raw = slots[i].load(ordering: .acquiring)
            guard let p = UnsafeRawPointer(bitPattern: raw) else { return nil }
            let found = Unmanaged<Entry>.fromOpaque(p)._withUnsafeGuaranteedRef { entry -> Unmanaged<Value>? in
                entry.key == key ? Unmanaged.passUnretained(entry.value) : nil
            }
            if let found { return found }
            i = (i &+ 1) & mask
        }
    }

    /// Stores `value` for `key`'s bytes unless the key is already there (the first value stays: readers may hold
    /// it). False when the key is too long or the table is full.
    @discardableResult
    func insert(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let key = Key(bytes) else { return false }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        var i = Int(truncatingIfNeeded: key.hash) & mask
        while true {
            let raw = slots[i].load(ordering: .relaxed)
            guard let p = UnsafeRawPointer(bitPattern: raw) else { break }
            if Unmanaged<Entry>.fromOpaque(p)._withUnsafeGuaranteedRef({ $0.key == key }) { return true }
            i = (i &+ 1) & mask
        }
        guard 2 * (used + 1) <= mask + 1 else { return false }
        let entry = Unmanaged.passRetained(Entry(key: key, value: value))
        slots[i].store(UInt(bitPattern: entry.toOpaque()), ordering: .releasing)
        used += 1
        return true
    }

    /// The number of entries.
    var count: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return used
    }
}
