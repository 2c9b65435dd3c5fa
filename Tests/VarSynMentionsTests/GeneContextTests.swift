import Testing
import VarSynCore

@testable import VarSynMentions

/// A small lexicon in the shape of the table's: symbols, and aliases that name them (looked up case-insensitively).
struct DictionaryLexicon: GeneLexicon {
    static let symbols = ["STIM1", "MTHFR", "BRAF", "CAT", "SET", "TP53", "ORAI1", "C9orf72"]
    static let aliases = ["GOK": "STIM1", "MAY": "SET", "TAM": "STIM1", "P53": "TP53", "IMPACT": "BRAF"]

    func gene(named word: String) -> GeneName? {
        let upper = word.uppercased()
        if let symbol = Self.symbols.first(where: { $0.uppercased() == upper }) {
            return GeneName(symbol: symbol, isAlias: false)
        }
        return Self.aliases[upper].map { GeneName(symbol: $0, isAlias: true) }
    }
}

@Suite("Gene context and mention extraction")
struct GeneContextTests {
    let extractor = MentionExtractor(scanner: try! MentionScanner(), lexicon: DictionaryLexicon())

    func genes(_ text: String) -> [String] {
        var copy = text
        return copy.withUTF8 { text in
            GeneContext(lexicon: DictionaryLexicon()).geneWords(in: text).compactMap { $0.gene?.symbol }
        }
    }

    @Test("adjacent symbol before or after the mention, in the forms people write")
    func adjacent() throws {
        for (text, mentionText) in [
            ("STIM1 P165Q", "P165Q"), ("P165Q (STIM1)", "P165Q"), ("STIM1:c.494C>A", "c.494C>A"),
            ("the STIM1 gene c.494C>A change", "c.494C>A"), ("GOK P165Q", "P165Q"), ("P165Q in STIM1", "P165Q"),
        ] {
            let mentions = extractor.mentions(in: text)
            let mention = try #require(mentions.first, "\(text)")
            #expect(mentions.count == 1)
            #expect(mention.text == mentionText)
            #expect(mention.gene?.symbol == "STIM1", "\(text)")
            #expect(mention.geneSource == .adjacent, "\(text)")
        }
        let mention = try #require(extractor.mentions(in: "STIM1 P165Q").first)
        #expect(mention.readings.first?.expression.hgvs() == "STIM1:p.Pro165Gln")
    }

    @Test("sentence gene, then the document's most recent gene; none before the first gene")
    func sentenceAndDocument() {
        let text = "We saw c.1A>G first. In MTHFR we then found the c.665C>T variant. Later, c.100del was seen."
        let mentions = extractor.mentions(in: text)
        #expect(mentions.map(\.text) == ["c.1A>G", "c.665C>T", "c.100del"])
        #expect(mentions[0].gene == nil)
        #expect(mentions[0].lacksReference)
        #expect(mentions[1].gene?.symbol == "MTHFR")
        #expect(mentions[1].geneSource == .sentence)
        #expect(mentions[2].gene?.symbol == "MTHFR")
        #expect(mentions[2].geneSource == .document)
    }

    @Test("a sentence gene after the mention is used when none comes before it in the sentence")
    func sentenceGeneAfter() {
        let mentions = extractor.mentions(in: "Carriers of c.665C>T were frequent, as expected for MTHFR.")
        #expect(mentions.first?.gene?.symbol == "MTHFR")
        #expect(mentions.first?.geneSource == .sentence)
        // Two genes after it: neither is taken; the document's most recent gene is.
        let two = extractor.mentions(
            in: "STIM1 was sequenced.\n\nTesting for c.251A>G and the MTHFR and BRAF variants.")
        #expect(two.first?.gene?.symbol == "STIM1")
        #expect(two.first?.geneSource == .document)
    }

    @Test("common words are not genes: lower-case symbols, common-word aliases, mixed case")
    func falseHits() {
        #expect(genes("the cat sat on a set and may help") == [])
        #expect(genes("MAY and IMPACT are written in capitals here") == [])
        #expect(genes("Stim1 and Braf in mouse nomenclature") == [])
        #expect(genes("CAT and SET in capitals are the symbols") == ["CAT", "SET"])
        #expect(genes("GOK, TAM and P53 are aliases") == ["STIM1", "STIM1", "TP53"])
        #expect(genes("C9orf72 exact case") == ["C9orf72"])
        #expect(genes("Asp506Gly and Thr154 are not genes") == [])
    }

    @Test("an unknown gene-shaped word next to a mention is reported, not replaced by another gene")
    func unknownAdjacentGene() throws {
        let mentions = extractor.mentions(in: "In STIM1 we found it. FAKE9 R123W was also seen.")
        let mention = try #require(mentions.first)
        #expect(mention.text == "R123W")
        #expect(mention.gene == nil)
        #expect(mention.unknownGene == "FAKE9")
        #expect(mention.lacksReference)
    }

    @Test("mentions with their own reference need no gene")
    func ownReference() throws {
        let mentions = extractor.mentions(in: "MTHFR NM_005957.4:c.665C>T and rs1801133")
        #expect(mentions.map(\.geneSource) == [.reference, .reference])
        #expect(mentions.allSatisfy { !$0.lacksReference })
    }

    @Test("confirmed candidates become mentions (prose read as rebuilt HGVS); all of them with keepsUnconfirmed")
    func confirmedCandidatesReported() throws {
        let text = "A C to T transition at nucleotide 677 and G/A alleles; STIM1 P165Q; c.494C>A."
        var copy = text
        let candidates = copy.withUTF8 { extractor.scanner.candidates(in: $0) }
        #expect(candidates.count == 4)
        let mentions = extractor.mentions(in: text)
        // `G/A alleles` has no position: neither the parser nor the prose reader reads it.
        #expect(mentions.map(\.text) == ["C to T transition at nucleotide 677", "P165Q", "c.494C>A"])
        #expect(mentions.allSatisfy { $0.parsed != nil })
        #expect(mentions[0].rewritten == ["c.677C>T"])
        #expect(mentions[1].rewritten.isEmpty)
        let all = MentionExtractor(scanner: extractor.scanner, lexicon: nil, keepsUnconfirmed: true).mentions(in: text)
        #expect(all.map(\.start) == candidates.map(\.start))
        let unread = try #require(all.first { $0.parsed == nil })
        #expect(unread.text == "G/A")
        #expect(unread.parseError != nil)
    }

    @Test("byte and Unicode scalar offsets with non-ASCII text before the mention")
    func offsets() throws {
        let text = "Lésion «STIM1 P165Q» — ΔF508"
        let mentions = extractor.mentions(in: text)
        let first = try #require(mentions.first)
        let scalars = Array(text.unicodeScalars)
        #expect(first.text == "P165Q")
        #expect(String(String.UnicodeScalarView(scalars[first.charStart..<first.charEnd])) == "P165Q")
        #expect(Array(text.utf8)[first.start..<first.end].elementsEqual("P165Q".utf8))
        let delta = try #require(mentions.last)
        #expect(String(String.UnicodeScalarView(scalars[delta.charStart..<delta.charEnd])) == delta.text)
    }

    @Test("invalid UTF-8, repaired before scanning, never crashes")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("STIM1 ".utf8) + [0xFF, 0xC3, 0x28] + Array(" P165Q \u{00E9}".utf8) + [0xE2, 0x82]
        let repaired = String(decoding: bytes, as: UTF8.self)
        let mentions = extractor.mentions(in: repaired)
        #expect(mentions.map(\.text) == ["P165Q"])
        #expect(mentions.first?.gene?.symbol == "STIM1")
    }

    @Test("sentence starts skip c. and p. abbreviations and wrapped lines; a blank line is a boundary")
    func sentences() {
        var text = "See c. 1663 C>A here. And p. Arg72Pro! Next\nline wrapped.\n\n  new paragraph"
        let starts = text.withUTF8 { Sentences.starts(in: $0) }
        #expect(starts == [0, 22, 39, 61])
    }
}
