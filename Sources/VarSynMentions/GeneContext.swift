/// A gene name as the lexicon knows it: the official symbol, and whether the word looked up was an alias.
///
/// `GOK` -> `GeneName(symbol: "STIM1", isAlias: true)`; `STIM1` -> `GeneName(symbol: "STIM1", isAlias: false)`.
public struct GeneName: Hashable, Sendable {
    public let symbol: String
    public let isAlias: Bool

    public init(symbol: String, isAlias: Bool) {
        self.symbol = symbol
        self.isAlias = isAlias
    }
}

/// Gene symbols and aliases, looked up word by word (case-insensitively is fine: the case rules are applied by
/// `GeneContext`). The CLI builds one over the transcript table; tests use a dictionary. VarSynMentions does not
/// depend on the table.
public protocol GeneLexicon {
    func gene(named word: String) -> GeneName?
}

/// A lexicon from a closure.
public struct ClosureGeneLexicon: GeneLexicon {
    let lookup: (String) -> GeneName?
    public init(_ lookup: @escaping (String) -> GeneName?) { self.lookup = lookup }
    public func gene(named word: String) -> GeneName? { lookup(word) }
}

/// Where a mention's gene came from.
public enum GeneSource: String, Hashable, Sendable {
    /// The mention names its own reference (`NM_003156.3:c.494C>A`, `rs1801133`, `chr11:…`): no gene needed.
    case reference
    /// A symbol right before or after it: `STIM1 P165Q`, `STIM1:c.494C>A`, `P165Q (STIM1)`, `STIM1 gene P165Q`.
    case adjacent
    /// The nearest gene in the same sentence.
    case sentence
    /// The document's most recent gene before the mention.
    case document
}

/// One gene word found in a text.
public struct GeneWord: Hashable, Sendable {
    /// UTF-8 byte range of the word.
    public let start: Int
    public let end: Int
    /// The word as written.
    public let text: String
    /// The lexicon's gene, or nil for a gene-shaped word the lexicon does not know (only recorded next to a
    /// mention, to report "gene not in the table" instead of borrowing another gene).
    public let gene: GeneName?
}

/// Finds gene words in a document and picks the gene of each mention: adjacent symbol, else the nearest in the
/// sentence, else the most recent in the document.
///
/// False hits are the danger (`CAT`, `SET`, `MAY`, `WAS`, `IMPACT` are gene symbols or aliases). A word counts when
/// it equals the official symbol in exact case, or is an alias of three or more characters written in upper case
/// that is not a common English word or lab abbreviation (`commonWords`). Symbols that are also such words
/// (`CAT`, `SET`) count only in exact case, i.e. upper case.
public struct GeneContext {
    public let lexicon: any GeneLexicon

    public init(lexicon: any GeneLexicon) { self.lexicon = lexicon }

    /// Upper-cased English words and report abbreviations never taken as a gene alias, nor as a symbol when the
    /// word starts a sentence in capitals only by typography (these are checked in upper case).
    public static let commonWords: Set<String> = [
        "A", "AN", "AND", "ARE", "AS", "AT", "BE", "BUT", "BY", "CAN", "CAT", "DID", "DO", "FOR", "FROM", "GET", "HAD",
        "HAS", "HAVE", "HE", "HER", "HIS", "IF", "IN", "IS", "IT", "ITS", "MAY", "ME", "MY", "NO", "NOT", "OF", "ON",
        "OR", "OUR", "OUT", "SET", "SHE", "SO", "THE", "TO", "UP", "US", "WAS", "WE", "WERE", "WHO", "WITH", "YES",
        "ALL", "ANY", "ONE", "TWO", "TEN", "SIX", "END", "MAP", "CELL", "BAD", "BIG", "CAR", "COX", "FAT",
        "GAP", "HOT", "KIT", "LED", "MAX", "MET", "MIN", "NOV", "PAN", "PIG", "RAN", "RED", "SAD", "SEX", "SHH",
        "SKI", "SPR", "TAG", "TAP", "TIP", "TOP", "WAR", "WIN", "IMPACT", "ACT", "AGE", "AIM", "ARC", "ART", "BAT",
        "CAMP", "CLOCK", "COIL", "CUT", "DAN", "DOCK", "EPO", "FAST", "GAS", "GIT", "HUNK", "KIN", "LIMP",
        "MICE", "MUG", "NOW", "OCT", "OPT", "PAL", "PAR", "PIN", "POLE", "RAGE", "REST", "RING", "SAND", "SLUG",
        "SPIN", "STAR", "TANK", "TRAP", "VIP", "WISP",
        // report and lab abbreviations
        "DNA", "RNA", "CDNA", "MRNA", "PCR", "SNP", "SNV", "CNV", "VUS", "NGS", "WES", "WGS", "HGVS", "ACMG", "OMIM",
        "MIM", "WT", "HET", "HOM", "VAF", "ID", "ISBN", "USA", "UK", "EU", "NA", "ND", "NS", "OK", "II", "III", "IV",
        "VI", "VII", "VIII", "IX", "XI", "XII", "MLPA", "FISH", "LOD", "MAF", "GNOMAD", "CLINVAR", "DBSNP", "REF",
        "ALT", "POS", "CHR", "EXON", "INTRON", "UTR", "CDS", "ORF", "PMID", "DOI", "FIG", "TABLE", "NOTE", "SEE",
        "PATIENT", "PROBAND", "FAMILY", "RESULT", "RESULTS", "METHOD", "METHODS", "SUMMARY", "GENE", "GENES",
        "VARIANT", "VARIANTS", "CLASS", "LIKELY", "PATHOGENIC", "BENIGN", "UNKNOWN", "NEGATIVE", "POSITIVE",
    ]

    /// Gene words of `text` (UTF-8 bytes), in text order. Gene-shaped words the lexicon does not know are kept
    /// (`gene == nil`) so an adjacent unknown gene can be reported; `isKnown` filters them.
    public func geneWords(in text: UnsafeBufferPointer<UInt8>) -> [GeneWord] {
        var words: [GeneWord] = []
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            guard StartFilter.isASCIIAlphanumeric(byte) else {
                index += 1
                continue
            }
            // A word: ASCII letters, digits and inner hyphens (HLA-B, NKX2-5); it must not be glued to other bytes.
            let start = index
            var end = index
            while end < count,
                StartFilter.isASCIIAlphanumeric(text[end])
                    || (text[end] == UInt8(ascii: "-")
                        && end + 1 < count && StartFilter.isASCIIAlphanumeric(text[end + 1]) && end > start)
            {
                end += 1
            }
            index = end
            let glued = (start > 0 && text[start - 1] >= 0x80) || (end < count && text[end] >= 0x80)
            guard !glued, let word = geneShapedWord(text, start, end) else { continue }
            words.append(GeneWord(start: start, end: end, text: word, gene: accept(word)))
        }
        return words
    }

    /// The word if it may be a gene symbol: 2 to 15 characters, starting with an upper-case letter, at most three
    /// lower-case letters, and two upper-case letters or a digit (`STIM1`, `C9orf72`, `BRAF`; not `The`, `Results`).
    /// The lexicon then decides (`Thr154` passes the shape but is no symbol).
    private func geneShapedWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String? {
        let length = end - start
        guard length >= 2, length <= 15 else { return nil }
        let first = text[start]
        guard first &- UInt8(ascii: "A") < 26 else { return nil }
        var lower = 0
        var upper = 0
        var digits = 0
        for i in start..<end {
            let b = text[i]
            if b &- UInt8(ascii: "a") < 26 { lower += 1 }
            if b &- UInt8(ascii: "A") < 26 { upper += 1 }
            if b &- UInt8(ascii: "0") < 10 { digits += 1 }
        }
        // Mostly upper case (C9orf72 and a few others have lower-case letters; prose words have more).
        guard upper >= 2 || (upper == 1 && (lower == 0 || digits > 0)), lower <= 3 else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// The gene a gene-shaped word stands for under the case rules, nil if none.
    public func accept(_ word: String) -> GeneName? {
        guard let found = lexicon.gene(named: word) else { return nil }
        if !found.isAlias {
            return word == found.symbol ? found : nil
        }
        guard word.utf8.count >= 3, !word.utf8.contains(where: { $0 &- UInt8(ascii: "a") < 26 }),
            !GeneContext.commonWords.contains(word)
        else { return nil }
        return found
    }

    /// Whether a gene-shaped word that is not in the lexicon should still be treated as a gene name next to a
    /// mention (so the mention is reported "gene not in table" rather than given another gene): upper case with a
    /// digit, like `FAKE9`, `ABC12`, not a common word, not itself variant-like.
    static func looksLikeUnknownGene(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count >= 3, !GeneContext.commonWords.contains(word) else { return false }
        let letters = bytes.filter { $0 &- UInt8(ascii: "A") < 26 }.count
        let digits = bytes.filter { $0 &- UInt8(ascii: "0") < 10 }.count
        let lower = bytes.filter { $0 &- UInt8(ascii: "a") < 26 }.count
        return lower == 0 && letters >= 2 && digits >= 1 && bytes[0] &- UInt8(ascii: "A") < 26
    }
}

/// Sentence boundaries of a text: a `.`, `!` or `?` followed by white space (line breaks included) and an
/// upper-case letter, not after a one-letter word such as `c.` or `p.` (nor `e.g.`); or a blank line. A single line
/// break is not a boundary (reports wrap lines inside sentences).
enum Sentences {
    /// Byte offsets where sentences start (0 first), ascending.
    static func starts(in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        var starts = [0]
        var index = 0
        let count = text.count
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        while index < count {
            let byte = text[index]
            if byte == 0x0A {
                // A blank line (only spaces between two line breaks) ends the sentence.
                var next = index + 1
                while next < count, text[next] == UInt8(ascii: " ") || text[next] == 0x09 || text[next] == 0x0D {
                    next += 1
                }
                if next < count, text[next] == 0x0A {
                    while next < count, isSpace(text[next]) { next += 1 }
                    if next < count { starts.append(next) }
                    index = next
                    continue
                }
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                let oneLetterWord =
                    index >= 1 && StartFilter.isASCIILetter(text[index - 1])
                    && (index < 2 || !StartFilter.isASCIIAlphanumeric(text[index - 2]))
                var next = index + 1
                while next < count, isSpace(text[next]) { next += 1 }
                if next > index + 1, !oneLetterWord, next < count, text[next] &- UInt8(ascii: "A") < 26 {
                    starts.append(next)
                }
            }
            index += 1
        }
        return starts
    }
}
