import VarSynCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Objects by ``AccessionKey`` (an accession of at most 15 bytes as two words) in an open-addressing table: a
/// lookup is a multiply, one or two probes and two word compares under a mutex, no `Hasher`, no `String`. Shared by
/// the copies of its owner and safe to use from several threads. At most `capacity` entries are kept; when full,
/// the table starts over (callers refill it from their slower caches).
///
/// `NP_003147.2` (as a key) -> the prepared NM_003156.3.
final class AccessionKeyTable<Value: AnyObject & Sendable>: @unchecked Sendable {
    private struct Slot {
        var low: UInt64
        var high: UInt64
        var value: Value?
    }
    /// `slotCount` slots, a power of two; a slot with `high == 0` is empty (a key's top byte holds its count >= 1).
    private let slots: UnsafeMutablePointer<Slot>
    private let mask: Int
    private let shift: UInt64
    private var count = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        var size = 16
        while size < 2 * capacity { size *= 2 }
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
        slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        slots.initialize(repeating: Slot(low: 0, high: 0, value: nil), count: size)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        slots.deinitialize(count: mask + 1)
        slots.deallocate()
    }

    /// The value stored for `key`, if any.
    @inline(__always)
    func value(_ key: AccessionKey) -> Value? {
        var i = Int(truncatingIfNeeded: key.mixed &>> shift)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            let slot = slots + i
            if slot.pointee.high == key.high && slot.pointee.low == key.low { return slot.pointee.value }
            if slot.pointee.high == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` for `key` (replacing any value there).
    func set(_ key: AccessionKey, _ value: Value) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if count >= capacity {
            for k in 0...mask { slots[k] = Slot(low: 0, high: 0, value: nil) }
            count = 0
        }
        var i = Int(truncatingIfNeeded: key.mixed &>> shift)
        while true {
            let slot = slots + i
            if slot.pointee.high == key.high && slot.pointee.low == key.low {
                slot.pointee.value = value
                return
            }
            if slot.pointee.high == 0 {
                slot.pointee = Slot(low: key.low, high: key.high, value: value)
                count += 1
                return
            }
            i = (i + 1) & mask
        }
    }
}
