import VarSynCore
import VarSynReference

/// How the transcript for a protein question was chosen.
public enum TranscriptChoiceReason: String, Hashable, Sendable {
    /// The description named the transcript, and that exact version is in the table.
    case named
    /// The description named another version or an unversioned accession; the table's note says which was used.
    case otherVersion
    /// The description named the protein; its transcript was taken.
    case protein
    /// A gene symbol: the gene's MANE Select transcript.
    case maneSelect
    /// A gene symbol whose MANE Select transcript is not in the table: the gene's LRG transcript.
    case lrg
    /// A gene symbol with neither: the first coding transcript of the gene with the longest CDS.
    case longestCoding
}

/// The transcript a protein question was answered on, and why that one.
public struct TranscriptChoice<Transcript: ReferenceTranscript>: Sendable {
    public var transcript: Transcript
    public var reason: TranscriptChoiceReason
    /// Why it differs from what was asked (version fallback), or which preference applied (`STIM1: no MANE Select
    /// transcript in the reference data; using LRG_164t1 = NM_003156.3`); nil when exactly what was named.
    public var note: String?
}

/// c. -> p. and p. -> c. through a `ReferenceProvider`, from text: `NM_003156.3:c.494C>A`, `STIM1 P165Q`,
/// `NP_003147.2:p.Pro165Gln`.
///
/// For many questions on one transcript, prepare a `ProteinTranscript` once and call it directly (the fast path).
public struct ProteinMapper<Provider: ReferenceProvider>: Sendable {
    public typealias Choice = TranscriptChoice<Provider.Transcript>
    public let provider: Provider
    /// Transcripts prepared so far (shared by copies of this mapper).
    let cache = ProteinTranscriptCache<String>()
    /// Prepared transcripts by the reference a description names (the fast paths; hashed as the parsed
    /// accessions' inline bytes, no text made per request): by the accession alone when there is no selector
    /// (hashing one accession costs half of hashing a reference specifier), else by the whole reference.
    let requestCache = ProteinTranscriptCache<Accession>()
    let selectorRequestCache = ProteinTranscriptCache<ReferenceSpecifier>()
    /// Prepared transcripts by the bytes of the accession a description names, read without a lock (the streaming
    /// path, `appendCodingCandidates(ofProtein:to:)`); filled from `requestCache`.
    let keyTable = AccessionTable<ProteinTranscript>(slots: 8192)

    public init(_ provider: Provider) { self.provider = provider }

    /// The prepared transcript of a choice, from the cache when it was prepared before.
    public func prepared(_ choice: Choice) throws(ProteinMappingError) -> ProteinTranscript {
        try cache.transcript(choice.transcript.accession) { () throws(ProteinMappingError) in
            try ProteinTranscript(choice.transcript)
        }
    }

    /// The predicted protein consequence of a `c.` description: `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`.
    public func consequence(
        of text: String, noncoding: NoncodingConsequence = .unchanged
    ) throws(ProteinMappingError)
        -> (consequence: ProteinConsequence, choice: Choice)
    {
        let description = try Self.parseSingle(text)
        guard let reference = description.reference else { throw .unsupported("a description without a reference") }
        let choice = try transcript(for: reference)
        let transcript = try prepared(choice)
        do {
            return (try transcript.consequence(of: description, noncoding: noncoding), choice)
        } catch {
            // Past the transcript's ends on the genome it is placed on (`c.*3668C>A`): not transcribed.
            if case .positionOutOfRange = error,
                choice.transcript.alignment(on: .grch38) != nil
                    || choice.transcript.alignment(on: .grch37) != nil,
                let unchanged = transcript.consequenceOutsideTranscript(of: description)
            {
                return (unchanged, choice)
            }
            throw error
        }
    }

    /// Back-translates a protein substitution given as text: `STIM1 P165Q`, `NP_003147.2:p.Pro165Gln`,
    /// `NM_003156.3:p.(Arg304His)`.
    public func backTranslate(
        _ text: String
    ) throws(ProteinMappingError)
        -> (translation: BackTranslation, choice: Choice)
    {
        let description = try Self.parseSingle(text)
        guard let reference = description.reference else { throw .unsupported("a description without a reference") }
        guard case .protein(let tree) = description.body else { throw .unsupported("a description that is not on p.") }
        guard case .variant(let variant) = tree else { throw .unsupported("a protein allele or special form") }
        let choice = try transcript(for: reference)
        let transcript = try prepared(choice)
        return (try transcript.backTranslate(variant), choice)
    }

    /// The transcript a reference names: a transcript accession (exact or a reported version fallback), a protein
    /// accession, or a gene symbol (MANE Select, else LRG, else the longest CDS; reported).
    public func transcript(for reference: ReferenceSpecifier) throws(ProteinMappingError) -> Choice {
        let accession = reference.accession
        let prefix = accession.refSeqPrefix
        if accession.kind == .geneSymbol {
            return try preferredTranscript(gene: accession.text)
        }
        if accession.kind == .lrgProtein || prefix == "NP" || prefix == "XP" || accession.text.hasPrefix("ENSP") {
            guard let transcript = provider.transcript(protein: accession.text) else {
                throw .unknownReference(accession.text)
            }
            return Choice(transcript: transcript, reason: .protein, note: nil)
        }
        if let selector = reference.selector, selector.kind != .geneSymbol {
            return try named(selector.text)
        }
        return try named(accession.text)
    }

    func named(_ accession: String) throws(ProteinMappingError) -> Choice {
        guard let lookup = provider.transcript(accession: accession) else { throw .unknownReference(accession) }
        if let warning = lookup.warning {
            return Choice(transcript: lookup.transcript, reason: .otherVersion, note: warning)
        }
        return Choice(transcript: lookup.transcript, reason: .named, note: nil)
    }

    /// The gene's MANE Select transcript when the provider has it, else its LRG transcript (lowest `tN`), else the
    /// coding transcript with the longest CDS.
    ///
    /// `STIM1` -> NM_003156.3 (`.lrg`, LRG_164t1: MANE Select NM_001382567.1 is not in the default table).
    public func preferredTranscript(gene symbol: String) throws(ProteinMappingError) -> Choice {
        let coding = provider.transcripts(gene: symbol).filter { $0.cds != nil && $0.length > 0 }
        guard !coding.isEmpty else { throw .unknownReference(symbol) }
        if let mane = coding.first(where: \.isMANESelect) {
            return Choice(transcript: mane, reason: .maneSelect, note: "\(symbol): MANE Select \(mane.accession)")
        }
        var best: (transcript: Provider.Transcript, lrg: String, number: Int)?
        for transcript in coding {
            guard let lrg = transcript.lrgAccession else { continue }
            let number = Int(lrg.split(separator: "t").last ?? "") ?? Int.max
            if best.map({ number < $0.number }) ?? true { best = (transcript, lrg, number) }
        }
        if let best {
            return Choice(
                transcript: best.transcript, reason: .lrg,
                note:
                    "\(symbol): no MANE Select transcript in the reference data; using \(best.lrg) = \(best.transcript.accession)"
            )
        }
        var longest = coding[0]
        for transcript in coding where (transcript.cds?.length ?? 0) > (longest.cds?.length ?? 0) {
            longest = transcript
        }
        return Choice(
            transcript: longest, reason: .longestCoding,
            note:
                "\(symbol): no MANE Select or LRG transcript in the reference data; using the longest CDS, \(longest.accession)"
        )
    }

    static func parseSingle(_ text: String) throws(ProteinMappingError) -> VariantDescription {
        let parsed: ParsedExpression
        do {
            parsed = try HGVSParser.parse(text)
        } catch {
            throw .unsupported("text that does not parse: \(error)")
        }
        guard let description = parsed.expression.singleDescription else {
            throw .unsupported("an expression that is not one description")
        }
        return description
    }
}
