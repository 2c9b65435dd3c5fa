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

/// Resolves mentions through the normalizer. Protein changes (`STIM1 P165Q`) are checked against the translated
/// CDS and back-translated here, for single-residue substitutions only, until the protein module is wired into the
/// normalizer (`ProteinSeam`); other protein changes are reported unresolved with that reason.
struct MentionResolver {
    let normalizer: Normalizer<TableReferenceProvider>

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
            switch backTranslate(d) {
            case .failure(let error):
                return [ReadingOutcome(interpreted: interpreted, error: error)]
            case .success(let (codings, proteinKey)):
                return codings.map { coding in
                    var outcome = ReadingOutcome(interpreted: interpreted, hgvs: coding)
                    do throws(NormalizeError) {
                        var variant = try normalizer.normalize(coding)
                        variant.proteinKey = variant.proteinKey ?? proteinKey
                        outcome.hgvs = variant.hgvsC ?? coding
                        outcome.variant = variant
                    } catch {
                        outcome.error = error
                    }
                    return outcome
                }
            }
        }
        do {
            let variant = try normalizer.normalize(expression)
            return [ReadingOutcome(interpreted: interpreted, hgvs: variant.hgvsC ?? variant.hgvsG, variant: variant)]
        } catch {
            return [ReadingOutcome(interpreted: interpreted, error: error)]
        }
    }

    /// The c. descriptions (single-base substitutions) that make a one-residue protein substitution, after checking
    /// the stated residue against the translated CDS; and the protein key.
    func backTranslate(_ d: VariantDescription) -> Result<([String], String), NormalizeError> {
        guard case .protein(let tree) = d.body, case .variant(let variant) = tree, variant.location.end == nil,
            case .exact(let position) = variant.location.start, let number = position.number,
            case .substitution(let alternative) = variant.edit
        else {
            return .failure(
                NormalizeError(
                    .unsupported,
                    "only one-residue protein substitutions are back-translated until the protein module is wired in"))
        }
        guard let reference = d.reference else {
            return .failure(NormalizeError(.unknownReference, "no gene or protein accession"))
        }
        let provider = normalizer.provider
        let transcript: TableTranscript
        if reference.accession.kind == .geneSymbol {
            let all = provider.transcripts(gene: reference.accession.text)
            guard
                let chosen = all.first(where: { $0.isMANESelect && $0.cds != nil })
                    ?? all.first(where: { $0.lrgAccession?.hasSuffix("t1") == true && $0.cds != nil })
                    ?? all.first(where: { $0.cds != nil })
            else {
                return .failure(
                    NormalizeError(
                        .unknownReference, "gene \(reference.accession.text) has no coding transcript in the table"))
            }
            transcript = chosen
        } else if let found = provider.transcript(protein: reference.accession.text) {
            transcript = found
        } else {
            return .failure(NormalizeError(.unknownReference, "\(reference.accession.text) is not in the table"))
        }
        guard let cds = transcript.cds else {
            return .failure(NormalizeError(.unknownReference, "\(transcript.accession) is not coding"))
        }
        let protein = transcript.proteinAccession.isEmpty ? transcript.accession : transcript.proteinAccession
        let residues = (cds.end - cds.start) / 3
        let codonStart = cds.start + 3 * (number - 1)
        guard number >= 1, number <= residues else {
            return .failure(
                NormalizeError(
                    .outOfBounds,
                    "\(protein) residue \(number) is outside the protein (\(residues - 1) residues and the stop)"))
        }
        var codon: [UInt8] = []
        for offset in 0..<3 {
            guard let base = transcript.base(at: codonStart + offset) else {
                return .failure(NormalizeError(.sequenceUnavailable, "\(transcript.accession) has no sequence"))
            }
            codon.append(base)
        }
        let stated = position.residue
        guard let actual = GeneticCode.translate(codon), actual == stated else {
            let actualName = GeneticCode.translate(codon)?.threeLetterCode ?? "?"
            return .failure(
                NormalizeError(
                    .referenceMismatch,
                    "\(protein) residue \(number) is \(actualName) (codon \(String(decoding: codon, as: UTF8.self))"
                        + " of \(transcript.accession)), the text states \(stated.threeLetterCode)",
                    expected: actualName, found: stated.threeLetterCode))
        }
        var codings: [String] = []
        for offset in 0..<3 {
            for base in Array("ACGT".utf8) where base != codon[offset] {
                var changed = codon
                changed[offset] = base
                guard GeneticCode.translate(changed) == alternative else { continue }
                let c = 3 * (number - 1) + offset + 1
                codings.append(
                    "\(transcript.accession):c.\(c)\(String(decoding: [codon[offset]], as: UTF8.self))>"
                        + String(decoding: [base], as: UTF8.self))
            }
        }
        let key = "\(protein):p.\(stated.threeLetterCode)\(number)\(alternative.threeLetterCode)"
        guard !codings.isEmpty else {
            return .failure(
                NormalizeError(
                    .unsupported,
                    "\(key): no single-base change of codon \(String(decoding: codon, as: UTF8.self)) makes it"))
        }
        return .success((codings, key))
    }
}

/// The standard genetic code.
enum GeneticCode {
    private static let table = Array("FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG".utf8)

    static func translate(_ codon: [UInt8]) -> AminoAcid? {
        guard codon.count == 3 else { return nil }
        var index = 0
        for base in codon {
            let value: Int
            switch base {
            case UInt8(ascii: "T"): value = 0
            case UInt8(ascii: "C"): value = 1
            case UInt8(ascii: "A"): value = 2
            case UInt8(ascii: "G"): value = 3
            default: return nil
            }
            index = index * 4 + value
        }
        return AminoAcid.fromOneLetter(table[index])
    }
}
