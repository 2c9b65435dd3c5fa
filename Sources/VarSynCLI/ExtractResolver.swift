import VarSynCore
import VarSynMentions
import VarSynNormalize
import VarSynReference

/// A gene lexicon over the transcript table: symbols and aliases (case-insensitive lookup; `GeneContext` applies
/// the case rules), memoized per word.
final class TableGeneLexicon: GeneLexicon {
    let table: ReferenceTable
    private var cache: [String: GeneName?] = [:]

    init(table: ReferenceTable) { self.table = table }

    func gene(named word: String) -> GeneName? {
        if let known = cache[word] { return known }
        let found = table.gene(symbol: word).map { record -> GeneName in
            let symbol = record.symbol.string
            return GeneName(symbol: symbol, isAlias: symbol.uppercased() != word.uppercased())
        }
        cache[word] = found
        return found
    }
}

/// One reading of a mention and what became of it.
struct ReadingOutcome {
    /// The reading as interpreted, with its gene: `STIM1:p.Pro165Gln`.
    var interpreted: String
    /// The HGVS normalized from it (`NM_003156.3:c.494C>A`), when it resolved.
    var hgvs: String?
    var variant: NormalizedVariant?
    var error: NormalizeError?
}

/// The outcome of one mention: status, reason, keys.
struct MentionResolution {
    enum Status: String { case resolved, unresolved, ambiguous }
    var status: Status
    /// Why it is unresolved or ambiguous: `gene-unknown`, `gene-not-in-table`, `position-outside-transcript`,
    /// `reference-mismatch`, `not-parsed`, `several-readings`, …
    var reason: String?
    var detail: String?
    var hgvs: String?
    var key: String?
    var proteinKey: String?
    var rsids: [String] = []
    var readings: [ReadingOutcome] = []
}

/// Resolves mentions through the normalizer (with the protein module wired in). A protein change (`STIM1 P165Q`) is
/// back-translated by the protein mapper; each single-base change that makes it (else each multi-base one) is
/// normalized, so a change that two different substitutions can make is reported as ambiguous. An in-frame deletion,
/// duplication or insertion (`CFTR ΔF508`) takes its first `IndelBackTranslation.seamLimit` candidates
/// (`c.1521_1523del`, `c.1522_1524del`: ambiguous).
struct MentionResolver {
    let normalizer: Normalizer<TableReferenceProvider>
    let proteinMapper: ProteinMapper<TableReferenceProvider>

    init(provider: TableReferenceProvider) {
        proteinMapper = ProteinMapper(provider)
        normalizer = Normalizer(provider: provider, protein: proteinMapper)
    }

    func resolve(_ mention: Mention) -> MentionResolution {
        guard mention.parsed != nil else {
            return MentionResolution(status: .unresolved, reason: "not-parsed", detail: mention.parseError)
        }
        let interpreted = mention.readings.map { $0.expression.hgvs() }
        if mention.lacksReference {
            var result = MentionResolution(status: .unresolved)
            if let unknown = mention.unknownGene {
                result.reason = "gene-not-in-table"
                result.detail = "\(unknown) (next to the mention) is not a gene symbol or alias in the table"
            } else {
                result.reason = "gene-unknown"
                result.detail = "no gene next to the mention, in its sentence or earlier in the document"
            }
            result.readings = interpreted.map { ReadingOutcome(interpreted: $0) }
            if result.readings.count > 1 { result.detail! += "; \(result.readings.count) readings" }
            return result
        }
        var outcomes: [ReadingOutcome] = []
        for (reading, text) in zip(mention.readings, interpreted) {
            outcomes.append(contentsOf: resolve(reading.expression, interpreted: text))
        }
        var result = MentionResolution(status: .unresolved, readings: outcomes)
        let resolved = outcomes.filter { $0.variant != nil }
        var keys: [String] = []
        for outcome in resolved {
            let key = outcome.variant?.key ?? outcome.hgvs ?? outcome.interpreted
            if !keys.contains(key) { keys.append(key) }
        }
        if let best = resolved.first, let variant = best.variant {
            result.status = keys.count > 1 ? .ambiguous : .resolved
            result.hgvs = best.hgvs
            result.key = variant.key
            result.proteinKey = variant.proteinKey
            result.rsids = variant.rsids
            if keys.count > 1 {
                result.reason = "several-readings"
                result.detail =
                    "\(keys.count) readings resolve to different variants: "
                    + resolved.map {
                        "\($0.interpreted) -> \($0.hgvs ?? "?")"
                    }.joined(separator: "; ")
            } else if let key = variant.key == nil ? variant.keyUnavailableReason : nil {
                result.detail = "no key: \(key)"
            }
            return result
        }
        // Nothing resolved: report the first reading's error (the parser's best reading).
        let error = outcomes.first?.error
        result.reason = error.map(MentionResolver.reason) ?? "unresolved"
        result.detail = error?.message
        result.hgvs = outcomes.first?.interpreted
        return result
    }

    static func reason(_ error: NormalizeError) -> String {
        switch error.code {
        case .referenceMismatch: "reference-mismatch"
        case .outOfBounds: "position-outside-transcript"
        case .unknownReference: error.message.hasPrefix("gene ") ? "gene-not-in-table" : "reference-not-in-table"
        case .parse: "not-parsed"
        default: error.code.rawValue
        }
    }

    /// Normalizes one reading; a protein substitution yields one outcome per single-base change that makes it.
    func resolve(_ expression: VariantExpression, interpreted: String) -> [ReadingOutcome] {
        if case .description(let d) = expression, case .protein = d.body {
            let codings: [String]
            do {
                if let indel = try proteinMapper.backTranslateIndel(d.hgvs()) {
                    codings = indel.translation.candidates.prefix(IndelBackTranslation.seamLimit).map { $0.hgvs() }
                } else {
                    let translation = try proteinMapper.backTranslate(d.hgvs()).translation
                    let singles = translation.singleNucleotide
                    codings = (singles.isEmpty ? translation.candidates : singles).map { $0.hgvs() }
                }
            } catch {
                return [ReadingOutcome(interpreted: interpreted, error: NormalizeError(error))]
            }
            return codings.map { coding in
                var outcome = ReadingOutcome(interpreted: interpreted, hgvs: coding)
                do throws(NormalizeError) {
                    let variant = try normalizer.normalize(coding)
                    outcome.hgvs = variant.hgvsC ?? coding
                    outcome.variant = variant
                } catch {
                    outcome.error = error
                }
                return outcome
            }
        }
        do {
            let variant = try normalizer.normalize(expression)
            return [ReadingOutcome(interpreted: interpreted, hgvs: variant.hgvsC ?? variant.hgvsG, variant: variant)]
        } catch {
            return [ReadingOutcome(interpreted: interpreted, error: error)]
        }
    }
}
