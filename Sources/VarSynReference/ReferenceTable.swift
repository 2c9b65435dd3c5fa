import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A transcript coordinate table opened from its binary form (`docs/table-format.md`), memory-mapped.
///
/// Opening validates the header, the section directory and (by default) the CRC-32 checksum; lookups then
/// read the mapped bytes in place and allocate nothing: records are small views (`TranscriptRecord`,
/// `TableString`, ...) that keep the table alive. Every read is bounds-checked, so even a table with a
/// forged checksum cannot crash the process; it can only yield empty values.
///
/// ```swift
/// let table = try ReferenceTable.embeddedDefault()
/// let stim1 = table.transcript(accession: "NM_003156.3")?.record   // 12 exons, CDS n.569_2626
/// ```
public final class ReferenceTable: @unchecked Sendable {
    /// Start of the table bytes.
    let base: UnsafeRawPointer
    /// Table size in bytes.
    public let byteCount: Int
    /// Where the table came from (a path or `embedded default`).
    public let origin: String
    private let unmapLength: Int
    /// Heap copy owned by the table (`init(building:)`), freed with it.
    private let ownsBytes: Bool
    /// Section views, indexed by `TableFormat.Section.rawValue`.
    let sections: [SectionView]

    struct SectionView {
        var offset: Int = 0
        var byteLength: Int = 0
        var recordSize: Int = 1
        var count: Int { byteLength / recordSize }
    }

    /// Opens (memory-maps) a table file. `verifyChecksum: false` skips the CRC-32 over the whole file, making the
    /// open time independent of the table size; structural checks are always made.
    public convenience init(path: String, verifyChecksum: Bool = true) throws(ReferenceError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw ReferenceError(.unreadableFile, file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ReferenceError(.unreadableFile, file: path, "cannot stat: \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        guard size >= TableFormat.headerSize else {
            throw ReferenceError(
                .badTable, file: path,
                "not a VarSyn table: \(size) bytes is shorter than the \(TableFormat.headerSize)-byte header (truncated?)"
            )
        }
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw ReferenceError(.unreadableFile, file: path, "cannot map: \(String(cString: strerror(errno)))")
        }
        do {
            try self.init(
                base: UnsafeRawPointer(mapped), byteCount: size, origin: path, unmapLength: size,
                verifyChecksum: verifyChecksum)
        } catch {
            munmap(mapped, size)
            throw error
        }
    }

    /// Wraps table bytes that outlive the table (e.g. the embedded default in the binary's read-only data).
    public convenience init(
        staticBytes: UnsafeRawBufferPointer, origin: String, verifyChecksum: Bool = true
    )
        throws(ReferenceError)
    {
        guard let address = staticBytes.baseAddress else {
            throw ReferenceError(.badTable, file: origin, "empty table")
        }
        try self.init(
            base: address, byteCount: staticBytes.count, origin: origin, unmapLength: 0,
            verifyChecksum: verifyChecksum)
    }

    /// An in-memory table built from `data` (serialized as a file would be, no file written): for tests and tools
    /// that want table lookups over a handful of records.
    public convenience init(building data: ReferenceData, origin: String = "in memory") throws(ReferenceError) {
        let bytes = try TableWriter().serialize(data)
        let copy = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { copy.copyMemory(from: from, byteCount: source.count) }
        }
        do {
            try self.init(
                base: UnsafeRawPointer(copy), byteCount: bytes.count, origin: origin, unmapLength: 0,
                verifyChecksum: false, ownsBytes: true)
        } catch {
            copy.deallocate()
            throw error
        }
    }

    private init(
        base: UnsafeRawPointer, byteCount: Int, origin: String, unmapLength: Int, verifyChecksum: Bool,
        ownsBytes: Bool = false
    ) throws(ReferenceError) {
        self.ownsBytes = ownsBytes
        self.base = base
        self.byteCount = byteCount
        self.origin = origin
        self.unmapLength = unmapLength
        self.sections = try Self.validate(
            base: base, byteCount: byteCount, origin: origin, verifyChecksum: verifyChecksum)
    }

    deinit {
        if unmapLength > 0 { munmap(UnsafeMutableRawPointer(mutating: base), unmapLength) }
        if ownsBytes { UnsafeMutableRawPointer(mutating: base).deallocate() }
    }

    private static func validate(
        base: UnsafeRawPointer, byteCount: Int, origin: String, verifyChecksum: Bool
    )
        throws(ReferenceError) -> [SectionView]
    {
        func fail(_ message: String) -> ReferenceError { ReferenceError(.badTable, file: origin, message) }
        guard byteCount >= TableFormat.headerSize else {
            throw fail("not a VarSyn table: \(byteCount) bytes is shorter than the header (truncated?)")
        }
        for (i, m) in TableFormat.magic.enumerated() where base.load(fromByteOffset: i, as: UInt8.self) != m {
            throw fail("not a VarSyn table (bad magic bytes)")
        }
        let version = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == TableFormat.version else {
            throw fail("table format version \(version); this varsyn reads version \(TableFormat.version)")
        }
        let sectionCount = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
        let declaredLength = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        guard declaredLength == UInt64(byteCount) else {
            throw fail("table is \(byteCount) bytes but its header says \(declaredLength) (truncated or appended to)")
        }
        let directoryEnd = TableFormat.headerSize + sectionCount * TableFormat.directoryEntrySize
        guard sectionCount <= 1024, directoryEnd <= byteCount else {
            throw fail("section directory (\(sectionCount) entries) does not fit the file")
        }
        if verifyChecksum {
            let stored = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
            let actual = checksum(
                UnsafeRawBufferPointer(
                    start: base + TableFormat.headerSize, count: byteCount - TableFormat.headerSize))
            guard stored == actual else {
                throw fail("checksum mismatch (stored \(hex(stored)), computed \(hex(actual))): the table is corrupted")
            }
        }
        var views = [SectionView](repeating: SectionView(), count: TableFormat.Section.allCases.count + 1)
        for i in 0..<sectionCount {
            let entry = TableFormat.headerSize + i * TableFormat.directoryEntrySize
            let id = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: entry, as: UInt32.self))
            let recordSize = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self)))
            let offset = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: entry + 8, as: UInt64.self))
            let length = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: entry + 16, as: UInt64.self))
            guard let section = TableFormat.Section(rawValue: id) else { continue }  // unknown sections are skipped
            guard recordSize == section.recordSize else {
                throw fail("section \(section) has \(recordSize)-byte records, expected \(section.recordSize)")
            }
            guard offset >= UInt64(directoryEnd), offset <= UInt64(byteCount), length <= UInt64(byteCount) - offset,
                length % UInt64(recordSize) == 0
            else {
                throw fail("section \(section) (offset \(offset), \(length) bytes) lies outside the file")
            }
            views[Int(id)] = SectionView(offset: Int(offset), byteLength: Int(length), recordSize: recordSize)
        }
        return views
    }

    /// Recomputes the CRC-32 over the whole table; true when it matches the header.
    public func verifyChecksum() -> Bool {
        let stored = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
        return stored
            == Self.checksum(
                UnsafeRawBufferPointer(
                    start: base + TableFormat.headerSize, count: byteCount - TableFormat.headerSize))
    }

    /// CRC-32 (zlib) of `bytes`, in chunks below 4 GiB.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: uLong = crc32(0, nil, 0)
        var offset = 0
        while offset < bytes.count {
            let n = min(bytes.count - offset, 1 << 30)
            crc = crc32(crc, bytes.baseAddress.map { ($0 + offset).assumingMemoryBound(to: Bytef.self) }, uInt(n))
            offset += n
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    // MARK: Raw access (bounds-checked)

    @inline(__always)
    func section(_ s: TableFormat.Section) -> SectionView { sections[Int(s.rawValue)] }

    /// Number of records in a section.
    @inline(__always)
    func count(_ s: TableFormat.Section) -> Int { sections[Int(s.rawValue)].count }

    /// The little-endian integer at byte `field` of record `index` of `s`; 0 when out of bounds.
    @inline(__always)
    func integer<T: FixedWidthInteger>(_ s: TableFormat.Section, _ index: Int, _ field: Int, as type: T.Type) -> T {
        let v = sections[Int(s.rawValue)]
        guard index >= 0, index < v.count, field >= 0, field + MemoryLayout<T>.size <= v.recordSize else { return 0 }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: v.offset + index * v.recordSize + field, as: T.self))
    }

    @inline(__always)
    func u32(_ s: TableFormat.Section, _ index: Int, _ field: Int) -> UInt32 {
        integer(s, index, field, as: UInt32.self)
    }
    @inline(__always)
    func u64(_ s: TableFormat.Section, _ index: Int, _ field: Int) -> UInt64 {
        integer(s, index, field, as: UInt64.self)
    }
    @inline(__always)
    func u8(_ s: TableFormat.Section, _ index: Int, _ field: Int) -> UInt8 { integer(s, index, field, as: UInt8.self) }

    /// The string referenced at `field` of record `index`; empty when the reference is out of bounds.
    @inline(__always)
    func string(_ s: TableFormat.Section, _ index: Int, _ field: Int) -> TableString {
        stringAt(offset: Int(u32(s, index, field)), length: Int(u32(s, index, field + 4)))
    }

    @inline(__always)
    func stringAt(offset: Int, length: Int) -> TableString {
        let pool = section(.strings)
        guard offset >= 0, length >= 0, offset <= pool.byteLength, length <= pool.byteLength - offset else {
            return TableString(table: self, offset: 0, count: 0)
        }
        return TableString(table: self, offset: pool.offset + offset, count: length)
    }

    /// The bytes of the string referenced at `field` of record `index` (no reference counting; hot paths).
    @inline(__always)
    func rawString(_ s: TableFormat.Section, _ index: Int, _ field: Int) -> UnsafeRawBufferPointer {
        rawStringAt(offset: Int(u32(s, index, field)), length: Int(u32(s, index, field + 4)))
    }

    @inline(__always)
    func rawStringAt(offset: Int, length: Int) -> UnsafeRawBufferPointer {
        let pool = section(.strings)
        guard offset >= 0, length >= 0, offset <= pool.byteLength, length <= pool.byteLength - offset else {
            return UnsafeRawBufferPointer(start: base, count: 0)
        }
        return UnsafeRawBufferPointer(start: base + pool.offset + offset, count: length)
    }

    /// Three-way byte comparison (-1, 0, 1), optionally ASCII case-insensitive.
    @inline(__always)
    static func compareBytes(
        _ mine: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer, caseInsensitive: Bool
    ) -> Int {
        let n = min(mine.count, other.count)
        var i = 0
        while i < n {
            var a = mine[i]
            var b = other[i]
            if caseInsensitive {
                a = TableFormat.upper(a)
                b = TableFormat.upper(b)
            }
            if a != b { return a < b ? -1 : 1 }
            i += 1
        }
        return mine.count == other.count ? 0 : (mine.count < other.count ? -1 : 1)
    }

    /// A range `first..<first+count` clamped to the records of `s`.
    @inline(__always)
    func clampedRange(_ s: TableFormat.Section, first: UInt32, count: UInt32) -> Range<Int> {
        let n = self.count(s)
        let lo = min(Int(first), n)
        return lo..<min(lo + Int(count), n)
    }

    /// Base `index` of the 2-bit store, with the exception list applied; `N` when out of bounds.
    func base(atStoreIndex index: UInt64) -> UInt8 {
        let packed = section(.sequence)
        let byteIndex = index >> 2
        guard byteIndex < UInt64(packed.byteLength) else { return UInt8(ascii: "N") }
        // Exceptions: last run starting at or before `index`.
        let exceptions = section(.sequenceExceptions)
        var lo = 0
        var hi = exceptions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if u64(.sequenceExceptions, mid, 0) <= index { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 {
            let start = u64(.sequenceExceptions, lo - 1, 0)
            let length = UInt64(u32(.sequenceExceptions, lo - 1, 8))
            if index < start + length { return u8(.sequenceExceptions, lo - 1, 12) }
        }
        let byte = base.load(fromByteOffset: packed.offset + Int(byteIndex), as: UInt8.self)
        return TableFormat.twoBitBases[Int((byte >> (UInt8(index & 3) * 2)) & 3)]
    }

    /// Copies `range` of the sequence stored at `storeStart` (with `available` bases) into `buffer`; returns the
    /// number of bases written.
    func copyBases(
        storeStart: UInt64, available: Int, range: Range<Int>, into buffer: UnsafeMutableBufferPointer<UInt8>
    ) -> Int {
        guard storeStart != TableFormat.none64 else { return 0 }
        let lo = max(0, range.lowerBound)
        let hi = min(available, range.upperBound)
        guard lo < hi else { return 0 }
        let n = min(hi - lo, buffer.count)
        for i in 0..<n { buffer[i] = base(atStoreIndex: storeStart + UInt64(lo + i)) }
        return n
    }
}

/// A string inside the table (UTF-8 bytes in the mapped file). Comparing it with a `String` allocates nothing;
/// `string` makes a Swift `String` (allocates).
public struct TableString: Sendable, Hashable, CustomStringConvertible, Comparable {
    let table: ReferenceTable
    let offset: Int
    /// Length in UTF-8 bytes.
    public let count: Int

    /// The bytes, valid while the table is alive.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: table.base + offset, count: count) }
    public var isEmpty: Bool { count == 0 }
    /// A Swift `String` copy.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { string }

    /// Byte-wise equality with a Swift string.
    public static func == (lhs: TableString, rhs: String) -> Bool { lhs.compare(rhs, caseInsensitive: false) == 0 }
    public static func == (lhs: TableString, rhs: TableString) -> Bool { lhs.bytes.elementsEqual(rhs.bytes) }
    public static func < (lhs: TableString, rhs: TableString) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes: bytes) }

    /// Three-way comparison with `other` (-1, 0, 1), optionally ASCII case-insensitive.
    func compare(_ other: String, caseInsensitive: Bool) -> Int {
        var other = other
        return other.withUTF8 { compare(UnsafeRawBufferPointer($0), caseInsensitive: caseInsensitive) }
    }

    func compare(_ other: UnsafeRawBufferPointer, caseInsensitive: Bool) -> Int {
        ReferenceTable.compareBytes(bytes, other, caseInsensitive: caseInsensitive)
    }

}

/// Byte-wise equality of an optional table string with a Swift string (nil equals nothing).
public func == (lhs: TableString?, rhs: String) -> Bool { lhs.map { $0 == rhs } ?? false }
