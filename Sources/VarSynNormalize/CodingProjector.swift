import VarSynCore
import VarSynReference

/// c. -> GRCh38 projection and p. consequence in one call, the p. text appended to a `TextList` (no `String` per
/// answer): what ``Normalizer/project(_:to:)-(VariantExpression,_)`` and
/// ``ProteinMapper/consequenceText(ofCoding:)`` answer for the same description, with one lookup (by the
/// accession's bytes, in an `AccessionTable`) giving both the projection's prepared transcript and the protein's.
///
/// ```swift
/// let projector = CodingProjector(normalizer)          // its mapper: ProteinMapper(normalizer.provider)
/// var out = TextList()
/// let answer = try projector.project(parsed.expression, appendingProteinTo: &out)  // NM_003156.3:c.494C>A
/// answer.projection   // NC_000011.10 [4055633, 4055634)
/// answer.protein      // nil: out's last text is NP_003147.2:p.(Pro165Gln)
/// ```
///
/// The normalizer and the mapper must read the same reference data (the mapper's provider is the normalizer's by
/// default). Safe to share between threads (`Sendable`; the lookup table has a mutex).
public struct CodingProjector<Provider: ReferenceProvider>: Sendable {
    public let normalizer: Normalizer<Provider>
    public let mapper: ProteinMapper<Provider>
    /// Both prepared transcripts by requested accession (filled once the normalizer's fast path prepared its own).
    let table = AccessionTable<CodingProjectorEntry>(slots: 8192)

    public init(_ normalizer: Normalizer<Provider>, mapper: ProteinMapper<Provider>? = nil) {
        self.normalizer = normalizer
        self.mapper = mapper ?? ProteinMapper(normalizer.provider)
    }

    /// The GRCh38 projection of a c./n. description (``Normalizer/project(_:to:)-(VariantExpression,_)``'s answer
    /// and error) and its p. consequence: ``ProteinMapper/consequenceText(ofCoding:)``'s text is appended to `out`
    /// and `protein` is nil, or nothing is appended and `protein` is that function's error (`.notCoding` for an
    /// n. description). Throws only the projection's error (then nothing is appended).
    ///
    /// `NM_003156.3:c.494C>A` -> `NC_000011.10 [4055633, 4055634)`, appends `NP_003147.2:p.(Pro165Gln)`.
    @_specialize(where Provider == TableReferenceProvider)
    public func project(
        _ expression: VariantExpression, appendingProteinTo out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        // `switch` reads the parts in place (see `Normalizer.fastKey(_:into:)`).
        switch expression {
        case .description(let description):
            switch description.body {
            case .transcript(.coding, .variant(let variant)):
                switch description.reference {
                case .some(let reference):
                    if reference.selector == nil, let key = reference.accession.key,
                        let entry = key.withBytes({ table.value(for: $0) }) ?? entryMiss(key, reference)
                    {
                        return try project(entry, expression, variant, &out)
                    }
                default: break
                }
            default: break
            }
        default: break
        }
        return try projectSeparately(expression, &out)
    }

    /// ``project(_:appendingProteinTo:)`` of a description given as text (UTF-8): parsed as
    /// ``Normalizer/project(_:to:)-(String,_)`` parses (its error for text that does not parse), then answered as
    /// the parsed description is. The fast lane's `ACC:c.` shapes (`NM_003156.3:c.494C>A`) are read from their
    /// compact parse, without a syntax tree.
    public func project(
        utf8: UnsafeBufferPointer<UInt8>, appendingProteinTo out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        if let compact = HGVSParser.parseLane(utf8: utf8), case let coding = compact.codingVariant(utf8: utf8),
            coding.accessionEnd > 0,
            let entry = table.value(for: UnsafeBufferPointer(rebasing: utf8[0..<coding.accessionEnd]))
        {
            let projection: GenomicProjection
            if let fast = normalizer.fastProject(entry.fast, system: .coding, variant: coding.variant) {
                projection = fast
            } else {
                projection = try projectGeneral(compact, utf8)
            }
            return (projection, entry.protein.appendConsequence(of: coding.variant, to: &out))
        }
        return try projectText(String(decoding: utf8, as: UTF8.self), &out)
    }

    /// The general projection of a compact parse (its tree built from its offsets; the fast projection declined).
    @inline(never)
    func projectGeneral(
        _ compact: CompactParse, _ utf8: UnsafeBufferPointer<UInt8>
    ) throws(NormalizeError) -> GenomicProjection {
        let parsed: ParsedExpression
        do throws(ParseError) {
            parsed = try compact.parsedExpression(utf8: utf8)
        } catch {
            let text = String(decoding: utf8, as: UTF8.self)
            throw NormalizeError(.parse, error.message(input: text), parseError: error)
        }
        return try normalizer.projectGeneral(parsed.expression, to: .grch38)
    }

    /// ``project(utf8:appendingProteinTo:)`` of a `String`.
    public func project(
        _ text: String, appendingProteinTo out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        var bytes = text
        let answer = bytes.withUTF8 { utf8 in
            Result { () throws(NormalizeError) in try project(utf8: utf8, appendingProteinTo: &out) }
        }
        return try answer.get()
    }

    /// Text the compact path does not take: parsed, then ``project(_:appendingProteinTo:)``.
    @inline(never)
    func projectText(
        _ text: String, _ out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        let parsed: ParsedExpression
        do {
            parsed = try HGVSParser.parse(text)
        } catch {
            throw NormalizeError(.parse, error.message(input: text), parseError: error)
        }
        return try project(parsed.expression, appendingProteinTo: &out)
    }

    /// ``project(_:appendingProteinTo:)`` once both transcripts are found.
    @inline(__always)
    func project(
        _ entry: CodingProjectorEntry, _ expression: VariantExpression,
        _ variant: NucleotideVariant<TranscriptPosition>, _ out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        let projection: GenomicProjection
        if let fast = normalizer.fastProject(entry.fast, system: .coding, variant: variant) {
            projection = fast
        } else {
            projection = try normalizer.projectGeneral(expression, to: .grch38)
        }
        return (projection, entry.protein.appendConsequence(of: variant, to: &out))
    }

    /// The two calls this type stands for, one after the other (descriptions the fast path does not take).
    @inline(never)
    func projectSeparately(
        _ expression: VariantExpression, _ out: inout TextList
    ) throws(NormalizeError) -> (projection: GenomicProjection, protein: ProteinMappingError?) {
        let projection = try normalizer.project(expression, to: .grch38)
        do {
            out.append(try mapper.consequenceText(ofCoding: expression))
            return (projection, nil)
        } catch {
            return (projection, error)
        }
    }

    /// Both prepared transcripts of a reference without a selector, stored under its key once the normalizer's
    /// fast path has prepared its transcript (its warm-up: the first requests are answered separately); nil when
    /// either is not available (the separate calls answer, with their errors).
    @inline(never)
    func entryMiss(_ key: AccessionKey, _ reference: ReferenceSpecifier) -> CodingProjectorEntry? {
        guard normalizer.fastPaths, reference.accession.kind != .geneSymbol,
            let hit = normalizer.fastLookup(reference),
            let protein = try? mapper.preparedTranscript(named: reference)
        else { return nil }
        let entry = CodingProjectorEntry(fast: hit.transcript, protein: protein)
        key.withBytes { _ = table.insert(entry, for: $0) }
        return entry
    }
}

/// The normalizer's and the mapper's prepared transcripts for one requested accession.
final class CodingProjectorEntry: Sendable {
    let fast: FastTranscript
    let protein: ProteinTranscript

    init(fast: FastTranscript, protein: ProteinTranscript) {
        self.fast = fast
        self.protein = protein
    }
}

extension ProteinTranscript {
    /// ``consequenceText(of:noncoding:)`` of one c. variant appended to `out`, or its error (nothing appended).
    @inline(__always)
    func appendConsequence(
        of variant: NucleotideVariant<TranscriptPosition>, to out: inout TextList
    ) -> ProteinMappingError? {
        do {
            let change = try change(of: variant, noncoding: .unchanged)
            if !appendText(change, to: &out) { out.append(make(change).fastHGVS()) }
            return nil
        } catch {
            return error
        }
    }

    /// ``fastText(_:)`` appended to `out`, and besides its forms inserted residues and C-terminal extensions, as
    /// the printer writes them (`p.(Lys2_Gly3insGlnSerLys)`, `p.(Cys28delinsTrpVal)`, `p.(Ter110GlnextTer17)`);
    /// false (nothing appended) for the forms it does not write.
    @inline(__always)
    func appendText(_ change: ProteinChange, to out: inout TextList) -> Bool {
        guard let inserted = Self.fastTextResidues(change, insertions: true) else { return false }
        proteinNameUTF8.withUnsafeBufferPointer { name in
            out.append(capacity: name.count + 64 + 3 * inserted.count) { writeText(&$0, name, change, inserted) }
        }
        return true
    }
}
