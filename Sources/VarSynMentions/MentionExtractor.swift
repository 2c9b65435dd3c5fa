import VarSynCore

/// A variant mention found in a document: where it is, what form it was written in, the parser's readings with the
/// gene attached, and where the gene came from. Resolution against reference data happens outside this module.
public struct Mention: Sendable {
    /// UTF-8 byte offsets into the document (`end` exclusive).
    public let start: Int
    public let end: Int
    /// Unicode scalar offsets into the document (`charEnd` exclusive).
    public let charStart: Int
    public let charEnd: Int
    /// The mention as written.
    public let text: String
    /// The pattern that found it (`Grammars/mentions.pcre2`), e.g. `one_letter_protein`.
    public let form: String
    /// The parser's reading of the text (or of `rewritten`), nil when it did not read it (then `parseError` says
    /// why; only with `keepsUnconfirmed`).
    public let parsed: ParsedExpression?
    public let parseError: String?
    /// The standard descriptions the prose reader built and the parser read instead of the text
    /// (`C-->T transition at nucleotide 677` -> `["c.677C>T"]`); empty when the parser read the text as written.
    public let rewritten: [String]
    /// The gene, when the mention names no reference of its own.
    public let gene: GeneName?
    public let geneSource: GeneSource?
    /// A gene-shaped word right next to the mention that the lexicon does not know (`FAKE9 R123W`): the mention
    /// is not given another gene.
    public let unknownGene: String?
    /// Every reading of the mention (best first), with the gene set as reference where the text gave none.
    public let readings: [Reading]

    /// Whether some reading still has no reference (no gene found, or an unknown adjacent gene).
    public var lacksReference: Bool {
        readings.contains { reading in
            if case .description(let d) = reading.expression { return d.reference == nil }
            return false
        }
    }
}

/// Finds mentions in documents: scans candidates, reads each with the core parser (lenient; prose through the
/// prose reader, `MentionScanner.read`), keeps the candidates read (confirmed), and attaches the gene from context
/// (`GeneContext`). Not thread-safe (it owns a scanner): one per thread.
///
///     let extractor = MentionExtractor(scanner: try MentionScanner(), lexicon: myLexicon)
///     extractor.mentions(in: "STIM1 P165Q was found.")[0].readings[0].expression.hgvs()   // "STIM1:p.Pro165Gln"
public final class MentionExtractor {
    public let scanner: MentionScanner
    public let context: GeneContext?
    /// Whether candidates that neither the parser nor the prose reader reads (`G/A polymorphism`, `Delta32`) are
    /// reported too, with `parsed == nil` and the parser's message in `parseError`. Off by default: a mention is a
    /// confirmed candidate.
    public let keepsUnconfirmed: Bool

    public init(scanner: MentionScanner, lexicon: (any GeneLexicon)?, keepsUnconfirmed: Bool = false) {
        self.scanner = scanner
        self.context = lexicon.map { GeneContext(lexicon: $0) }
        self.keepsUnconfirmed = keepsUnconfirmed
    }

    /// The mentions of `text`, in text order: every confirmed candidate (every candidate with `keepsUnconfirmed`).
    public func mentions(in text: String) -> [Mention] {
        var copy = text
        return copy.withUTF8 { mentions(inUTF8: $0) }
    }

    /// The mentions of valid UTF-8 `text` (repair invalid input first, e.g. with `String(decoding:as:)`).
    public func mentions(inUTF8 text: UnsafeBufferPointer<UInt8>) -> [Mention] {
        let candidates = scanner.candidates(in: text)
        guard !candidates.isEmpty else { return [] }
        // Gene words outside candidates (a candidate's letters are not gene names).
        var genes = context?.geneWords(in: text) ?? []
        if !genes.isEmpty {
            genes.removeAll { word in candidates.contains { $0.start < word.end && word.start < $0.end } }
        }
        let sentenceStarts = Sentences.starts(in: text)
        var mentions: [Mention] = []
        mentions.reserveCapacity(candidates.count)
        var scalarOffset = 0
        var byteOffset = 0
        func scalars(upTo offset: Int) -> Int {
            while byteOffset < offset {
                if text[byteOffset] & 0xC0 != 0x80 { scalarOffset += 1 }
                byteOffset += 1
            }
            return scalarOffset
        }
        for candidate in candidates {
            let charStart = scalars(upTo: candidate.start)
            let charEnd = scalars(upTo: candidate.end)
            let bytes = UnsafeBufferPointer(rebasing: text[candidate.start..<candidate.end])
            let written = String(decoding: bytes, as: UTF8.self)
            var parsed: ParsedExpression?
            var parseError: String?
            var rewritten: [String] = []
            if let reading = scanner.read(candidate, in: text) {
                parsed = reading.parsed
                rewritten = reading.rewritten
            } else {
                guard keepsUnconfirmed else { continue }
                do {
                    parsed = try HGVSParser.parse(utf8: bytes, options: .lenient)
                } catch {
                    parseError = error.message(input: written)
                }
            }
            var gene: GeneName?
            var source: GeneSource?
            var unknownGene: String?
            let readings = parsed?.readings ?? []
            let needsGene = readings.contains { reading in
                if case .description(let d) = reading.expression { return d.reference == nil }
                return false
            }
            if !needsGene, parsed != nil {
                source = .reference
            } else if context != nil {
                (gene, source, unknownGene) = MentionExtractor.gene(
                    for: candidate, words: genes, sentenceStarts: sentenceStarts, text: text)
            }
            let attached = readings.map { reading -> Reading in
                guard let gene, case .description(var d) = reading.expression, d.reference == nil else {
                    return reading
                }
                d.reference = ReferenceSpecifier(Accession(gene.symbol, kind: .geneSymbol))
                var copy = reading
                copy.expression = .description(d)
                return copy
            }
            mentions.append(
                Mention(
                    start: candidate.start, end: candidate.end, charStart: charStart, charEnd: charEnd, text: written,
                    form: candidate.patternName, parsed: parsed, parseError: parseError, rewritten: rewritten,
                    gene: gene,
                    geneSource: source, unknownGene: unknownGene, readings: attached))
        }
        return mentions
    }

    /// The gene of one candidate: adjacent word (known wins over unknown), else the nearest before it in the
    /// sentence, else the one gene named after it in the sentence, else the document's most recent.
    static func gene(
        for candidate: MentionCandidate, words: [GeneWord], sentenceStarts: [Int], text: UnsafeBufferPointer<UInt8>
    ) -> (GeneName?, GeneSource?, String?) {
        // Index of the first word at or after the candidate's end.
        var after = 0
        while after < words.count, words[after].start < candidate.end { after += 1 }
        var before = after - 1
        while before >= 0, words[before].end > candidate.start { before -= 1 }
        let left = before >= 0 && adjacentLeft(words[before].end, candidate.start, text) ? words[before] : nil
        let right = after < words.count && adjacentRight(candidate.end, words[after].start, text) ? words[after] : nil
        if let known = left?.gene ?? right?.gene { return (known, .adjacent, nil) }
        if let left, GeneContext.looksLikeUnknownGene(left.text) { return (nil, nil, left.text) }
        // The sentence around the candidate.
        var lo = 0
        var hi = sentenceStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentenceStarts[mid] <= candidate.start { lo = mid + 1 } else { hi = mid }
        }
        let sentenceStart = sentenceStarts[max(lo - 1, 0)]
        let sentenceEnd = lo < sentenceStarts.count ? sentenceStarts[lo] : text.count
        var index = before
        while index >= 0, words[index].start >= sentenceStart {
            if let gene = words[index].gene { return (gene, .sentence, nil) }
            index -= 1
        }
        // After the mention, only when the rest of the sentence names one gene ("… c.665C>T, typical of MTHFR";
        // not "c.251A>G and the F5 and HBB variants").
        var following: GeneName?
        index = after
        while index < words.count, words[index].end <= sentenceEnd {
            if let gene = words[index].gene {
                if let first = following, first.symbol != gene.symbol {
                    following = nil
                    break
                }
                following = gene
            }
            index += 1
        }
        if let following { return (following, .sentence, nil) }
        index = before
        while index >= 0 {
            if let gene = words[index].gene { return (gene, .document, nil) }
            index -= 1
        }
        return (nil, nil, nil)
    }

    /// `STIM1 P165Q`, `STIM1:c.494C>A`, `STIM1 (P165Q)`, `STIM1-P165Q`, `STIM1 gene P165Q`.
    static func adjacentLeft(_ wordEnd: Int, _ start: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        gap(wordEnd, start, text, punctuation: " \t:(-,", words: ["", "gene"])
    }

    /// `P165Q (STIM1)`, `P165Q in STIM1`, `c.494C>A, STIM1`.
    static func adjacentRight(_ end: Int, _ wordStart: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        gap(end, wordStart, text, punctuation: " \t(", words: ["", "in", "of"])
    }

    private static func gap(
        _ from: Int, _ to: Int, _ text: UnsafeBufferPointer<UInt8>, punctuation: String, words: Set<String>
    ) -> Bool {
        guard from <= to, to - from <= 8 else { return false }
        let allowed = Set(punctuation.utf8)
        var letters: [UInt8] = []
        for index in from..<to {
            let byte = text[index]
            if allowed.contains(byte) { continue }
            guard StartFilter.isASCIILetter(byte) else { return false }
            letters.append(byte | 0x20)
        }
        return words.contains(String(decoding: letters, as: UTF8.self))
    }
}
