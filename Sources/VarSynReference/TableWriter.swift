import CZlib
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Serializes `ReferenceData` into the binary table format (`docs/table-format.md`).
///
/// Writing is all-or-nothing: the bytes are built in memory, written to a temporary file next to the target and
/// renamed over it, so a failed import never leaves a half-written table.
public struct TableWriter {
    public init() {}

    /// Writes `data` to `path` atomically.
    public func write(_ data: ReferenceData, to path: String) throws(ReferenceError) {
        let bytes = try serialize(data)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            if FileManager.default.fileExists(atPath: path) {
                // rename(2) replaces the old table atomically. (FileManager.replaceItemAt, used before, failed here on
                // Linux with "The file doesn’t exist." and left neither table behind.)
                guard rename(temporary, path) == 0 else {
                    let code: Int =
                        switch errno {
                        case ENOENT: 4
                        case EACCES, EPERM: 513
                        case ENOSPC: 640
                        case EROFS: 642
                        default: 512
                        }
                    throw CocoaError(CocoaError.Code(rawValue: code))
                }
            } else {
                try FileManager.default.moveItem(atPath: temporary, toPath: path)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReferenceError(.writeFailed, file: path, "cannot write the table: \(describeFileError(error))")
        }
    }

    /// The table bytes for `data`. Throws on values the format cannot hold (positions >= 2^32).
    public func serialize(_ input: ReferenceData) throws(ReferenceError) -> [UInt8] {
        var b = Builder()
        let transcripts = input.transcripts.sorted { $0.accession.utf8.lexicographicallyPrecedes($1.accession.utf8) }
        var transcriptIndex: [String: Int] = [:]
        for (i, t) in transcripts.enumerated() where transcriptIndex[t.accession] == nil {
            transcriptIndex[t.accession] = i
        }

        // Transcripts, exons, alignments, sequences.
        var intervals: [(chrom: String, start: UInt32, end: UInt32, target: UInt32, assembly: UInt8, kind: UInt8)] = []
        var names: [(name: String, kind: TableFormat.NameKind, target: UInt32, note: String)] = []
        for (i, t) in transcripts.enumerated() {
            let target = UInt32(i)
            names.append((t.accession, .transcript, target, ""))
            for alt in t.alternateAccessions where alt != t.accession {
                names.append((alt, .transcriptAlternate, target, ""))
            }
            if !t.proteinAccession.isEmpty { names.append((t.proteinAccession, .protein, target, "")) }
            if !t.genomicReference.isEmpty { names.append((t.genomicReference, .genomicReference, target, "")) }
            let exonFirst = b.exons.count / 8
            for e in t.exons {
                try b.exons.u32(e.start, "exon start of \(t.accession)")
                try b.exons.u32(e.end, "exon end of \(t.accession)")
            }
            let alignmentFirst = b.alignments.count / 40
            for a in t.alignments {
                let alignedFirst = b.alignedExons.count / 24
                for e in a.exons {
                    try b.alignedExons.u32(e.transcript.start, "aligned exon of \(t.accession)")
                    try b.alignedExons.u32(e.transcript.end, "aligned exon of \(t.accession)")
                    try b.alignedExons.u32(e.genomic.start, "aligned exon of \(t.accession)")
                    try b.alignedExons.u32(e.genomic.end, "aligned exon of \(t.accession)")
                    b.alignedExons.ref(b.pool.intern(e.cigar))
                }
                let span = a.span
                intervals.append(
                    (
                        a.chromosome, UInt32(clamping: span.start), UInt32(clamping: span.end),
                        UInt32(b.alignments.count / 40), a.assembly.rawValue,
                        TableFormat.IntervalKind.alignment.rawValue
                    ))
                b.alignments.ref(b.pool.intern(a.chromosome))
                b.alignments.ref(b.pool.intern(a.source))
                b.alignments.u32(UInt32(i))
                b.alignments.u8(a.assembly.rawValue)
                b.alignments.u8(a.strand.rawValue)
                b.alignments.u16(0)
                b.alignments.u32(UInt32(alignedFirst))
                b.alignments.u32(UInt32(a.exons.count))
                try b.alignments.u32(span.start, "span of \(t.accession)")
                try b.alignments.u32(span.end, "span of \(t.accession)")
            }
            b.transcripts.ref(b.pool.intern(t.accession))
            b.transcripts.ref(b.pool.intern(t.gene))
            b.transcripts.ref(b.pool.intern(t.proteinAccession))
            b.transcripts.ref(b.pool.intern(t.genomicReference))
            b.transcripts.ref(b.pool.intern(t.source))
            b.transcripts.u32(UInt32(clamping: t.hgncID))
            var flags: UInt32 = 0
            if t.cds != nil { flags |= TableFormat.flagCoding }
            if !t.sequence.isEmpty { flags |= TableFormat.flagHasSequence }
            b.transcripts.u32(flags)
            try b.transcripts.u32(t.length, "length of \(t.accession)")
            if let cds = t.cds {
                try b.transcripts.u32(cds.start, "CDS of \(t.accession)")
                try b.transcripts.u32(cds.end, "CDS of \(t.accession)")
            } else {
                b.transcripts.u32(TableFormat.none32)
                b.transcripts.u32(TableFormat.none32)
            }
            b.transcripts.u32(UInt32(exonFirst))
            b.transcripts.u32(UInt32(t.exons.count))
            b.transcripts.u32(UInt32(alignmentFirst))
            b.transcripts.u32(UInt32(t.alignments.count))
            b.transcripts.u32(0)
            b.transcripts.u64(t.sequence.isEmpty ? TableFormat.none64 : b.appendSequence(t.sequence))
        }

        // Genomic segments and placements.
        let segments = input.segments.sorted { $0.accession.utf8.lexicographicallyPrecedes($1.accession.utf8) }
        for (i, s) in segments.enumerated() {
            names.append((s.accession, .segment, UInt32(i), ""))
            for alt in s.alternateAccessions { names.append((alt, .segment, UInt32(i), "")) }
            let placementFirst = b.placements.count / 40
            for p in s.placements {
                intervals.append(
                    (
                        p.chromosome, UInt32(clamping: p.genomic.start), UInt32(clamping: p.genomic.end),
                        UInt32(b.placements.count / 40), p.assembly.rawValue,
                        TableFormat.IntervalKind.placement.rawValue
                    ))
                b.placements.ref(b.pool.intern(p.chromosome))
                b.placements.ref(b.pool.intern(p.differences.map(\.encoded).joined(separator: ";")))
                b.placements.u32(UInt32(i))
                b.placements.u8(p.assembly.rawValue)
                b.placements.u8(p.strand.rawValue)
                b.placements.u16(0)
                try b.placements.u32(p.segment.start, "placement of \(s.accession)")
                try b.placements.u32(p.segment.end, "placement of \(s.accession)")
                try b.placements.u32(p.genomic.start, "placement of \(s.accession)")
                try b.placements.u32(p.genomic.end, "placement of \(s.accession)")
            }
            b.segments.ref(b.pool.intern(s.accession))
            b.segments.ref(b.pool.intern(s.gene))
            b.segments.ref(b.pool.intern(s.source))
            b.segments.u64(b.appendSequence(s.sequence))
            try b.segments.u32(s.sequence.count, "length of \(s.accession)")
            b.segments.u32(UInt32(placementFirst))
            b.segments.u32(UInt32(s.placements.count))
            b.segments.u32(0)
        }

        // Genes: symbols from gene records and from transcripts; transcripts grouped per gene.
        var genes: [String: GeneModel] = [:]
        for g in input.genes { genes[g.symbol] = g }
        var transcriptsOfGene: [String: [UInt32]] = [:]
        for (i, t) in transcripts.enumerated() where !t.gene.isEmpty {
            transcriptsOfGene[t.gene, default: []].append(UInt32(i))
            if genes[t.gene] == nil { genes[t.gene] = GeneModel(symbol: t.gene, hgncID: t.hgncID) }
        }
        let geneSymbols = genes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (i, symbol) in geneSymbols.enumerated() {
            guard let g = genes[symbol] else { continue }
            names.append((symbol, .geneSymbol, UInt32(i), ""))
            for alias in Set(g.aliases) where alias.uppercased() != symbol.uppercased() {
                names.append((alias, .geneAlias, UInt32(i), ""))
            }
            b.genes.ref(b.pool.intern(symbol))
            b.genes.ref(b.pool.intern(g.maneRefSeq))
            b.genes.ref(b.pool.intern(g.maneEnsembl))
            b.genes.u32(UInt32(clamping: g.hgncID))
            let members = transcriptsOfGene[symbol] ?? []
            b.genes.u32(UInt32(b.geneTranscripts.count / 4))
            b.genes.u32(UInt32(members.count))
            b.genes.u32(0)
            for m in members { b.geneTranscripts.u32(m) }
        }

        for e in input.equivalences {
            guard transcriptIndex[e.accession] == nil, let target = transcriptIndex[e.servedBy] else { continue }
            names.append((e.accession, .equivalentVersion, UInt32(target), e.note))
        }

        // Name index: sorted by ASCII-upper-cased name, then kind, then target.
        let keyed = names.map { (key: Array($0.name.utf8).map(TableFormat.upper), entry: $0) }
        let sortedNames = keyed.sorted { l, r in
            if l.key != r.key { return l.key.lexicographicallyPrecedes(r.key) }
            if l.entry.kind != r.entry.kind { return l.entry.kind.rawValue < r.entry.kind.rawValue }
            return l.entry.target < r.entry.target
        }
        var previous: (key: [UInt8], kind: UInt32, target: UInt32)?
        for n in sortedNames {
            if let p = previous, p.key == n.key, p.kind == n.entry.kind.rawValue, p.target == n.entry.target {
                continue
            }
            previous = (n.key, n.entry.kind.rawValue, n.entry.target)
            b.names.ref(b.pool.intern(n.entry.name))
            b.names.u32(n.entry.kind.rawValue)
            b.names.u32(n.entry.target)
            b.names.ref(b.pool.intern(n.entry.note))
        }

        // Interval index: by chromosome accession bytes, then start; running max of end per chromosome.
        intervals.sort { l, r in
            if l.chrom != r.chrom { return l.chrom.utf8.lexicographicallyPrecedes(r.chrom.utf8) }
            return (l.start, l.end, l.kind, l.target) < (r.start, r.end, r.kind, r.target)
        }
        var runningMax: UInt32 = 0
        var currentChrom: String?
        for iv in intervals {
            if iv.chrom != currentChrom {
                currentChrom = iv.chrom
                runningMax = 0
            }
            runningMax = max(runningMax, iv.end)
            let chromRef = b.pool.intern(iv.chrom)
            b.intervals.u32(chromRef.offset)
            b.intervals.u32(iv.start)
            b.intervals.u32(iv.end)
            b.intervals.u32(runningMax)
            b.intervals.u32(iv.target)
            b.intervals.u8(iv.assembly)
            b.intervals.u8(iv.kind)
            b.intervals.u16(UInt16(clamping: chromRef.length))
        }

        // Chromosomes sorted by accession.
        for c in input.chromosomes.sorted(by: {
            ($0.accession, $0.assembly.rawValue) < ($1.accession, $1.assembly.rawValue)
        }) {
            b.chromosomes.ref(b.pool.intern(c.accession))
            b.chromosomes.ref(b.pool.intern(c.name))
            b.chromosomes.ref(b.pool.intern(c.aliases.joined(separator: ",")))
            b.chromosomes.u64(UInt64(clamping: c.length))
            b.chromosomes.u8(c.assembly.rawValue)
            for _ in 0..<7 { b.chromosomes.u8(0) }
        }

        // rsIDs: sorted by number, and an order by allele text.
        var seen = Set<RSIDAllele>()
        let rsids = input.rsids.filter { seen.insert($0).inserted }.sorted {
            ($0.rsid, $0.allele) < ($1.rsid, $1.allele)
        }
        for r in rsids {
            b.rsids.u64(UInt64(clamping: r.rsid))
            b.rsids.ref(b.pool.intern(r.allele))
        }
        let alleleOrder = rsids.indices.sorted {
            let l = rsids[$0].allele.utf8
            let r = rsids[$1].allele.utf8
            if !l.elementsEqual(r) { return l.lexicographicallyPrecedes(r) }
            return rsids[$0].rsid < rsids[$1].rsid
        }
        for i in alleleOrder { b.rsidAlleleOrder.u32(UInt32(i)) }

        for m in input.metadata {
            b.metadata.ref(b.pool.intern(m.key))
            b.metadata.ref(b.pool.intern(m.value))
        }

        return b.finish()
    }
}

/// Little-endian byte sink.
struct ByteSink {
    var bytes: [UInt8] = []
    var count: Int { bytes.count }
    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    /// A string reference: offset and length in the string pool.
    mutating func ref(_ r: (offset: UInt32, length: UInt32)) {
        u32(r.offset)
        u32(r.length)
    }
    /// A non-negative Int that must fit 32 bits.
    mutating func u32(_ v: Int, _ what: @autoclosure () -> String) throws(ReferenceError) {
        guard v >= 0 && v < Int(UInt32.max) else {
            throw ReferenceError(.badRecord, "\(what()) = \(v) does not fit the table's 32-bit positions")
        }
        u32(UInt32(v))
    }
}

/// Collects the sections.
/// Interned strings: each distinct string is stored once.
final class StringPool {
    var strings = ByteSink()
    var table: [String: (offset: UInt32, length: UInt32)] = [:]

    func intern(_ s: String) -> (offset: UInt32, length: UInt32) {
        if let ref = table[s] { return ref }
        let ref = (UInt32(strings.count), UInt32(s.utf8.count))
        strings.bytes.append(contentsOf: s.utf8)
        table[s] = ref
        return ref
    }
}

struct Builder {
    let pool = StringPool()
    var transcripts = ByteSink(), exons = ByteSink(), alignments = ByteSink(), alignedExons = ByteSink()
    var packed = ByteSink(), exceptions = ByteSink(), names = ByteSink(), genes = ByteSink()
    var geneTranscripts = ByteSink(), intervals = ByteSink(), segments = ByteSink(), placements = ByteSink()
    var chromosomes = ByteSink(), rsids = ByteSink(), rsidAlleleOrder = ByteSink(), metadata = ByteSink()
    /// Bases written so far to the 2-bit store.
    var baseCount: UInt64 = 0
    var pendingByte: UInt8 = 0

    /// Appends a sequence to the 2-bit store; returns its first base index.
    mutating func appendSequence(_ sequence: [UInt8]) -> UInt64 {
        let first = baseCount
        var i = 0
        while i < sequence.count {
            let base = TableFormat.upper(sequence[i])
            if let code = TableFormat.twoBitCode(base) {
                pushCode(code)
                i += 1
            } else {
                var run = 1
                while i + run < sequence.count && TableFormat.upper(sequence[i + run]) == base && run < Int(UInt32.max)
                {
                    run += 1
                }
                exceptions.u64(baseCount)
                exceptions.u32(UInt32(run))
                exceptions.u8(base)
                exceptions.u8(0)
                exceptions.u8(0)
                exceptions.u8(0)
                for _ in 0..<run { pushCode(0) }
                i += run
            }
        }
        return first
    }

    mutating func pushCode(_ code: UInt8) {
        let shift = UInt8(baseCount & 3) * 2
        pendingByte |= code << shift
        baseCount += 1
        if baseCount & 3 == 0 {
            packed.u8(pendingByte)
            pendingByte = 0
        }
    }

    mutating func finish() -> [UInt8] {
        if baseCount & 3 != 0 {
            packed.u8(pendingByte)
            pendingByte = 0
        }
        let sections: [(TableFormat.Section, ByteSink)] = [
            (.strings, pool.strings), (.transcripts, transcripts), (.exons, exons), (.alignments, alignments),
            (.alignedExons, alignedExons), (.sequence, packed), (.sequenceExceptions, exceptions), (.names, names),
            (.genes, genes), (.geneTranscripts, geneTranscripts), (.intervals, intervals), (.segments, segments),
            (.placements, placements), (.chromosomes, chromosomes), (.rsids, rsids),
            (.rsidAlleleOrder, rsidAlleleOrder), (.metadata, metadata),
        ]
        var offset = TableFormat.headerSize + sections.count * TableFormat.directoryEntrySize
        var directory = ByteSink()
        var body: [UInt8] = []
        for (section, sink) in sections {
            let padding = (8 - offset % 8) % 8
            body.append(contentsOf: repeatElement(0, count: padding))
            offset += padding
            directory.u32(section.rawValue)
            directory.u32(UInt32(section.recordSize))
            directory.u64(UInt64(offset))
            directory.u64(UInt64(sink.count))
            body.append(contentsOf: sink.bytes)
            offset += sink.count
        }
        var header = ByteSink()
        header.bytes.append(contentsOf: TableFormat.magic)
        header.u32(TableFormat.version)
        header.u32(UInt32(sections.count))
        header.u64(UInt64(offset))
        let payload = directory.bytes + body
        let checksum = payload.withUnsafeBufferPointer { p in
            UInt32(crc32(0, p.baseAddress, uInt(p.count)))
        }
        header.u32(checksum)
        header.u32(0)
        header.bytes.append(contentsOf: repeatElement(0, count: TableFormat.headerSize - header.count))
        return header.bytes + payload
    }
}
