import VarSynCore
import VarSynReference

/// Where a c./n. location lies on a genome: chromosome accession and 0-based half-open interval.
///
/// `NM_003156.3:c.494C>A` -> `NC_000011.10`, `[4055633, 4055634)` on GRCh38.
public struct GenomicProjection: Hashable, Sendable {
    public var assembly: Assembly
    public var chromosome: String
    public var interval: GenomicInterval
}

extension Normalizer {
    /// Projects the location of a c./n./r. description onto `assembly` without validating or normalizing: the
    /// cheap c. -> g. mapping (one transcript lookup, one exon walk per end).
    ///
    /// `try normalizer.project("NM_003156.3:c.494C>A")` -> `NC_000011.10 [4055633, 4055634)`.
    public func project(_ text: String, to assembly: Assembly = .grch38) throws(NormalizeError) -> GenomicProjection {
        let parsed: ParsedExpression
        do {
            parsed = try HGVSParser.parse(text)
        } catch {
            throw NormalizeError(.parse, error.message(input: text), parseError: error)
        }
        return try project(parsed.expression, to: assembly)
    }

    /// ``project(_:to:)-(String,_)`` for a parsed expression (no text work at all).
    @_specialize(where Provider == TableReferenceProvider)
    public func project(
        _ expression: VariantExpression, to assembly: Assembly = .grch38
    ) throws(NormalizeError)
        -> GenomicProjection
    {
        if let fast = fastProject(expression, to: assembly) { return fast }
        return try projectGeneral(expression, to: assembly)
    }

    /// The general projection (the generic frame of `TranscriptMapper` lives here, so the fast answer above costs
    /// no runtime metadata look-up).
    @inline(never)
    func projectGeneral(
        _ expression: VariantExpression, to assembly: Assembly
    ) throws(NormalizeError)
        -> GenomicProjection
    {
        guard let description = expression.singleDescription,
            case .transcript(let system, let tree) = description.body
        else {
            throw NormalizeError(.unsupported, "projection takes one c., n. or r. description")
        }
        let variant = try singleVariant(tree)
        var warnings: [String] = []
        let transcript = try resolveTranscript(description.reference, warnings: &warnings)
        guard let alignment = transcript.alignment(on: assembly) else {
            throw NormalizeError(
                .outOfBounds, "\(transcript.accession) has no \(assembly) alignment in the reference data")
        }
        let mapper = TranscriptMapper(transcript: transcript)
        guard case .exact(let first) = variant.location.start else {
            throw NormalizeError(.unsupported, "uncertain positions are not projected")
        }
        let p1 = try mapper.point(of: first, system: system)
        var p2 = p1
        if let end = variant.location.end {
            guard case .exact(let last) = end else {
                throw NormalizeError(.unsupported, "uncertain positions are not projected")
            }
            p2 = try mapper.point(of: last, system: system)
        }
        guard let g1 = mapper.genomicPosition(of: p1, on: alignment),
            let g2 = mapper.genomicPosition(of: p2, on: alignment)
        else {
            throw NormalizeError(.outOfBounds, "the location cannot be placed on \(alignment.chromosome)")
        }
        return GenomicProjection(
            assembly: assembly, chromosome: alignment.chromosome,
            interval: GenomicInterval(start: min(g1, g2), end: max(g1, g2) + 1))
    }
}
