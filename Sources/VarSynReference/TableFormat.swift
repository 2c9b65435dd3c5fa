/// Constants of the binary table format, version 1. The normative description is `docs/table-format.md`;
/// keep both in step.
enum TableFormat {
    static let magic: [UInt8] = Array("VARSYNTB".utf8)
    static let version: UInt32 = 1
    static let headerSize = 64
    static let directoryEntrySize = 24
    /// No value (CDS bounds of a non-coding transcript, missing sequence).
    static let none32 = UInt32.max
    static let none64 = UInt64.max

    enum Section: UInt32, CaseIterable {
        case strings = 1
        case transcripts = 2
        case exons = 3
        case alignments = 4
        case alignedExons = 5
        case sequence = 6
        case sequenceExceptions = 7
        case names = 8
        case genes = 9
        case geneTranscripts = 10
        case intervals = 11
        case segments = 12
        case placements = 13
        case chromosomes = 14
        case rsids = 15
        case rsidAlleleOrder = 16
        case metadata = 17

        /// Bytes per record (1 for byte arrays).
        var recordSize: Int {
            switch self {
            case .strings, .sequence: 1
            case .transcripts: 88
            case .exons: 8
            case .alignments: 40
            case .alignedExons: 24
            case .sequenceExceptions: 16
            case .names: 24
            case .genes: 40
            case .geneTranscripts: 4
            case .intervals: 24
            case .segments: 48
            case .placements: 40
            case .chromosomes: 40
            case .rsids: 16
            case .rsidAlleleOrder: 4
            case .metadata: 16
            }
        }
    }

    /// Kinds of entries in the name index.
    enum NameKind: UInt32 {
        case transcript = 1
        case transcriptAlternate = 2
        case protein = 3
        case segment = 4
        case geneSymbol = 5
        case geneAlias = 6
        case equivalentVersion = 7
        case genomicReference = 8
    }

    enum IntervalKind: UInt8 {
        case alignment = 1
        case placement = 2
    }

    /// Transcript flags.
    static let flagCoding: UInt32 = 1
    static let flagHasSequence: UInt32 = 2

    /// 2-bit codes of A, C, G, T; every other byte goes into the exception list.
    static func twoBitCode(_ base: UInt8) -> UInt8? {
        switch base {
        case UInt8(ascii: "A"): 0
        case UInt8(ascii: "C"): 1
        case UInt8(ascii: "G"): 2
        case UInt8(ascii: "T"): 3
        default: nil
        }
    }

    static let twoBitBases: [UInt8] = Array("ACGT".utf8)

    /// ASCII upper case of one byte.
    @inline(__always)
    static func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7a ? byte - 32 : byte }
}
