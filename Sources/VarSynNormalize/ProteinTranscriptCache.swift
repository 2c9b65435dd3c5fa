#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Prepared `ProteinTranscript`s by transcript accession, shared by the copies of a `ProteinMapper` and safe to use
/// from several threads (a mutex guards the dictionary; preparing happens outside it). Preparing a transcript copies
/// its bases and translates its CDS (tens of microseconds on the table); asking again for the same transcript then
/// costs a dictionary lookup. At most `capacity` transcripts are kept; when full, the cache starts over.
final class ProteinTranscriptCache<Key: Hashable & Sendable>: @unchecked Sendable {
    /// Guarded by `mutex`; held through a pointer, so reads carry no run-time exclusivity check (see `FastKeyCache`).
    private let storage = UnsafeMutablePointer<[Key: ProteinTranscript]>.allocate(capacity: 1)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage.initialize(to: [:])
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
    }

    /// The prepared transcript for `key`, made with `make` the first time.
    func transcript(
        _ key: Key, make: () throws(ProteinMappingError) -> ProteinTranscript
    )
        throws(ProteinMappingError) -> ProteinTranscript
    {
        pthread_mutex_lock(mutex)
        let cached = storage.pointee[key]
        pthread_mutex_unlock(mutex)
        if let cached { return cached }
        let prepared = try make()
        pthread_mutex_lock(mutex)
        if storage.pointee.count >= capacity { storage.pointee.removeAll(keepingCapacity: true) }
        storage.pointee[key] = prepared
        pthread_mutex_unlock(mutex)
        return prepared
    }
}
