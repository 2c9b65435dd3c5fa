import VarSynCore
import VarSynReference

/// A change placed on one assembly's chromosome (plus strand, 0-based).
struct GenomicEvent {
    var assembly: Assembly
    var chromosome: String
    var change: SequenceChange
    /// Bases of `[change.start, change.end)` (from the reference, or the input's statement when unknown).
    var reference: [UInt8]
    /// Whether `reference` was read from reference data (genome or transcript) rather than taken from the input.
    var referenceKnown: Bool
}

/// What an edit replaces its range with, in the description's orientation.
struct EditReplacement {
    /// The bases replacing the range; nil when they depend on reference bases that are unknown (`dup`, `inv`).
    var alternative: [UInt8]?
    /// The reference bases the input states (`C` of `C>A`, `delG`), if any.
    var statedReference: [UInt8]?

    /// The change on a sequence in the description's own orientation.
    func change(start: Int, end: Int) -> SequenceChange {
        SequenceChange(start: start, end: end, alternative: alternative ?? [])
    }

    /// The change on the plus strand of the genome.
    func genomicChange(start: Int, end: Int, plus: Bool) -> SequenceChange? {
        guard let alternative else { return nil }
        return SequenceChange(start: start, end: end, alternative: plus ? alternative : reverseComplement(alternative))
    }
}

extension NucleotideEdit {
    /// `ins…`: the location names two flanking positions rather than affected bases.
    var isInsertion: Bool {
        if case .insertion = self { return true }
        return false
    }

    /// The edit as seen from the other strand (bases reverse-complemented).
    var reverseComplemented: NucleotideEdit {
        func rc(_ s: NucleotideSequence) -> NucleotideSequence {
            NucleotideSequence(String(decoding: reverseComplement(Array(s.bases.utf8)), as: UTF8.self))
        }
        func rc(_ c: StatedContent?) -> StatedContent? {
            if case .sequence(let s)? = c { return .sequence(rc(s)) }
            return c
        }
        func rc(_ i: Insertion) -> Insertion {
            let items = i.items.reversed().map { item -> InsertItem in
                if case .sequence(let s, let count) = item { return .sequence(rc(s), count: count) }
                return item
            }
            return items.count == 1 ? .single(items[0]) : .list(Array(items))
        }
        switch self {
        case .substitution(let r, let a):
            return .substitution(reference: complementBase(r), alternative: complementBase(a))
        case .identity(let s): return .identity(s.map(rc))
        case .deletion(let c): return .deletion(rc(c))
        case .duplication(let c): return .duplication(rc(c))
        case .inversion(let c): return .inversion(rc(c))
        case .insertion(let i): return .insertion(rc(i))
        case .deletionInsertion(let d, let i): return .deletionInsertion(deleted: rc(d), inserted: rc(i))
        case .conversion(let i): return .conversion(rc(i))
        default: return self
        }
    }
}

extension Normalizer {
    /// Checks the stated reference bases of `edit` against `reference` (when known) and returns what replaces
    /// the range. A mismatch throws; it is never corrected.
    func alternative(
        _ edit: NucleotideEdit, reference: [UInt8]?, where label: String,
        copy: (NucleotideLocation) throws(NormalizeError) -> [UInt8]
    ) throws(NormalizeError) -> EditReplacement {
        func check(_ stated: [UInt8]) throws(NormalizeError) {
            guard let reference else { return }
            let upper = stated.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }.map {
                $0 == UInt8(ascii: "U") ? UInt8(ascii: "T") : $0
            }
            guard upper != reference else { return }
            let expected = String(decoding: reference, as: UTF8.self)
            let found = String(decoding: upper, as: UTF8.self)
            throw NormalizeError(
                .referenceMismatch, "\(label): the input states \(found) but the reference is \(expected)",
                expected: expected, found: found)
        }
        func check(_ content: StatedContent?) throws(NormalizeError) -> [UInt8]? {
            switch content {
            case .sequence(let s)?:
                let bases = Array(s.bases.utf8)
                try check(bases)
                return bases
            case .length(let n)?:
                if let reference, reference.count != n {
                    throw NormalizeError(
                        .referenceMismatch,
                        "\(label): the input states \(n) bases but the range has \(reference.count)",
                        expected: String(reference.count), found: String(n))
                }
                return nil
            case .unknown?, nil:
                return nil
            }
        }
        let upper = { (b: UInt8) -> UInt8 in
            b >= 97 && b <= 122 ? (b == UInt8(ascii: "u") ? UInt8(ascii: "T") : b - 32) : b
        }
        switch edit {
        case .substitution(let r, let a):
            try check([r])
            return EditReplacement(alternative: [upper(a)], statedReference: [upper(r)])
        case .identity(let s):
            let stated = s.map { Array($0.bases.utf8) }
            if let stated { try check(stated) }
            return EditReplacement(alternative: reference ?? stated, statedReference: stated)
        case .deletion(let c):
            let stated = try check(c)
            return EditReplacement(alternative: [], statedReference: stated)
        case .duplication(let c):
            let stated = try check(c)
            let bases = reference ?? stated
            return EditReplacement(alternative: bases.map { $0 + $0 }, statedReference: stated)
        case .inversion(let c):
            let stated = try check(c)
            return EditReplacement(alternative: (reference ?? stated).map(reverseComplement), statedReference: stated)
        case .insertion(let inserted):
            return EditReplacement(alternative: try insertedBases(inserted, copy: copy), statedReference: nil)
        case .deletionInsertion(let deleted, let inserted):
            let stated = try check(deleted)
            return EditReplacement(alternative: try insertedBases(inserted, copy: copy), statedReference: stated)
        case .conversion(let inserted):
            return EditReplacement(alternative: try insertedBases(inserted, copy: copy), statedReference: nil)
        case .repeated(let units):
            // One repeat unit: the range must hold whole copies of it (`c.274_275TA[5]` on `AA` is a mismatch).
            if units.count == 1, let reference {
                let unit = Array(units[0].unit.bases.utf8).map(upper)
                let copies = unit.isEmpty ? 0 : reference.count / unit.count
                if copies == 0 || reference.count != copies * unit.count
                    || reference != Array(repeatElement(unit, count: copies).joined())
                {
                    let expected = String(decoding: reference, as: UTF8.self)
                    let found = String(decoding: unit, as: UTF8.self)
                    throw NormalizeError(
                        .referenceMismatch,
                        "\(label): the range is \(expected), not copies of the repeat unit \(found)",
                        expected: expected, found: found)
                }
            }
            var bases: [UInt8] = []
            for unit in units {
                guard case .exactly(let n) = unit.count, n >= 0, n <= 100_000 else {
                    throw NormalizeError(.unsupported, "\(label): repeat counts must be exact numbers to normalize")
                }
                let u = Array(unit.unit.bases.utf8).map(upper)
                for _ in 0..<n { bases += u }
            }
            return EditReplacement(alternative: bases, statedReference: nil)
        case .copyNumber, .methylation, .supernumerary:
            throw NormalizeError(.unsupported, "\(label): copy-number, methylation and ISCN changes are not normalized")
        }
    }

    /// The end of a repeat written at one position (`g.4911GT[5]`, `c.10CA[5]`): the position is the first base of
    /// the repeat, which covers as many whole copies of the unit as the reference holds there (`GTGT`, so
    /// `g.4911_4914GT[5]`: 2 copies become 5). Other edits, and repeats whose reference is unknown, keep `end`.
    /// A position that does not start a copy of the unit is a reference mismatch.
    func repeatEnd(
        _ edit: NucleotideEdit, start: Int, end: Int, where label: String, base: (Int) -> UInt8?
    ) throws(NormalizeError) -> Int {
        guard case .repeated(let units) = edit, units.count == 1 else { return end }
        let unit = units[0].unit.bases.utf8.map { $0 >= 97 && $0 <= 122 ? ($0 == 117 ? 84 : $0 - 32) : $0 }
        guard !unit.isEmpty, base(start) != nil else { return end }
        var cursor = start
        while unit.indices.allSatisfy({ base(cursor + $0) == unit[$0] }) { cursor += unit.count }
        guard cursor > start else {
            let found = (0..<unit.count).compactMap { base(start + $0) }
            throw NormalizeError(
                .referenceMismatch,
                "\(label): the reference there is \(String(decoding: found, as: UTF8.self)), not the repeat unit \(String(decoding: unit, as: UTF8.self))",
                expected: String(decoding: found, as: UTF8.self), found: String(decoding: unit, as: UTF8.self))
        }
        return cursor
    }

    /// Literal bases of inserted material; copies of ranges are read through `copy`.
    func insertedBases(
        _ insertion: Insertion, copy: (NucleotideLocation) throws(NormalizeError) -> [UInt8]
    )
        throws(NormalizeError) -> [UInt8]
    {
        var out: [UInt8] = []
        for item in insertion.items {
            switch item {
            case .sequence(let s, let count):
                var times = 1
                if let count {
                    guard case .exactly(let n) = count, n >= 0, n <= 100_000 else {
                        throw NormalizeError(.unsupported, "inserted repeats need an exact count")
                    }
                    times = n
                }
                let bases = s.bases.utf8.map {
                    $0 >= 97 && $0 <= 122 ? ($0 == UInt8(ascii: "u") ? UInt8(ascii: "T") : $0 - 32) : $0
                }
                for _ in 0..<times { out += bases }
            case .localRange(let location, let inverted):
                let bases = try copy(location)
                out += inverted ? reverseComplement(bases) : bases
            case .nested(let items):
                out += try insertedBases(.list(items), copy: copy)
            case .unknown, .length:
                throw NormalizeError(
                    .unsupported, "inserted bases of unknown sequence (`insN`, `ins6`) cannot be normalized")
            case .remote:
                throw NormalizeError(.unsupported, "insertions copied from another reference are not normalized")
            }
        }
        return out
    }

    /// Bases of an exonic c./n. range of the same transcript (`ins850_900`).
    func copyTranscriptRange(
        _ location: NucleotideLocation, mapper: TranscriptMapper<Transcript>, system: CoordinateSystem
    ) throws(NormalizeError) -> [UInt8] {
        guard case .transcript(let loc) = location, case .exact(let a) = loc.start else {
            throw NormalizeError(.unsupported, "an inserted copy must be a c./n. range of the same transcript")
        }
        let p1 = try mapper.point(of: a, system: system)
        var p2 = p1
        if case .exact(let b)? = loc.end { p2 = try mapper.point(of: b, system: system) }
        let t = mapper.transcript
        guard p1.offset == 0, p2.offset == 0, p1.index >= 0, p2.index < t.length, p1.index <= p2.index,
            let bases = SequenceAlgebra(base: { t.base(at: $0) }).bases(p1.index, p2.index + 1)
        else {
            throw NormalizeError(.unsupported, "an inserted copy must be an exonic range of \(t.accession)")
        }
        return bases
    }

    /// Places a change given on the transcript sequence on the genome of `alignment`.
    func mapTranscriptChange(
        _ change: SequenceChange, ref: [UInt8], transcript: Transcript, alignment: Transcript.Alignment,
        view: GenomeView<Provider>
    ) throws(NormalizeError) -> GenomicEvent {
        let mapper = TranscriptMapper(transcript: transcript)
        let plus = alignment.strand == .plus
        let g = { (i: Int) in mapper.genomicPosition(of: TranscriptPoint(index: i), on: alignment) }
        var start: Int
        var end: Int
        if change.start == change.end {
            let i = change.start
            if let a = (i > 0 ? g(i - 1) : nil) {
                start = plus ? a + 1 : a
            } else if let b = g(i) {
                start = plus ? b : b + 1
            } else {
                throw NormalizeError(.outOfBounds, "cannot place the insertion on \(alignment.chromosome)")
            }
            end = start
        } else {
            guard let a = g(change.start), let b = g(change.end - 1) else {
                throw NormalizeError(.outOfBounds, "cannot place the change on \(alignment.chromosome)")
            }
            start = min(a, b)
            end = max(a, b) + 1
        }
        let alt = plus ? change.alternative : reverseComplement(change.alternative)
        if let genomic = view.algebra.bases(start, end) {
            return GenomicEvent(
                assembly: alignment.assembly, chromosome: alignment.chromosome,
                change: SequenceChange(start: start, end: end, alternative: alt), reference: genomic,
                referenceKnown: true)
        }
        guard end - start == ref.count else {
            throw NormalizeError(.sequenceUnavailable, "the change spans an intron whose sequence is not known")
        }
        return GenomicEvent(
            assembly: alignment.assembly, chromosome: alignment.chromosome,
            change: SequenceChange(start: start, end: end, alternative: alt),
            reference: plus ? ref : reverseComplement(ref), referenceKnown: true)
    }

    /// The same event on the other assembly, through a transcript aligned on both (positions, intronic offsets
    /// included, carried over); nil when no transcript links them.
    func lift(_ event: GenomicEvent, to target: Assembly, hint: Transcript?) -> GenomicEvent? {
        let probe = GenomicInterval(
            start: max(0, event.change.start - 1), end: max(event.change.end, event.change.start + 1))
        if let hint, let lifted = lift(event, to: target, through: hint) { return lifted }
        for t in provider.transcripts(overlapping: probe, chromosome: event.chromosome, assembly: event.assembly) {
            if let lifted = lift(event, to: target, through: t) { return lifted }
        }
        return nil
    }

    /// ``lift(_:to:hint:)`` through one transcript aligned on both assemblies.
    func lift(_ event: GenomicEvent, to target: Assembly, through t: Transcript) -> GenomicEvent? {
        guard let from = t.alignment(on: event.assembly), from.chromosome == event.chromosome,
            let to = t.alignment(on: target)
        else { return nil }
        let m = TranscriptMapper(transcript: t)
        let move = { (g: Int) -> Int? in
            m.point(ofGenomic: g, on: from).flatMap { m.genomicPosition(of: $0, on: to) }
        }
        let c = event.change
        let same = from.strand == to.strand
        var start: Int
        var end: Int
        if c.start == c.end {
            guard let a = move(c.start - 1), let b = move(c.start), abs(a - b) == 1 else { return nil }
            start = max(a, b)
            end = start
        } else {
            guard let a = move(c.start), let b = move(c.end - 1), abs(a - b) == c.end - c.start - 1 else { return nil }
            start = min(a, b)
            end = max(a, b) + 1
        }
        return GenomicEvent(
            assembly: target, chromosome: to.chromosome,
            change: SequenceChange(
                start: start, end: end, alternative: same ? c.alternative : reverseComplement(c.alternative)),
            reference: same ? event.reference : reverseComplement(event.reference), referenceKnown: event.referenceKnown
        )
    }
}
