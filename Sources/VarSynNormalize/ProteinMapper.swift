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
public struct TranscriptChoice: Sendable {
    public var record: TranscriptRecord
    public var reason: TranscriptChoiceReason
    /// Why it differs from what was asked (version fallback), or which preference applied (`STIM1: MANE Select
    /// NM_001382567.1 is not in the table; using LRG_164t1 = NM_003156.3`); nil when exactly what was named.
    public var note: String?
}

/// c. -> p. and p. -> c. on a reference table, from text: `NM_003156.3:c.494C>A`, `STIM1 P165Q`,
/// `NP_003147.2:p.Pro165Gln`.
///
/// For many questions on one transcript, prepare a `ProteinTranscript` once and call it directly (the fast path).
public struct ProteinMapper: Sendable {
    public let table: ReferenceTable

    public init(table: ReferenceTable) { self.table = table }

    /// The predicted protein consequence of a `c.` description: `NM_003156.3:c.494C>A` -> `NP_003147.2:p.(Pro165Gln)`.
    public func consequence(of text: String, noncoding: NoncodingConsequence = .unchanged) throws(ProteinMappingError)
        -> (consequence: ProteinConsequence, choice: TranscriptChoice)
    {
        let description = try Self.parseSingle(text)
        guard let reference = description.reference else { throw .unsupported("a description without a reference") }
        let choice = try transcript(for: reference)
        let transcript = try ProteinTranscript(choice.record)
        return (try transcript.consequence(of: description, noncoding: noncoding), choice)
    }

    /// Back-translates a protein substitution given as text: `STIM1 P165Q`, `NP_003147.2:p.Pro165Gln`,
    /// `NM_003156.3:p.(Arg304His)`.
    public func backTranslate(_ text: String) throws(ProteinMappingError)
        -> (translation: BackTranslation, choice: TranscriptChoice)
    {
        let description = try Self.parseSingle(text)
        guard let reference = description.reference else { throw .unsupported("a description without a reference") }
        guard case .protein(let tree) = description.body else { throw .unsupported("a description that is not on p.") }
        guard case .variant(let variant) = tree else { throw .unsupported("a protein allele or special form") }
        let choice = try transcript(for: reference)
        let transcript = try ProteinTranscript(choice.record)
        return (try transcript.backTranslate(variant), choice)
    }

    /// The transcript a reference names: a transcript accession (exact or a reported version fallback), a protein
    /// accession, or a gene symbol (MANE Select, else LRG, else the longest CDS; reported).
    public func transcript(for reference: ReferenceSpecifier) throws(ProteinMappingError) -> TranscriptChoice {
        let accession = reference.accession
        switch accession.kind {
        case .geneSymbol:
            return try preferredTranscript(gene: accession.text)
        case .lrgProtein:
            guard let record = table.transcript(protein: accession.text) else {
                throw .unknownReference(accession.text)
            }
            return TranscriptChoice(record: record, reason: .protein, note: nil)
        default:
            let prefix = accession.refSeqPrefix
            if prefix == "NP" || prefix == "XP" || accession.text.hasPrefix("ENSP") {
                guard let record = table.transcript(protein: accession.text) else {
                    throw .unknownReference(accession.text)
                }
                return TranscriptChoice(record: record, reason: .protein, note: nil)
            }
            if let selector = reference.selector, selector.kind != .geneSymbol {
                return try named(selector.text)
            }
            return try named(accession.text)
        }
    }

    func named(_ accession: String) throws(ProteinMappingError) -> TranscriptChoice {
        guard let resolution = table.transcript(accession: accession) else { throw .unknownReference(accession) }
        if let warning = resolution.warning(requested: accession) {
            return TranscriptChoice(record: resolution.record, reason: .otherVersion, note: warning)
        }
        return TranscriptChoice(record: resolution.record, reason: .named, note: nil)
    }

    /// The gene's MANE Select transcript when the table has it, else its LRG transcript (lowest `tN`), else the
    /// coding transcript with the longest CDS.
    ///
    /// `STIM1` -> NM_003156.3 (`.lrg`: MANE Select NM_001382567.1 is not in the default table).
    public func preferredTranscript(gene symbol: String) throws(ProteinMappingError) -> TranscriptChoice {
        guard let gene = table.gene(symbol: symbol) else { throw .unknownReference(symbol) }
        let mane = [gene.maneRefSeq.string, gene.maneEnsembl.string].filter { !$0.isEmpty }
        for accession in mane {
            if let record = table.transcript(exactly: accession), record.isCoding, record.hasSequence {
                return TranscriptChoice(
                    record: record, reason: .maneSelect, note: "\(gene.symbol.string): MANE Select \(accession)")
            }
        }
        let coding = gene.transcripts.filter { $0.isCoding && $0.hasSequence }
        let missing = mane.isEmpty ? "no MANE Select transcript" : "MANE Select \(mane.joined(separator: " / ")) is not in the table"
        // LRG transcripts: fixed LRG records (source without "annotation") whose genomic reference is an LRG.
        var best: (record: TranscriptRecord, lrg: String, number: Int)?
        for record in coding {
            guard let lrg = lrgName(of: record) else { continue }
            let number = Int(lrg.split(separator: "t").last ?? "") ?? Int.max
            if best.map({ number < $0.number }) ?? true { best = (record, lrg, number) }
        }
        if let best {
            return TranscriptChoice(
                record: best.record, reason: .lrg,
                note: "\(gene.symbol.string): \(missing); using \(best.lrg) = \(best.record.accession.string)")
        }
        guard let longest = coding.max(by: { ($0.cds?.length ?? 0) < ($1.cds?.length ?? 0) }) else {
            throw .notCoding(transcript: symbol)
        }
        return TranscriptChoice(
            record: longest, reason: .longestCoding,
            note: "\(gene.symbol.string): \(missing) and no LRG transcript; using the longest CDS, \(longest.accession.string)")
    }

    /// `LRG_164t1` for NM_003156.3, when the record is an LRG transcript (its `LRG_NtN` name resolves to it).
    func lrgName(of record: TranscriptRecord) -> String? {
        let genomic = record.genomicReference.string
        guard genomic.hasPrefix("LRG_") else { return nil }
        for n in 1...20 {
            let name = "\(genomic)t\(n)"
            if let resolution = table.transcript(accession: name), resolution.match == .alternateName || resolution.match == .exact,
                resolution.record == record
            {
                return name
            }
        }
        return nil
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
