import VarSynCore
import VarSynReference

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The key-only fast path: `NM_…:c.N…` and `n.` descriptions at exonic positions (substitution, deletion,
// duplication, insertion and deletion-insertion of literal bases) straight to the GRCh38 SPDI key, with no syntax
// of its own, no `GenomeView`, no closures and one allocation for the key text.
//
// It computes exactly what the general path (`normalizeTranscriptVariant` -> `outputs` with `forms == .key`)
// computes, and it declines (returns nil, and the general path runs) whenever it cannot be sure of that: any error
// (mismatch, out of bounds, ...), a gene symbol, intronic or uncertain positions, a transcript without a gapless
// GRCh38 alignment or without sequence, and any base read the general path would answer from somewhere this path
// did not prepare. `FastKeyDifferentialTests` checks the two paths agree on whole corpora.
//
// Genomic bases: the general path's `GenomeView` serves a base from an LRG/NG_ segment placed on the chromosome,
// else from the exons of the transcript. Per exon this path prepares one of two equivalents:
// - no placement within 320 bases of the exon: the exon's own bases (plus strand); the base just outside the
//   exon reads as unknown, as in the general path;
// - every placement overlapping the exon ± 320 covers all of it, without recorded differences: that genome
//   window; reads must stay 256 bases inside it (the general path reads 512-base windows centred on a base).
// Anything else about an exon makes it decline.

/// Where a provider's genomic sequence is, for the fast path's preparation.
protocol FastGenomeCoverage {
    /// Whether genomic records cover `interval` of `chromosome`: none overlaps it, all that overlap it cover it
    /// whole with no recorded differences from the assembly, or anything else.
    func fastGenomeCoverage(chromosome: String, interval: GenomicInterval) -> FastCoverage
}

/// See ``FastGenomeCoverage``.
enum FastCoverage {
    case none, uniform, mixed
}

extension TableReferenceProvider: FastGenomeCoverage {
    func fastGenomeCoverage(chromosome: String, interval: GenomicInterval) -> FastCoverage {
        var any = false
        for feature in table.features(overlapping: interval, on: chromosome) {
            guard case .placement(let p) = feature else { continue }
            any = true
            let g = p.genomic
            guard g.start <= interval.start, g.end >= interval.end, g.length == p.segmentInterval.length,
                p.differencesText.bytes.isEmpty
            else { return .mixed }
        }
        return any ? .uniform : .none
    }
}

/// One exon of a prepared transcript and the plus-strand bases the general path would read around it.
struct FastExon {
    /// The exon on the transcript (0-based, half-open).
    var transcriptStart: Int
    var transcriptEnd: Int
    /// The exon on the chromosome (0-based, half-open).
    var genomicStart: Int
    var genomicEnd: Int
    /// Whether the bases below were prepared (else the fast path declines variants in this exon).
    var usable: Bool
    /// `FastTranscript.genome[storage + (g - origin)]` is genomic base `g` for `g` in `safe`.
    var storage: Int
    var origin: Int
    var safe: Range<Int>
    /// The base on either side of `safe` reads as unknown (not a sequence end); any other read outside declines.
    var unknownEdges: Bool
}

/// A transcript prepared for the fast path: what the general path reads through the provider, copied once.
/// Immutable after `init`; the raw buffers are owned and freed in `deinit`.
final class FastTranscript: @unchecked Sendable {
    let accession: String
    let cds: TranscriptInterval?
    /// GRCh38 chromosome accession, e.g. `NC_000011.10`.
    let chromosome: String
    let plus: Bool
    /// Exons in transcript order (owned here, read without retaining an array).
    let exons: UnsafeBufferPointer<FastExon>
    /// The genomic span of the exons.
    let span: Range<Int>
    /// No genomic record lies within 1 kb of the span: every intronic base is unknown.
    let genomeFree: Bool

    /// The same bytes as `sequence`, `genome` and `chromosome`, owned here (read without closures).
    let sequenceBytes: UnsafeBufferPointer<UInt8>
    let genomeBytes: UnsafeBufferPointer<UInt8>
    let chromosomeBytes: UnsafeBufferPointer<UInt8>
    let accessionBytes: UnsafeBufferPointer<UInt8>

    init(
        accession: String, cds: TranscriptInterval?, sequence: [UInt8], chromosome: String,
        plus: Bool, exons: [FastExon], genome: [UInt8], span: Range<Int>, genomeFree: Bool
    ) {
        self.span = span
        self.genomeFree = genomeFree
        func owned(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
            _ = buffer.initialize(from: bytes)
            return UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])
        }
        sequenceBytes = owned(sequence)
        genomeBytes = owned(genome)
        chromosomeBytes = owned(Array(chromosome.utf8))
        accessionBytes = owned(Array(accession.utf8))
        self.accession = accession
        self.cds = cds
        self.chromosome = chromosome
        self.plus = plus
        let exonBuffer = UnsafeMutableBufferPointer<FastExon>.allocate(capacity: max(1, exons.count))
        _ = exonBuffer.initialize(from: exons)
        self.exons = UnsafeBufferPointer(rebasing: exonBuffer[0..<exons.count])
    }

    deinit {
        for bytes in [sequenceBytes, genomeBytes, chromosomeBytes, accessionBytes] {
            bytes.baseAddress.map { $0.deallocate() }
        }
        exons.baseAddress.map { $0.deallocate() }
    }

    /// The exon holding transcript index `i` (the alignment's first, as `TranscriptMapper` picks it).
    @inline(__always)
    func exonIndex(holding i: Int) -> Int? {
        for k in exons.indices where exons[k].transcriptStart <= i && i < exons[k].transcriptEnd { return k }
        return nil
    }

    /// Genomic position of exonic transcript index `i` in exon `k`.
    @inline(__always)
    func genomic(_ i: Int, exon k: Int) -> Int {
        let e = exons[k]
        return plus ? e.genomicStart + (i - e.transcriptStart) : e.genomicEnd - 1 - (i - e.transcriptStart)
    }
}

/// What the fast path knows about a requested accession text.
enum FastCacheEntry {
    /// Asked for this many times, each answered by the general path: a transcript is prepared on its
    /// `FastKeyCache.warmUp`-th request, so a stream of one-off transcripts (ClinVar-like) pays a dictionary lookup,
    /// not a preparation (copying a long transcript and its genome windows costs about as much as 10 general answers).
    case seen(Int)
    /// Prepared, with the lookup's warning for this text (version fallback), shown as the general path shows it
    /// (one reference: reading the entry costs one retain).
    case ready(FastHit)
    /// Not served by the fast path.
    case unusable
}

extension FastTranscript {
    /// The genomic positions (0-based) of the ends `i1+o1` and `i2+o2` (transcript indices with intronic offsets)
    /// of a change on a transcript with no genome nearby, when one of them lies in an intron, inside the
    /// transcript's span where no base is known; nil otherwise (the genome is known, or both ends are exonic).
    /// `c.270+5G>A` on such a transcript -> the intronic base's position, twice.
    func unknownIntronicEnds(_ i1: Int, _ o1: Int, _ i2: Int, _ o2: Int) -> (Int, Int)? {
        guard genomeFree, let k1 = exonIndex(holding: i1), let k2 = exonIndex(holding: i2) else { return nil }
        let g1 = plus ? genomic(i1, exon: k1) + o1 : genomic(i1, exon: k1) - o1
        let g2 = plus ? genomic(i2, exon: k2) + o2 : genomic(i2, exon: k2) - o2
        func intronic(_ g: Int) -> Bool {
            g >= span.lowerBound && g < span.upperBound && !exons.contains { $0.genomicStart <= g && g < $0.genomicEnd }
        }
        return intronic(g1) || intronic(g2) ? (g1, g2) : nil
    }
}

/// A prepared transcript and the lookup's warning for the accession text that asked for it.
final class FastHit: Sendable {
    let transcript: FastTranscript
    let warning: String?

    init(_ transcript: FastTranscript, warning: String?) {
        self.transcript = transcript
        self.warning = warning
    }
}

/// Prepared transcripts by requested accession (the parsed `Accession`: hashed and compared as its inline bytes,
/// no `String` made per request) (and by the table's accession, so version fallbacks share
/// one preparation), shared by the copies of a `Normalizer` and safe to use from several threads. At most
/// `capacity` texts are kept; when full, the cache starts over.
final class FastKeyCache: @unchecked Sendable {
    private struct State {
        var storage: [Accession: FastCacheEntry] = [:]
        var byRecord: [String: FastTranscript?] = [:]
    }
    /// Guarded by `mutex`. Held through a pointer: a class's `var` is checked for exclusive access at run time on
    /// every read (~120 instructions a lookup); the mutex already gives that.
    private let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    let capacity: Int
    /// The request on which a transcript is prepared.
    static let warmUp = 8
    /// Every `.ready` hit again, by the requested accession's bytes, read without the lock (an
    /// `AccessionTable<FastHit>`; typed `AnyObject` for the platforms where it is not available): the streaming
    /// fast path's lookup (`Normalizer+TextStream.swift`). Entries are added, never removed (it outlives the
    /// dictionary's resets: a hit stays valid for the provider's lifetime).
    let readyTable: AnyObject?

    init(capacity: Int = 16384) {
        self.capacity = capacity
        state.initialize(to: State())
        pthread_mutex_init(mutex, nil)
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
            readyTable = AccessionTable<FastHit>(slots: 4096)
        } else {
            readyTable = nil
        }
    }

    /// The prepared transcript of a ready hit for accession bytes `accession`, without a lock and unretained
    /// (the table keeps it alive as long as this cache); nil when not (yet) in ``readyTable``.
    @inline(__always)
    func readyTranscript(_ accession: UnsafeBufferPointer<UInt8>) -> Unmanaged<FastTranscript>? {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *), let table = readyTable else {
            return nil
        }
        return unsafeDowncast(table, to: AccessionTable<FastHit>.self).unretainedValue(for: accession).map {
            $0._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.transcript) }
        }
    }

    /// Adds a ready hit to ``readyTable``.
    func publish(_ hit: FastHit, for accession: Accession) {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *), let table = readyTable else {
            return
        }
        var text = accession.text
        text.withUTF8 { _ = unsafeDowncast(table, to: AccessionTable<FastHit>.self).insert(hit, for: $0) }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    @inline(__always)
    func entry(_ accession: Accession) -> FastCacheEntry? {
        pthread_mutex_lock(mutex)
        let cached = state.pointee.storage[accession]
        pthread_mutex_unlock(mutex)
        return cached
    }

    func set(_ accession: Accession, _ entry: FastCacheEntry) {
        pthread_mutex_lock(mutex)
        if state.pointee.storage.count >= capacity {
            state.pointee.storage.removeAll(keepingCapacity: true)
            state.pointee.byRecord.removeAll(keepingCapacity: true)
        }
        state.pointee.storage[accession] = entry
        pthread_mutex_unlock(mutex)
    }

    /// The preparation of the table's transcript `record`, made with `make` the first time.
    func prepared(record: String, make: () -> FastTranscript?) -> FastTranscript? {
        pthread_mutex_lock(mutex)
        let cached = state.pointee.byRecord[record]
        pthread_mutex_unlock(mutex)
        if let cached { return cached }
        let made = make()
        pthread_mutex_lock(mutex)
        state.pointee.byRecord[record] = .some(made)
        pthread_mutex_unlock(mutex)
        return made
    }
}

/// Plus-strand genomic bases around one exon, answering as the general path's `GenomeView` would; a read it
/// cannot answer sets `declined` (and reads as unknown, which ends every scan).
struct FastBases {
    let genome: UnsafeBufferPointer<UInt8>
    let exon: FastExon
    var declined = false

    init(genome: UnsafeBufferPointer<UInt8>, exon: FastExon) {
        self.genome = genome
        self.exon = exon
    }

    @inline(__always)
    mutating func base(_ g: Int) -> UInt8? {
        if exon.safe.contains(g) { return genome[exon.storage + (g - exon.origin)] }
        if exon.unknownEdges && (g == exon.safe.lowerBound - 1 || g == exon.safe.upperBound) { return nil }
        declined = true
        return nil
    }

    /// The change `[start, end)` -> `alt` with the bases it shares with the reference trimmed, suffix first:
    /// genome `[rs, re)` -> `alt[a0..<a1]` (`CTA` -> `CGA` at 100 is `[101, 102)` -> `G`).
    @inline(__always)
    mutating func trimmed(
        start: Int, end: Int, alternative alt: UnsafeBufferPointer<UInt8>
    ) -> (
        rs: Int, re: Int, a0: Int, a1: Int
    ) {
        var rs = start
        var re = end
        var a0 = 0
        var a1 = alt.count
        while re > rs, a1 > a0, let r = base(re - 1), r == alt[a1 - 1] {
            re -= 1
            a1 -= 1
        }
        while re > rs, a1 > a0, let r = base(rs), r == alt[a0] {
            rs += 1
            a0 += 1
        }
        return (rs, re, a0, a1)
    }

    /// Whether every base of `[start, end)` is known.
    mutating func known(_ start: Int, _ end: Int) -> Bool {
        guard start <= end else { return false }
        for g in start..<end where base(g) == nil { return false }
        return true
    }
}

/// The fast path's result before it becomes text: the SPDI (`position`, deleted = genome `[position, deletedEnd)`,
/// inserted = `inserted[insertedStart..<insertedEnd]` then genome `[insertedGenomeStart, insertedGenomeEnd)`).
struct FastSPDI {
    var position: Int
    var deletedEnd: Int
    var insertedStart: Int
    var insertedEnd: Int
    var insertedGenomeStart: Int
    var insertedGenomeEnd: Int
}

/// ``Normalizer/fastPlace(_:start:end:alternativeCount:scratch:wantsText:wantsKey:)``'s answer: the exon, the
/// normalized c./n. change (when asked) and the SPDI (when asked; nil: no key).
struct FastPlacement {
    var exon: Int
    var text: FastTextChange?
    var spdi: FastSPDI?

    init(exon: Int) {
        self.exon = exon
    }
}

extension Normalizer {
    /// The key-only normalization of `parsed` without the general machinery, or nil when the general path must
    /// run (see the top of this file). `NM_900046.1:c.687del` -> key `NC_000011.10:480308:GG:G`.
    func fastKey(_ parsed: ParsedExpression) -> NormalizedVariant? {
        var result = NormalizedVariant()
        return fastKey(parsed, into: &result) ? result : nil
    }

    /// ``fastKey(_:)`` writing into `result` (a fresh `NormalizedVariant()`); false when the general path must run.
    func fastKey(_ parsed: ParsedExpression, into result: inout NormalizedVariant) -> Bool {
        let forms = options.forms
        guard forms == .key || forms == .hgvsC || forms == [.key, .hgvsC], options.direction == .threePrime
        else { return false }
        // `switch`, not `guard case`: the parts are read in place (borrowed), where a `guard case` binding copied
        // the expression and its body out of the parsed value (~500 instructions per input).
        switch parsed.expression {
        case .description(let description):
            switch description.body {
            case .transcript(let system, .variant(let variant)) where system == .coding || system == .noncoding:
                switch description.reference {
                case .some(let reference):
                    guard let hit = fastLookup(reference) else { return false }
                    return fastKey(
                        hit, system: system, variant: variant, warnings: parsed.warnings, into: &result)
                case nil: return false
                }
            default: return false
            }
        default: return false
        }
    }

    /// ``fastLookup(_:)`` for the transcript a reference names (its selector when that is not a gene symbol).
    @inline(__always)
    func fastLookup(_ reference: ReferenceSpecifier) -> FastHit? {
        switch reference.selector {
        case .some(let selector) where selector.kind != .geneSymbol:
            return fastLookup(selector)
        default:
            guard reference.accession.kind != .geneSymbol else { return nil }
            return fastLookup(reference.accession)
        }
    }

    /// ``fastKey(_:into:)`` once the transcript is found (`warnings`: the parse warnings).
    func fastKey(
        _ hit: FastHit, system: CoordinateSystem, variant: NucleotideVariant<TranscriptPosition>,
        warnings parseWarnings: [ParseWarning], into result: inout NormalizedVariant
    ) -> Bool {
        let forms = options.forms
        let t = hit.transcript
        let warning = hit.warning

        // Positions: exact, inside the transcript, in order.
        let coding = system == .coding
        guard case .exact(let first) = variant.location.start, let (i1, o1) = fastIndex(first, coding: coding, t)
        else { return false }
        var (i2, o2) = (i1, o1)
        if let end = variant.location.end {
            guard case .exact(let last) = end, let p = fastIndex(last, coding: coding, t) else { return false }
            (i2, o2) = p
        }
        guard (i1, o1) <= (i2, o2) else { return false }
        let wantsKey = forms.contains(.key)
        let wantsText = forms.contains(.hgvsC)
        if o1 != 0 || o2 != 0 {
            guard
                fastIntronicKey(
                    t, warning, i1, o1, i2, o2, variant: variant, warnings: parseWarnings, text: wantsText,
                    into: &result)
            else { return false }
            if !wantsKey {
                // The unchecked change keeps its SPDI, g. and VCF text as in the general path, not the key.
                result.key = nil
                result.keyUnavailableReason = nil
            }
            return true
        }
        var start = i1
        var end = i2 + 1
        if case .insertion = variant.edit {
            guard variant.location.end != nil, i2 == i1 + 1 else { return false }
            start = i2
            end = i2
        }
        // The key text (nil: no key) and the c./n. text, or nil when the general path must answer.
        // `blocks`: the deleted and inserted bases have one length, at least 3, and share a base inside
        // (`KeyFormat.substitutionBlocks` rewrites only those; any other key is the SPDI itself).
        let answer: (key: String?, blocks: Bool, text: (text: String, limited: Bool)?)? =
            withUnsafeTemporaryAllocation(
                of: UInt8.self, capacity: 768
            ) { scratch -> (key: String?, blocks: Bool, text: (text: String, limited: Bool)?)? in
                let sequence = t.sequenceBytes
                // The replacing bases, in transcript orientation, into scratch[0..<altCount].
                guard
                    let altCount = Self.fastAlternative(
                        variant.edit, sequence: sequence, start: start, end: end, hasEnd: variant.location.end != nil,
                        into: scratch)
                else { return nil }
                guard
                    let placed = Self.fastPlace(
                        t, start: start, end: end, alternativeCount: altCount, scratch: scratch,
                        wantsText: wantsText, wantsKey: wantsKey)
                else { return nil }
                let text = placed.text.map { change in
                    let written = fastString(Self.fastTextCapacity(t, change)) {
                        Self.writeTranscriptText(&$0, t, change)
                    }
                    return (written, change.limited)
                }
                guard wantsKey, let spdi = placed.spdi else { return (nil, false, text) }
                let exon = t.exons[placed.exon]
                let inserted = UnsafeBufferPointer(rebasing: scratch[256..<512])
                let deleted = spdi.deletedEnd - spdi.position
                let replacing =
                    spdi.insertedEnd - spdi.insertedStart + spdi.insertedGenomeEnd - spdi.insertedGenomeStart
                return (
                    Self.fastSPDIText(t, spdi, exon: exon, inserted: inserted),
                    deleted == replacing && deleted >= 3
                        && Self.fastKeepsInnerBase(t, spdi, exon: exon, inserted: inserted),
                    text
                )
            }
        guard let answer else { return false }
        if let w = warning { result.warnings.append(w) }
        if let text = answer.text, text.limited {
            result.warnings.append(
                t.accession + ": the 3' shift stopped at the exon edge (intron sequence not in the reference data)")
        }
        if !parseWarnings.isEmpty, parseWarnings.contains(where: { $0.code == .singlePositionInsertion }) {
            result.warnings.append("a single-position insertion was read with both flanks")
        }
        result.hgvsC = answer.text?.text
        if let key = answer.key {
            // As the general path: a 1:1 change with unchanged bases inside keys as its substitution blocks.
            result.key = answer.blocks ? KeyFormat.substitutionBlocks(key) : key
            result.spdi = key
        } else if wantsKey {
            result.keyUnavailableReason = Self.fastRepeatReason(
                t, at: Self.fastInsertionStart(t, start: start, end: end))
        }
        return true
    }

    /// The change of transcript `[start, end)` -> `scratch[0..<alternativeCount]` (transcript orientation) placed
    /// on the genome within one exon (as `mapTranscriptChange` does), with its normalized c./n. change
    /// (`wantsText`) and its SPDI (`wantsKey`; nil: no key, the repeat runs past the known sequence), or nil when
    /// the general path must answer. `scratch` holds 768 bytes: the replacing bases at 0 (reverse-complemented
    /// here on the minus strand), the SPDI's inserted bases at 256, the rotated insertion at 512.
    @inline(__always)
    static func fastPlace(
        _ t: FastTranscript, start: Int, end: Int, alternativeCount altCount: Int,
        scratch: UnsafeMutableBufferPointer<UInt8>, wantsText: Bool, wantsKey: Bool
    ) -> FastPlacement? {
        let k: Int
        var gStart: Int
        var gEnd: Int
        if start == end {
            guard let e = t.exonIndex(holding: start - 1) else { return nil }
            // Between two exons the general path keeps the c. text on the transcript.
            if wantsText, t.exons[e].transcriptEnd == start { return nil }
            k = e
            let a = t.genomic(start - 1, exon: e)
            gStart = t.plus ? a + 1 : a
            gEnd = gStart
        } else {
            guard let e = t.exonIndex(holding: start), end - 1 < t.exons[e].transcriptEnd else { return nil }
            k = e
            let a = t.genomic(start, exon: e)
            let b = t.genomic(end - 1, exon: e)
            gStart = min(a, b)
            gEnd = max(a, b) + 1
        }
        let exon = t.exons[k]
        guard exon.usable else { return nil }
        if !t.plus { reverseComplementInPlace(scratch, count: altCount) }
        var bases = FastBases(genome: t.genomeBytes, exon: exon)
        guard bases.known(gStart, gEnd), !bases.declined else { return nil }
        let alternative = UnsafeBufferPointer(rebasing: scratch[0..<altCount])
        var placed = FastPlacement(exon: k)
        if wantsText {
            placed.text = Self.fastTranscriptChange(
                t, exon: k, bases: &bases, start: gStart, end: gEnd, alternative: alternative,
                scratch: UnsafeMutableBufferPointer(rebasing: scratch[512...]))
            guard placed.text != nil, !bases.declined else { return nil }
        }
        guard wantsKey else { return placed }
        placed.spdi = Self.fastFullyJustified(
            &bases, start: gStart, end: gEnd, alternative: alternative,
            scratch: UnsafeMutableBufferPointer(rebasing: scratch[256..<512]))
        guard !bases.declined else { return nil }
        return placed
    }

    /// The genomic start (0-based) of the event the general path places for transcript `[start, end)`: the
    /// position its "repeat runs past" reason names (plus one).
    static func fastInsertionStart(_ t: FastTranscript, start: Int, end: Int) -> Int {
        if start == end {
            guard let e = t.exonIndex(holding: start - 1) else { return 0 }
            let a = t.genomic(start - 1, exon: e)
            return t.plus ? a + 1 : a
        }
        guard let e = t.exonIndex(holding: start) else { return 0 }
        return min(t.genomic(start, exon: e), t.genomic(end - 1, exon: e))
    }

    /// "the repeat around NC_…:g.N runs past …", the general path's reason for no key.
    static func fastRepeatReason(_ t: FastTranscript, at start: Int) -> String {
        fastString(t.chromosomeBytes.count + 160) { b in
            b.add("the repeat around ")
            b.add(t.chromosomeBytes)
            b.add(":g.")
            b.add(number: start + 1)
            b.add(
                " runs past the sequence the reference data holds (no genome there; transcript exons only)")
        }
    }

    /// The transcript index and intronic offset of a c./n. position (`TranscriptMapper.point(of:system:)`), nil
    /// for anything else or an index outside the transcript.
    @inline(__always)
    func fastIndex(_ position: TranscriptPosition, coding: Bool, _ t: FastTranscript) -> (Int, Int)? {
        guard let offset = position.offset.signedValue, let base = position.base else { return nil }
        let index: Int
        switch position.anchor {
        case .start:
            if coding {
                guard let cds = t.cds else { return nil }
                index = base > 0 ? cds.start + base - 1 : cds.start + base
            } else {
                guard base > 0 else { return nil }
                index = base - 1
            }
        case .cdsEnd:
            guard coding, let cds = t.cds else { return nil }
            index = cds.end - 1 + base
        case .intron, .exon:
            return nil
        }
        guard index >= 0, index < t.sequenceBytes.count else { return nil }
        return (index, offset)
    }

    /// What replaces transcript `[start, end)` (the general path's `alternative`), written to `out`; nil when the
    /// edit is not a plain one or a stated base disagrees with the reference (the general path reports that).
    static func fastAlternative(
        _ edit: NucleotideEdit, sequence: UnsafeBufferPointer<UInt8>, start: Int, end: Int, hasEnd: Bool,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
        /// Copies plain upper-case ACGT text to `out`; nil for anything else.
        func literal(_ s: NucleotideSequence) -> Int? {
            var n = 0
            for b in s.bases.utf8 {
                guard n < 256, b == 65 || b == 67 || b == 71 || b == 84 else { return nil }
                out[n] = b
                n += 1
            }
            return n > 0 ? n : nil
        }
        /// Whether the stated content agrees with the reference (nil content: nothing stated).
        func agrees(_ content: StatedContent?) -> Bool {
            switch content {
            case nil: return true
            case .length(let n)?: return n == end - start
            case .sequence(let s)?:
                var i = start
                for b in s.bases.utf8 {
                    guard i < end, b == 65 || b == 67 || b == 71 || b == 84, sequence[i] == b else { return false }
                    i += 1
                }
                return i == end
            case .unknown?: return false
            }
        }
        switch edit {
        case .substitution(let r, let a):
            guard !hasEnd, end == start + 1, sequence[start] == r, a == 65 || a == 67 || a == 71 || a == 84
            else { return nil }
            out[0] = a
            return 1
        case .deletion(let stated):
            return agrees(stated) ? 0 : nil
        case .duplication(let stated):
            let n = end - start
            guard agrees(stated), 2 * n <= 256 else { return nil }
            for i in 0..<n {
                out[i] = sequence[start + i]
                out[n + i] = sequence[start + i]
            }
            return 2 * n
        case .insertion(.single(.sequence(let s, count: nil))):
            return literal(s)
        case .deletionInsertion(let stated, .single(.sequence(let s, count: nil))):
            guard agrees(stated) else { return nil }
            return literal(s)
        default:
            return nil
        }
    }

    /// `SequenceAlgebra.fullyJustified` over `bases` for the change `[start, end)` -> `alternative` (plus strand),
    /// writing the inserted bases it needs to `scratch`. Nil when the repeat runs past the known sequence (or the
    /// general path's `fullyJustified` gives nil).
    static func fastFullyJustified(
        _ bases: inout FastBases, start: Int, end: Int, alternative alt: UnsafeBufferPointer<UInt8>,
        scratch: UnsafeMutableBufferPointer<UInt8>
    ) -> FastSPDI? {
        // Trim the shared suffix, then the shared prefix (reference bases are known: checked by the caller).
        let (rs, re, a0, a1) = bases.trimmed(start: start, end: end, alternative: alt)
        if re == rs && a1 == a0 {
            // Identity: the whole stated range, unshifted.
            return FastSPDI(
                position: start, deletedEnd: end, insertedStart: 0, insertedEnd: 0, insertedGenomeStart: start,
                insertedGenomeEnd: end)
        }
        if re > rs && a1 > a0 {
            // Substitution, inversion, deletion-insertion: trimmed, not shifted.
            for i in a0..<a1 { scratch[i - a0] = alt[i] }
            return FastSPDI(
                position: rs, deletedEnd: re, insertedStart: 0, insertedEnd: a1 - a0, insertedGenomeStart: rs,
                insertedGenomeEnd: rs)
        }
        if a1 == a0 {
            // Deletion of [rs, re): slide 5' and 3'.
            var ls = rs
            var le = re
            var limited = false
            while true {
                guard let previous = bases.base(ls - 1), let last = bases.base(le - 1) else {
                    limited = bases.base(ls - 1) == nil
                    break
                }
                guard previous == last else { break }
                ls -= 1
                le -= 1
            }
            var s = rs
            var e = re
            while true {
                guard let next = bases.base(e), let firstBase = bases.base(s) else {
                    limited = limited || bases.base(e) == nil
                    break
                }
                guard next == firstBase else { break }
                s += 1
                e += 1
            }
            guard !limited, bases.known(ls, e) else { return nil }
            // Deleted: the whole region; kept: the region without its first (le - ls) bases.
            return FastSPDI(
                position: ls, deletedEnd: e, insertedStart: 0, insertedEnd: 0, insertedGenomeStart: le,
                insertedGenomeEnd: e)
        }
        // Insertion of alt[a0..<a1] at interbase rs.
        let n = a1 - a0
        var limited = false
        // 5': the leftmost point and rotation.
        var s5 = rs
        var k5 = 0
        while true {
            guard let previous = bases.base(s5 - 1) else {
                limited = true
                break
            }
            guard previous == alt[a0 + (n - 1 - k5 % n)] else { break }
            s5 -= 1
            k5 += 1
        }
        let rotation5 = (n - k5 % n) % n
        for i in 0..<n { scratch[i] = alt[a0 + (i + rotation5) % n] }
        // Whether either end is a duplication does not change the key: the region runs from the 5' point to the
        // 3' point (the end of the copy for a duplication), and the inserted bases are the 5' rotation.
        let leftPoint = s5
        // 3': the rightmost point.
        var s3 = rs
        var k3 = 0
        while true {
            guard let next = bases.base(s3) else {
                limited = true
                break
            }
            guard next == alt[a0 + k3 % n] else { break }
            s3 += 1
            k3 += 1
        }
        let rightPoint = s3
        guard !limited, bases.known(leftPoint, rightPoint) else { return nil }
        return FastSPDI(
            position: leftPoint, deletedEnd: rightPoint, insertedStart: 0, insertedEnd: n,
            insertedGenomeStart: leftPoint, insertedGenomeEnd: rightPoint)
    }

    /// The key-only result of a change with an intronic end on a transcript whose genome is not in the reference
    /// data (no genomic record within 1 kb of it): as the general path, the bases are not checked and not
    /// shifted; a 1:1 change gets its SPDI (and g./VCF text) from the stated bases, anything else no key.
    func fastIntronicKey(
        _ t: FastTranscript, _ warning: String?, _ i1: Int, _ o1: Int, _ i2: Int, _ o2: Int,
        variant: NucleotideVariant<TranscriptPosition>,
        warnings parseWarnings: [ParseWarning], text: Bool = false, into result: inout NormalizedVariant
    ) -> Bool {
        guard let (g1, g2) = t.unknownIntronicEnds(i1, o1, i2, o2) else { return false }
        if let w = warning { result.warnings = [w] }
        if case .insertion(.single(.sequence(let s, count: nil))) = variant.edit {
            // The flanks are known as empty, so the general path tries to justify the insertion, and the
            // intronic side always stops it. (Its c. text: the general path's, declined here.)
            guard !text, variant.location.end != nil, abs(g1 - g2) == 1, !s.bases.isEmpty,
                s.bases.utf8.allSatisfy({ $0 == 65 || $0 == 67 || $0 == 71 || $0 == 84 })
            else { return false }
            result.keyUnavailableReason = Self.fastRepeatReason(t, at: max(g1, g2))
            if parseWarnings.contains(where: { $0.code == .singlePositionInsertion }) {
                result.warnings.append("a single-position insertion was read with both flanks")
            }
            return true
        }
        let start = min(g1, g2)
        // The stated reference and the replacing bases (transcript orientation), when one base each.
        var stated: UInt8?
        var replacing: UInt8?
        func plain(_ b: UInt8) -> Bool { b == 65 || b == 67 || b == 71 || b == 84 }
        func sequenceOK(_ s: NucleotideSequence) -> Bool { !s.bases.isEmpty && s.bases.utf8.allSatisfy(plain) }
        switch variant.edit {
        case .substitution(let r, let a):
            guard variant.location.end == nil, plain(r), plain(a) else { return false }
            stated = r
            replacing = a
        case .deletion(nil), .deletion(.length?):
            break
        case .deletion(.sequence(let s)?), .duplication(.sequence(let s)?):
            guard sequenceOK(s) else { return false }
        case .deletionInsertion(let deleted, .single(.sequence(let s, count: nil))):
            guard sequenceOK(s) else { return false }
            switch deleted {
            case nil, .length?: break
            case .sequence(let d)?:
                guard sequenceOK(d) else { return false }
                if d.bases.utf8.count == 1, s.bases.utf8.count == 1 {
                    stated = d.bases.utf8.first
                    replacing = s.bases.utf8.first
                }
            case .unknown?: return false
            }
        default:
            return false
        }
        let chromosome = t.chromosomeBytes
        let length = chromosome.count + 120
        result.warnings.append(
            fastString(length) { b in
                b.add("the genomic sequence at ")
                b.add(chromosome)
                b.add(":g.")
                b.add(number: start + 1)
                b.add(" is not in the reference data: bases not checked, not shifted")
            })
        if let r = stated, let a = replacing {
            let ref = t.plus ? r : complementBase(r)
            let alt = t.plus ? a : complementBase(a)
            result.hgvsG = fastString(length) { b in
                b.add(chromosome)
                b.add(":g.")
                b.add(number: start + 1)
                b.add(byte: ref)
                b.add(">")
                b.add(byte: alt)
            }
            let key = fastString(length) { $0.addSingleBaseSPDI(chromosome, start, ref, alt) }
            result.spdi = key
            result.key = key
            result.vcfGRCh38 = fastString(length) { b in
                b.add(chromosome)
                b.add("-")
                b.add(number: start + 1)
                b.add("-")
                b.add(byte: ref)
                b.add("-")
                b.add(byte: alt)
            }
        } else {
            result.keyUnavailableReason = fastString(length) { b in
                b.add("the genomic sequence at ")
                b.add(chromosome)
                b.add(":g.")
                b.add(number: start + 1)
                b.add(" is not in the reference data")
            }
        }
        result.warnings.append(
            fastString(length) { b in
                b.add("reference bases at ")
                b.add(chromosome)
                b.add(":g.")
                b.add(number: start + 1)
                b.add(" not checked (sequence not in the reference data)")
            })
        if parseWarnings.contains(where: { $0.code == .singlePositionInsertion }) {
            result.warnings.append("a single-position insertion was read with both flanks")
        }
        return true
    }

    /// Whether a base inside the deleted bases (not the first or last) is the same in the inserted bases: the only
    /// case `KeyFormat.substitutionBlocks` rewrites (deleted and inserted of one length, at least 3).
    static func fastKeepsInnerBase(
        _ t: FastTranscript, _ spdi: FastSPDI, exon: FastExon, inserted: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let shift = exon.storage - exon.origin
        let genome = t.genomeBytes
        let literal = spdi.insertedEnd - spdi.insertedStart
        let count = spdi.deletedEnd - spdi.position
        guard count >= 3 else { return false }
        for k in 1..<(count - 1) {
            let replacing =
                k < literal
                ? inserted[spdi.insertedStart + k] : genome[spdi.insertedGenomeStart + (k - literal) + shift]
            if genome[spdi.position + k + shift] == replacing { return true }
        }
        return false
    }

    /// `sequence:position:deleted:inserted` in one allocation.
    static func fastSPDIText(
        _ t: FastTranscript, _ spdi: FastSPDI, exon: FastExon, inserted: UnsafeBufferPointer<UInt8>
    ) -> String {
        fastString(fastSPDICapacity(t, spdi)) { writeSPDI(&$0, t, spdi, exon: exon, inserted: inserted) }
    }

    /// The most bytes ``writeSPDI(_:_:_:exon:inserted:)`` writes.
    @inline(__always)
    static func fastSPDICapacity(_ t: FastTranscript, _ spdi: FastSPDI) -> Int {
        t.chromosomeBytes.count + 24 + (spdi.deletedEnd - spdi.position) + (spdi.insertedEnd - spdi.insertedStart)
            + (spdi.insertedGenomeEnd - spdi.insertedGenomeStart)
    }

    /// Writes `sequence:position:deleted:inserted`.
    static func writeSPDI(
        _ b: inout FastTextBuilder, _ t: FastTranscript, _ spdi: FastSPDI, exon: FastExon,
        inserted: UnsafeBufferPointer<UInt8>
    ) {
        let shift = exon.storage - exon.origin
        let genome = t.genomeBytes
        b.add(t.chromosomeBytes)
        b.add(":")
        b.add(number: spdi.position)
        b.add(":")
        b.add(UnsafeBufferPointer(rebasing: genome[(spdi.position + shift)..<(spdi.deletedEnd + shift)]))
        b.add(":")
        b.add(UnsafeBufferPointer(rebasing: inserted[spdi.insertedStart..<spdi.insertedEnd]))
        b.add(
            UnsafeBufferPointer(
                rebasing: genome[(spdi.insertedGenomeStart + shift)..<(spdi.insertedGenomeEnd + shift)]))
    }

    /// Copies what the fast path needs of transcript `accession` (see the top of this file); nil when it cannot
    /// serve it.
    func prepareFastTranscript(_ t: Transcript) -> FastTranscript? {
        guard let coverage = provider as? any FastGenomeCoverage else { return nil }
        // The general path uses GRCh38, else GRCh37 (then lifts): only the GRCh38 case is served here.
        guard let a = t.alignment(on: .grch38), a.exonCount > 0 else { return nil }
        let length = t.length
        guard length > 0 else { return nil }
        var sequence = [UInt8](repeating: 0, count: length)
        let copied = sequence.withUnsafeMutableBufferPointer { t.copySequence(0..<length, into: $0) }
        guard copied == length else { return nil }
        let chromosome = a.chromosome
        let chromosomeLength = provider.chromosomeLength(accession: chromosome)
        let plus = a.strand == .plus
        var aligned: [AlignedExon] = []
        for i in 0..<a.exonCount {
            let e = a.exon(i)
            guard e.cigar.isEmpty, e.transcript.length == e.genomic.length, e.transcript.start >= 0,
                e.transcript.end <= length, e.genomic.start >= 0
            else { return nil }
            aligned.append(e)
        }
        var exons: [FastExon] = []
        var genome: [UInt8] = []
        // No genomic record within `margin` of an exon: its bases come from the transcript. Otherwise a genome
        // window of exon ± `windowMargin`, read 256 bases inside its ends (so ± 64 around the exon).
        let margin = 1024
        let windowMargin = 320
        for (k, e) in aligned.enumerated() {
            var exon = FastExon(
                transcriptStart: e.transcript.start, transcriptEnd: e.transcript.end, genomicStart: e.genomic.start,
                genomicEnd: e.genomic.end, usable: false, storage: 0, origin: 0, safe: 0..<0, unknownEdges: false)
            defer { exons.append(exon) }
            // No other exon may hold the bases next to this one (the general path would read them from it).
            let touching = aligned.indices.contains { j in
                j != k
                    && aligned[j].genomic.start <= e.genomic.end && aligned[j].genomic.end >= e.genomic.start
            }
            let window = GenomicInterval(start: e.genomic.start - windowMargin, end: e.genomic.end + windowMargin)
            guard !touching, window.start >= 1, chromosomeLength.map({ window.end + 1 <= $0 }) ?? true else { continue }
            switch coverage.fastGenomeCoverage(chromosome: chromosome, interval: window) {
            case .none:
                // The exon's own bases, plus strand.
                exon.storage = genome.count
                exon.origin = e.genomic.start
                exon.safe = e.genomic.start..<e.genomic.end
                exon.unknownEdges = true
                let part = sequence[e.transcript.start..<e.transcript.end]
                var bases = Array(part)
                if !plus { bases.withUnsafeMutableBufferPointer { reverseComplementInPlace($0, count: $0.count) } }
                genome += bases
                exon.usable = true
            case .uniform:
                var bases = [UInt8](repeating: 0, count: window.length)
                let ok = bases.withUnsafeMutableBufferPointer {
                    provider.genomicSequence(chromosome: chromosome, range: window.start..<window.end, into: $0)
                }
                guard ok else { continue }
                exon.storage = genome.count
                exon.origin = window.start
                exon.safe = (window.start + 256)..<(window.end - 256)
                exon.unknownEdges = false
                genome += bases
                exon.usable = true
            case .mixed:
                continue
            }
        }
        let low = aligned.map(\.genomic.start).min() ?? 0
        let high = aligned.map(\.genomic.end).max() ?? 0
        let around = GenomicInterval(start: low - margin, end: high + margin)
        let genomeFree =
            around.start >= 1 && (chromosomeLength.map { around.end + 1 <= $0 } ?? true)
            && coverage.fastGenomeCoverage(chromosome: chromosome, interval: around) == .none
        return FastTranscript(
            accession: t.accession, cds: t.cds, sequence: sequence, chromosome: chromosome,
            plus: plus, exons: exons, genome: genome, span: low..<high, genomeFree: genomeFree)
    }
}

/// Bytes written into a string's storage: `fastString(capacity) { b in b.add("…"); b.add(number: 12) }` makes one
/// allocation and no intermediate strings.
struct FastTextBuilder {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    @inline(__always)
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, let to = buffer.baseAddress, count + bytes.count <= buffer.count
        else { return }
        (to + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func add(_ text: StaticString) {
        add(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func add(byte: UInt8) {
        guard count < buffer.count else { return }
        buffer[count] = byte
        count += 1
    }

    mutating func add(number: Int) {
        var n = number.magnitude
        var digits = 1
        var p = n
        while p >= 100 {
            p /= 100
            digits += 2
        }
        if p >= 10 { digits += 1 }
        let width = digits + (number < 0 ? 1 : 0)
        guard count + width <= buffer.count, let base = buffer.baseAddress else { return }
        if number < 0 { base[count] = UInt8(ascii: "-") }
        // Two digits at a time, from the end.
        let pairs: StaticString =
            "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        let table = pairs.utf8Start
        var out = base + count + width
        while n >= 100 {
            let r = Int(n % 100)
            n /= 100
            out -= 2
            out[0] = table[2 * r]
            out[1] = table[2 * r + 1]
        }
        if n >= 10 {
            out -= 2
            out[0] = table[2 * Int(n)]
            out[1] = table[2 * Int(n) + 1]
        } else {
            out -= 1
            out[0] = UInt8(truncatingIfNeeded: 48 + n)
        }
        count += width
    }
}

extension FastTextBuilder {
    /// The SPDI of a one-base substitution at 0-based `position` of `chromosome`: `NC_000011.10:4055633:C:A`.
    mutating func addSingleBaseSPDI(
        _ chromosome: UnsafeBufferPointer<UInt8>, _ position: Int, _ ref: UInt8, _ alt: UInt8
    ) {
        add(chromosome)
        add(":")
        add(number: position)
        add(":")
        add(byte: ref)
        add(":")
        add(byte: alt)
    }
}

/// A string of at most `capacity` bytes written by `body`.
@inline(__always)
func fastString(_ capacity: Int, _ body: (inout FastTextBuilder) -> Void) -> String {
    String(unsafeUninitializedCapacity: capacity) { buffer in
        var builder = FastTextBuilder(buffer: buffer)
        body(&builder)
        return builder.count
    }
}

extension Normalizer {
    /// ``project(_:to:)-(VariantExpression,_)`` on GRCh38 through the fast path's prepared transcripts, or nil when
    /// the general projection must run (gene symbols, positions outside the transcript, uncertain positions,
    /// transcripts the fast path does not prepare). `NM_003156.3:c.494C>A` -> `NC_000011.10 [4055633, 4055634)`.
    func fastProject(_ expression: VariantExpression, to assembly: Assembly) -> GenomicProjection? {
        guard fastPaths, assembly == .grch38 else { return nil }
        // `switch` reads the parts in place (see `fastKey(_:into:)`).
        switch expression {
        case .description(let description):
            switch description.body {
            case .transcript(let system, .variant(let variant)) where system == .coding || system == .noncoding:
                switch description.reference {
                case .some(let reference):
                    guard let t = fastLookup(reference)?.transcript else { return nil }
                    return fastProject(t, system: system, variant: variant)
                case nil: return nil
                }
            default: return nil
            }
        default: return nil
        }
    }

    /// ``fastProject(_:to:)`` once the transcript is found.
    func fastProject(
        _ t: FastTranscript, system: CoordinateSystem, variant: NucleotideVariant<TranscriptPosition>
    ) -> GenomicProjection? {
        let coding = system == .coding
        guard case .exact(let first) = variant.location.start, let (i1, o1) = fastIndex(first, coding: coding, t),
            let k1 = t.exonIndex(holding: i1)
        else { return nil }
        var (i2, o2, k2) = (i1, o1, k1)
        if let end = variant.location.end {
            guard case .exact(let last) = end, let (i, o) = fastIndex(last, coding: coding, t),
                let k = t.exonIndex(holding: i)
            else { return nil }
            (i2, o2, k2) = (i, o, k)
        }
        let g1 = t.plus ? t.genomic(i1, exon: k1) + o1 : t.genomic(i1, exon: k1) - o1
        let g2 = t.plus ? t.genomic(i2, exon: k2) + o2 : t.genomic(i2, exon: k2) - o2
        return GenomicProjection(
            assembly: .grch38, chromosome: t.chromosome,
            interval: GenomicInterval(start: min(g1, g2), end: max(g1, g2) + 1))
    }

    /// The prepared transcript for a requested accession and the lookup's warning; nil the first time an
    /// accession is asked for (the general path answers then) and for transcripts the fast path does not serve.
    @inline(__always)
    func fastLookup(_ text: Accession) -> FastHit? {
        switch fastKeyCache.entry(text) {
        case .ready(let hit)?: return hit
        case .unusable?: return nil
        case nil:
            fastKeyCache.set(text, .seen(1))
            return nil
        case .seen(let n)? where n + 1 < FastKeyCache.warmUp:
            fastKeyCache.set(text, .seen(n + 1))
            return nil
        case .seen?:
            guard let lookup = provider.transcript(accession: text.text),
                let t = fastKeyCache.prepared(
                    record: lookup.transcript.accession, make: { prepareFastTranscript(lookup.transcript) })
            else {
                fastKeyCache.set(text, .unusable)
                return nil
            }
            let hit = FastHit(t, warning: lookup.warning)
            fastKeyCache.set(text, .ready(hit))
            if text.kind == .refSeq { fastKeyCache.publish(hit, for: text) }
            return hit
        }
    }
}
