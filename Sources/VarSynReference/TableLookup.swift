/// Lookups on a `ReferenceTable`. None of them allocates (queries are compared against the mapped bytes).

/// How a requested accession was matched.
public enum AccessionMatch: Sendable, Equatable {
    /// The accession, with this version, is in the table.
    case exact
    /// Another name of the same transcript (e.g. `LRG_164t1` for NM_003156.3).
    case alternateName
    /// No version was given; the highest version in the table was taken.
    case highestVersion
    /// The version asked for is not in the table but is known to share protein and CDS with the one returned.
    case equivalentVersion
    /// The version asked for is not in the table and nothing is known about it; the highest version was taken.
    case otherVersion
}

/// The answer to an accession lookup: the record plus how it was matched.
public struct TranscriptResolution: Sendable {
    public let record: TranscriptRecord
    public let match: AccessionMatch
    /// For `.equivalentVersion`, the table's note on why the versions are interchangeable.
    public let note: TableString?

    /// Whether the caller should warn the user (any match but `.exact` / `.alternateName`).
    public var needsWarning: Bool { match != .exact && match != .alternateName }

    /// The warning to show for `requested` (allocates); nil when none is needed.
    ///
    /// Example: `NM_003156.4 is not in the table; resolved through NM_003156.3 (same protein NP_003147.2, same CDS)`.
    public func warning(requested: String) -> String? {
        let served = record.accession.string
        switch match {
        case .exact, .alternateName: return nil
        case .highestVersion: return "\(requested) has no version; using the highest in the table, \(served)"
        case .equivalentVersion:
            return
                "\(requested) is not in the table; resolved through \(served): \(note?.string ?? "equivalent version")"
        case .otherVersion:
            return
                "\(requested) is not in the table; using \(served) instead, whose sequence and coordinates may differ"
        }
    }
}

/// An overlap query result: either a transcript alignment or a genomic segment placement.
public enum GenomicFeature: Sendable {
    case alignment(AlignmentRecord)
    case placement(PlacementRecord)
}

extension ReferenceTable {
    // MARK: Counts

    /// Number of transcripts.
    public var transcriptCount: Int { count(.transcripts) }
    public var alignmentCount: Int { count(.alignments) }
    public var exonCount: Int { count(.exons) }
    public var geneCount: Int { count(.genes) }
    public var segmentCount: Int { count(.segments) }
    public var chromosomeCount: Int { count(.chromosomes) }
    public var rsidAlleleCount: Int { count(.rsids) }
    public var nameCount: Int { count(.names) }
    /// Number of bases in the 2-bit sequence store (transcripts and segments).
    public var storedBaseCount: Int { section(.sequence).byteLength * 4 }

    /// All transcripts, sorted by accession.
    public var transcripts: RecordList<TranscriptRecord> { RecordList(table: self, range: 0..<count(.transcripts)) }
    public var genes: RecordList<GeneRecord> { RecordList(table: self, range: 0..<count(.genes)) }
    public var segments: RecordList<SegmentRecord> { RecordList(table: self, range: 0..<count(.segments)) }
    public var chromosomes: RecordList<ChromosomeRecord> { RecordList(table: self, range: 0..<count(.chromosomes)) }
    public var metadata: RecordList<MetadataRecord> { RecordList(table: self, range: 0..<count(.metadata)) }

    // MARK: Name index

    func nameEntry(_ i: Int) -> (name: TableString, kind: UInt32, target: Int) {
        (string(.names, i, 0), u32(.names, i, 8), Int(u32(.names, i, 12)))
    }

    /// First name-index entry whose name is >= `key` (ASCII case-insensitive).
    func nameLowerBound(_ key: UnsafeRawBufferPointer) -> Int {
        var lo = 0
        var hi = count(.names)
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.compareBytes(rawString(.names, mid, 0), key, caseInsensitive: true) < 0 {
                lo = mid + 1
            } else {
                hi = mid
            }
        }
        return lo
    }

    /// Calls `body` for each name-index entry equal to `name` (case-insensitive) until it returns false.
    func forEachName(_ name: String, _ body: (TableFormat.NameKind, Int, Int) -> Bool) {
        var name = name
        name.withUTF8 { raw in
            let key = UnsafeRawBufferPointer(raw)
            var i = nameLowerBound(key)
            while i < count(.names), Self.compareBytes(rawString(.names, i, 0), key, caseInsensitive: true) == 0 {
                if let kind = TableFormat.NameKind(rawValue: u32(.names, i, 8)), !body(kind, Int(u32(.names, i, 12)), i)
                {
                    return
                }
                i += 1
            }
        }
    }

    /// The entry of kind in `kinds` with the highest version among names `base.N` (N numeric); returns target.
    func highestVersion(of base: UnsafeRawBufferPointer, kinds: (TableFormat.NameKind, TableFormat.NameKind)) -> Int? {
        // Names sort by upper-cased bytes; all "BASE.<digits>" follow the lower bound of "BASE.".
        var best: (version: Int, target: Int)?
        var i = nameLowerBound(base)
        while i < count(.names) {
            let bytes = rawString(.names, i, 0)
            guard bytes.count >= base.count,
                Self.compareBytes(UnsafeRawBufferPointer(rebasing: bytes[0..<base.count]), base, caseInsensitive: true)
                    == 0
            else { break }
            if bytes.count > base.count + 1, bytes[base.count] == UInt8(ascii: ".") {
                var version = 0
                var numeric = true
                var j = base.count + 1
                while j < bytes.count {
                    let b = bytes[j]
                    guard b >= 0x30 && b <= 0x39 else {
                        numeric = false
                        break
                    }
                    version = version &* 10 &+ Int(b - 0x30)
                    j += 1
                }
                if numeric, let kind = TableFormat.NameKind(rawValue: u32(.names, i, 8)),
                    kind == kinds.0 || kind == kinds.1
                {
                    if best == nil || version > (best?.version ?? 0) { best = (version, Int(u32(.names, i, 12))) }
                }
            }
            i += 1
        }
        return best?.target
    }

    /// Splits `NM_003156.3` into the byte length of `NM_003156` and whether a numeric version follows.
    static func versionSplit(_ raw: UnsafeRawBufferPointer) -> (baseLength: Int, hasVersion: Bool) {
        var i = raw.count
        while i > 0, raw[i - 1] >= 0x30, raw[i - 1] <= 0x39 { i -= 1 }
        if i > 0, i < raw.count, raw[i - 1] == UInt8(ascii: ".") { return (i - 1, true) }
        return (raw.count, false)
    }

    // MARK: Transcripts

    /// Resolves a transcript accession: exact (`NM_003156.3`, `LRG_164t1`), versionless (`NM_003156` -> highest
    /// version, reported), a known equivalent version (`NM_003156.4` -> NM_003156.3 with a note), or another
    /// version of the same accession (reported). Nil when no version of the accession is in the table.
    public func transcript(accession: String) -> TranscriptResolution? {
        var found: TranscriptResolution?
        forEachName(accession) { kind, target, entry in
            switch kind {
            case .transcript:
                found = TranscriptResolution(
                    record: TranscriptRecord(table: self, index: target), match: .exact, note: nil)
                return false
            case .transcriptAlternate where found == nil:
                found = TranscriptResolution(
                    record: TranscriptRecord(table: self, index: target), match: .alternateName, note: nil)
            case .equivalentVersion where found == nil:
                found = TranscriptResolution(
                    record: TranscriptRecord(table: self, index: target), match: .equivalentVersion,
                    note: string(.names, entry, 16))
            default: break
            }
            return true
        }
        if let found { return found }
        var query = accession
        return query.withUTF8 { raw -> TranscriptResolution? in
            let all = UnsafeRawBufferPointer(raw)
            let (baseLength, hasVersion) = Self.versionSplit(all)
            let base = UnsafeRawBufferPointer(rebasing: all[0..<baseLength])
            guard let target = highestVersion(of: base, kinds: (.transcript, .transcriptAlternate)) else { return nil }
            return TranscriptResolution(
                record: TranscriptRecord(table: self, index: target),
                match: hasVersion ? .otherVersion : .highestVersion, note: nil)
        }
    }

    /// The transcript with exactly this accession (or alternate name), no version fallback.
    public func transcript(exactly accession: String) -> TranscriptRecord? {
        guard let r = transcript(accession: accession), !r.needsWarning else { return nil }
        return r.record
    }

    /// The transcript encoding protein `accession` (`NP_003147.2`; versionless -> highest version).
    public func transcript(protein accession: String) -> TranscriptRecord? {
        var found: TranscriptRecord?
        forEachName(accession) { kind, target, _ in
            if kind == .protein { found = TranscriptRecord(table: self, index: target) }
            return found == nil
        }
        if found != nil { return found }
        var query = accession
        return query.withUTF8 { raw in
            let all = UnsafeRawBufferPointer(raw)
            let split = Self.versionSplit(all)
            guard !split.hasVersion,
                let target = highestVersion(
                    of: UnsafeRawBufferPointer(rebasing: all[0..<split.baseLength]), kinds: (.protein, .protein))
            else { return nil }
            return TranscriptRecord(table: self, index: target)
        }
    }

    // MARK: Genes

    /// The gene with this symbol, else the gene this alias names (case-insensitive): `STIM1`, `stim1`.
    public func gene(symbol: String) -> GeneRecord? {
        var symbolHit: Int?
        var aliasHit: Int?
        forEachName(symbol) { kind, target, _ in
            if kind == .geneSymbol {
                symbolHit = target
                return false
            }
            if kind == .geneAlias && aliasHit == nil { aliasHit = target }
            return true
        }
        return (symbolHit ?? aliasHit).map { GeneRecord(table: self, index: $0) }
    }

    /// Transcripts of the gene named by symbol or alias; empty when unknown.
    public func transcripts(gene symbol: String) -> RecordList<TranscriptRecord> {
        gene(symbol: symbol)?.transcripts ?? RecordList(table: self, range: 0..<0)
    }

    // MARK: Segments and chromosomes

    /// A genomic segment by accession or alternate name (`LRG_164`, `NG_016277.1`).
    public func segment(accession: String) -> SegmentRecord? {
        var found: SegmentRecord?
        forEachName(accession) { kind, target, _ in
            if kind == .segment { found = SegmentRecord(table: self, index: target) }
            return found == nil
        }
        return found
    }

    /// A chromosome by RefSeq accession (`NC_000011.10`), or by name or alias (`11`, `chr11`) on `assembly`
    /// (GRCh38 when nil and the name is ambiguous).
    public func chromosome(_ name: String, assembly: Assembly? = nil) -> ChromosomeRecord? {
        var query = name
        return query.withUTF8 { raw -> ChromosomeRecord? in
            let key = UnsafeRawBufferPointer(raw)
            var lo = 0
            var hi = count(.chromosomes)
            while lo < hi {
                let mid = (lo + hi) / 2
                if string(.chromosomes, mid, 0).compare(key, caseInsensitive: false) < 0 {
                    lo = mid + 1
                } else {
                    hi = mid
                }
            }
            if lo < count(.chromosomes), string(.chromosomes, lo, 0).compare(key, caseInsensitive: false) == 0 {
                return ChromosomeRecord(table: self, index: lo)
            }
            let wanted = assembly ?? .grch38
            for i in 0..<count(.chromosomes) where u8(.chromosomes, i, 32) == wanted.rawValue {
                if string(.chromosomes, i, 8).compare(key, caseInsensitive: true) == 0 {
                    return ChromosomeRecord(table: self, index: i)
                }
                // aliases: comma-separated
                let aliases = string(.chromosomes, i, 16).bytes
                var start = 0
                for j in 0...aliases.count where j == aliases.count || aliases[j] == UInt8(ascii: ",") {
                    let token = UnsafeRawBufferPointer(rebasing: aliases[start..<j])
                    if token.count == key.count,
                        zip(token, key).allSatisfy({ TableFormat.upper($0) == TableFormat.upper($1) })
                    {
                        return ChromosomeRecord(table: self, index: i)
                    }
                    start = j + 1
                }
            }
            return nil
        }
    }

    // MARK: Genomic position

    /// Transcript alignments and segment placements overlapping the 0-based half-open `interval` on
    /// `chromosome` (accession, or name/alias resolved on `assembly`), optionally only on `assembly`.
    ///
    /// Example: `features(overlapping: GenomicInterval(start: 4055633, end: 4055634), on: "NC_000011.10")` yields
    /// the GRCh38 alignment of NM_003156.3 and the placement of LRG_164.
    public func features(
        overlapping interval: GenomicInterval, on chromosome: String, assembly: Assembly? = nil
    )
        -> OverlapSequence
    {
        var accessionRange = 0..<0
        var query = chromosome
        query.withUTF8 { raw in accessionRange = intervalGroup(UnsafeRawBufferPointer(raw)) }
        if accessionRange.isEmpty, let record = self.chromosome(chromosome, assembly: assembly) {
            let name = record.accession
            accessionRange = intervalGroup(name.bytes)
        }
        return OverlapSequence(table: self, group: accessionRange, query: interval, assembly: assembly)
    }

    /// Transcripts aligned over 0-based `position` on `chromosome` (see `features(overlapping:on:assembly:)`).
    public func transcripts(
        overlapping position: Int, on chromosome: String, assembly: Assembly? = nil
    )
        -> [TranscriptRecord]
    {
        features(overlapping: GenomicInterval(start: position, end: position + 1), on: chromosome, assembly: assembly)
            .compactMap { if case .alignment(let a) = $0 { a.transcript } else { nil } }
    }

    /// The interval-index records of one chromosome accession.
    func intervalGroup(_ accession: UnsafeRawBufferPointer) -> Range<Int> {
        let n = count(.intervals)
        func chrom(_ i: Int) -> UnsafeRawBufferPointer {
            rawStringAt(
                offset: Int(u32(.intervals, i, 0)), length: Int(u8(.intervals, i, 22)) | Int(u8(.intervals, i, 23)) << 8
            )
        }
        var lo = 0
        var hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.compareBytes(chrom(mid), accession, caseInsensitive: false) < 0 { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        var h = n
        while end < h {
            let mid = (end + h) / 2
            if Self.compareBytes(chrom(mid), accession, caseInsensitive: false) <= 0 { end = mid + 1 } else { h = mid }
        }
        return lo..<end
    }

    // MARK: rsIDs

    /// Alleles of `rs<number>`.
    public func alleles(rsid: Int) -> RecordList<RSIDRecord> {
        let n = count(.rsids)
        var lo = 0
        var hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(clamping: u64(.rsids, mid, 0)) < rsid { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < n, Int(clamping: u64(.rsids, end, 0)) == rsid { end += 1 }
        return RecordList(table: self, range: lo..<end)
    }

    /// rsIDs recorded for `allele` text (exact match, e.g. `NC_000011.9:g.4076864C>A`).
    public func rsids(allele: String) -> RecordList<RSIDRecord> {
        var query = allele
        return query.withUTF8 { raw in
            let key = UnsafeRawBufferPointer(raw)
            let n = count(.rsidAlleleOrder)
            func text(_ i: Int) -> UnsafeRawBufferPointer { rawString(.rsids, Int(u32(.rsidAlleleOrder, i, 0)), 8) }
            var lo = 0
            var hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if Self.compareBytes(text(mid), key, caseInsensitive: false) < 0 { lo = mid + 1 } else { hi = mid }
            }
            var end = lo
            while end < n, Self.compareBytes(text(end), key, caseInsensitive: false) == 0 { end += 1 }
            return RecordList(table: self, range: lo..<end, indirection: .rsidAlleleOrder)
        }
    }
}

/// Features overlapping a genomic interval, found through the sorted interval index with its running maximum of
/// ends; iterating allocates nothing. Yields features in decreasing start order.
public struct OverlapSequence: Sequence, IteratorProtocol {
    let table: ReferenceTable
    let group: Range<Int>
    let query: GenomicInterval
    let assembly: Assembly?
    var cursor: Int

    init(table: ReferenceTable, group: Range<Int>, query: GenomicInterval, assembly: Assembly?) {
        self.table = table
        self.group = group
        self.query = query
        self.assembly = assembly
        // Last entry whose start < query.end.
        var lo = group.lowerBound
        var hi = group.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(table.u32(.intervals, mid, 4)) < query.end { lo = mid + 1 } else { hi = mid }
        }
        cursor = lo - 1
    }

    public mutating func next() -> GenomicFeature? {
        while cursor >= group.lowerBound {
            let i = cursor
            cursor -= 1
            guard Int(table.u32(.intervals, i, 12)) > query.start else {
                cursor = group.lowerBound - 1
                return nil
            }
            guard Int(table.u32(.intervals, i, 8)) > query.start else { continue }
            if let assembly, table.u8(.intervals, i, 20) != assembly.rawValue { continue }
            let target = Int(table.u32(.intervals, i, 16))
            switch TableFormat.IntervalKind(rawValue: table.u8(.intervals, i, 21)) {
            case .alignment: return .alignment(AlignmentRecord(table: table, index: target))
            case .placement: return .placement(PlacementRecord(table: table, index: target))
            case nil: continue
            }
        }
        return nil
    }
}
