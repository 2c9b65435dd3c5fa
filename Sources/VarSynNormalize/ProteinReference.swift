import VarSynCore
import VarSynReference

/// A reference base, bases or residue that differs from what a description states.
///
/// `STIM1 L197P`: `ReferenceMismatch(reference: "NP_003147.2", location: "p.197", expected: "Leu", found: "Thr")`.
/// `expected` is what the description says the reference has; `found` is what the reference has.
public struct ReferenceMismatch: Hashable, Sendable, CustomStringConvertible {
    public var reference: String
    public var location: String
    public var expected: String
    public var found: String

    public init(reference: String, location: String, expected: String, found: String) {
        self.reference = reference
        self.location = location
        self.expected = expected
        self.found = found
    }

    /// `NP_003147.2 p.197 is Thr, not Leu as stated`.
    public var description: String { "\(reference) \(location) is \(found), not \(expected) as stated" }
}

/// Why a protein consequence or a back-translation could not be computed. Nothing is guessed or repaired.
public enum ProteinMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The transcript has no CDS or no sequence.
    case notCoding(transcript: String)
    /// No transcript, protein or gene of that name in the reference data.
    case unknownReference(String)
    /// The description states a base, bases or residue the reference does not have.
    case referenceMismatch(ReferenceMismatch)
    /// A position outside the transcript (`c.-900` before its first base) or the protein.
    case positionOutOfRange(reference: String, position: String)
    /// A description this module does not map (uncertain positions, repeats, copied inserts, ...), with what it is.
    case unsupported(String)

    public var description: String {
        switch self {
        case .notCoding(let transcript): "\(transcript) has no coding sequence"
        case .unknownReference(let name): "\(name) is not in the reference data"
        case .referenceMismatch(let mismatch): "reference mismatch: \(mismatch)"
        case .positionOutOfRange(let reference, let position): "\(position) is outside \(reference)"
        case .unsupported(let what): "not supported for protein mapping: \(what)"
        }
    }
}

/// A coding transcript prepared for protein work: its bases and the translation of its CDS, computed once.
///
/// Built from any `ReferenceTranscript` (`ProteinTranscript(provider.transcript(accession: "NM_003156.3")!.transcript)`); every
/// consequence prediction and back-translation on it then reads these arrays without further lookups. Immutable;
/// a class, so that handing a prepared transcript out of a cache costs one retain, not a copy of every field.
public final class ProteinTranscript: Sendable {
    public let transcriptName: String
    public let proteinName: String
    public let geneName: String
    /// Transcript bases, upper-case ASCII.
    public let bases: [UInt8]
    /// 0-based index of the A of the ATG.
    public let cdsStart: Int
    /// 0-based index one past the last base of the stop codon.
    public let cdsEnd: Int
    /// The reference protein: residue i is `protein[i - 1]` (`protein[0]` is Met1); ends with `.ter` when the CDS does.
    public let protein: [AminoAcid]
    /// False when the CDS is not a whole number of codons, lacks a final stop, or has a stop inside: the
    /// consequence of a coding change is then reported as `p.?` (as biocommons does for multiple stops).
    public let hasCleanTranslation: Bool

    /// The protein accession as a syntax-tree accession (`NP_…` RefSeq, `ENSP…` Ensembl, `LRG_NpN`).
    public let proteinAccession: Accession
    let transcriptAccession: Accession
    /// `transcriptName` and `proteinName` as bytes, for the text the fast paths write.
    let transcriptNameUTF8: [UInt8]
    let proteinNameUTF8: [UInt8]

    /// Prepares a transcript of any `ReferenceProvider` (`TableTranscript`, `InMemoryTranscript`).
    public convenience init(_ transcript: some ReferenceTranscript) throws(ProteinMappingError) {
        guard let cds = transcript.cds, transcript.length > 0 else {
            throw .notCoding(transcript: transcript.accession)
        }
        let length = transcript.length
        guard cds.start >= 0, cds.end <= length, cds.end - cds.start >= 3 else {
            throw .notCoding(transcript: transcript.accession)
        }
        let bases = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = transcript.copySequence(0..<length, into: buffer)
        }
        guard bases.count == length else { throw .notCoding(transcript: transcript.accession) }
        self.init(
            transcriptName: transcript.accession, proteinName: transcript.proteinAccession, geneName: transcript.gene,
            bases: bases, cds: cds)
    }

    /// A transcript given by its sequence (any case; `U` reads as `T`) and CDS, for tests and callers without a
    /// provider: `ProteinTranscript(transcriptName: "NM_999999.1", proteinName: "NP_999999.1",
    /// sequence: "AAAATCAAAATGAAAGCGAAAGCGTTTCGCGCGAAATAGGGG", cds: TranscriptInterval(start: 9, end: 39))`.
    public convenience init(
        transcriptName: String, proteinName: String, geneName: String = "", sequence: String, cds: TranscriptInterval
    ) throws(ProteinMappingError) {
        let bases = sequence.utf8.map {
            ProteinTranscript.upper($0) == UInt8(ascii: "U") ? UInt8(ascii: "T") : ProteinTranscript.upper($0)
        }
        guard cds.start >= 0, cds.end <= bases.count, cds.end - cds.start >= 3 else {
            throw .notCoding(transcript: transcriptName)
        }
        self.init(transcriptName: transcriptName, proteinName: proteinName, geneName: geneName, bases: bases, cds: cds)
    }

    init(transcriptName: String, proteinName: String, geneName: String, bases: [UInt8], cds: TranscriptInterval) {
        self.transcriptName = transcriptName
        self.proteinName = proteinName
        self.geneName = geneName
        self.bases = bases
        self.cdsStart = cds.start
        self.cdsEnd = cds.end
        var protein: [AminoAcid] = []
        protein.reserveCapacity(cds.length / 3)
        var i = cds.start
        while i + 3 <= cds.end {
            protein.append(ProteinCodonTable.translate(bases[i], bases[i + 1], bases[i + 2]))
            i += 3
        }
        // p.1 is Met whatever the initiation codon (HGVS numbers the primary translation product).
        if !protein.isEmpty { protein[0] = .met }
        self.protein = protein
        let stops = protein.lazy.filter { $0 == .ter }.count
        hasCleanTranslation = cds.length % 3 == 0 && protein.last == .ter && stops == 1
        proteinAccession = Accession(proteinName, kind: Self.accessionKind(proteinName))
        transcriptAccession = Accession(transcriptName, kind: Self.accessionKind(transcriptName))
        transcriptNameUTF8 = Array(transcriptName.utf8)
        proteinNameUTF8 = Array(proteinName.utf8)
    }

    /// Number of codons in the CDS including the stop (`protein.count`).
    public var codonCount: Int { protein.count }

    static func accessionKind(_ name: String) -> AccessionKind {
        if name.hasPrefix("LRG_") {
            return name.contains("p") ? .lrgProtein : name.contains("t") ? .lrgTranscript : .lrgGenomic
        }
        if name.hasPrefix("ENS") { return .ensembl }
        if name.utf8.count > 3, name.utf8.dropFirst(2).first == UInt8(ascii: "_") { return .refSeq }
        return .genBank
    }
}
