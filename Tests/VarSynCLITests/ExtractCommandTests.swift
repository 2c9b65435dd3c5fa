import Foundation
import Testing
import VarSynMentions
import VarSynNormalize
import VarSynReference

@testable import VarSynCLI

/// `varsyn extract` on the embedded default table: one JSON line per mention, with key, status and reason.
@Suite struct ExtractCommandTests {
    static let table = try! ReferenceTable.embeddedDefault()
    let extractor = MentionExtractor(scanner: try! MentionScanner(), lexicon: TableGeneLexicon(table: table))
    let resolver = MentionResolver(provider: TableReferenceProvider(table))

    func run(_ text: String) throws -> [[String: Any]] {
        try extractor.mentions(in: text).map { mention in
            let line = ExtractJSON.line(doc: "d", mention, resolver.resolve(mention))
            return try #require(JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        }
    }

    @Test func resolvedProteinAndCodingMentionsShareTheKey() throws {
        let lines = try run("STIM1 P165Q was found; STIM1:c.494C>A is the same change.")
        #expect(lines.count == 2)
        for line in lines {
            #expect(line["status"] as? String == "resolved")
            #expect(line["key"] as? String == "NC_000011.10:4055633:C:A")
            #expect(line["hgvs"] as? String == "NM_003156.3:c.494C>A")
            #expect(line["gene"] as? String == "STIM1")
        }
        #expect(lines[0]["protein_key"] as? String == "NP_003147.2:p.Pro165Gln")
        #expect(lines[0]["start"] as? Int == 6)
        #expect(lines[0]["end"] as? Int == 11)
        #expect(lines[0]["char_start"] as? Int == 6)
    }

    /// ΔF508 back-translates to two deletions with different keys: the real one, c.1521_1523del (CTT, leaving
    /// Ile507 as ATT), and the codon deletion c.1522_1524del (TTT); the mention is ambiguous between them.
    @Test func deltaF508ResolvesToItsTwoDeletions() throws {
        let lines = try run("the ΔF508 mutation in CFTR")
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line["status"] as? String == "ambiguous")
        #expect(line["hgvs"] as? String == "NM_000492.3:c.1521_1523del")
        #expect(line["key"] as? String == "NC_000007.14:117559590:TCTT:T")
        #expect(line["protein_key"] as? String == "NP_000483.3:p.Phe508del")
        let readings = try #require(line["readings"] as? [[String: Any]])
        #expect(
            readings.compactMap { $0["hgvs"] as? String } == [
                "NM_000492.3:c.1521_1523del", "NM_000492.3:c.1522_1524del",
            ])
    }

    @Test func unresolvedMentionsSayWhy() throws {
        let cases: [(String, String)] = [
            ("STIM1 L197P", "reference-mismatch"),  // residue 197 is Thr
            ("STIM1 P9999Q", "position-outside-transcript"),
            ("FAKE9 R123W", "gene-not-in-table"),
            ("A variant c.100A>G with no gene.", "gene-unknown"),
            ("CAT c.100A>G", "gene-not-in-table"),  // a gene with no transcript in the default table
            ("A C to T transition at nucleotide 677", "gene-unknown"),  // read as c.677C>T, no gene
        ]
        for (text, reason) in cases {
            let lines = try run(text)
            let line = try #require(lines.first, "\(text)")
            #expect(line["status"] as? String == "unresolved", "\(text)")
            #expect(line["reason"] as? String == reason, "\(text): \(line)")
            #expect(line["detail"] is String, "\(text)")
        }
        let mismatch = try #require(try run("STIM1 L197P").first)
        #expect((mismatch["detail"] as? String)?.contains("p.197 is Thr") == true)
    }

    /// Prose is read as the standard description the parser confirms, and resolved like any mention; the JSON
    /// keeps the span as written and says what was read (`rewritten`).
    @Test func proseMentionsResolve() throws {
        let nucleotide = try #require(try run("In STIM1 we found a C to A transversion at nucleotide 494.").first)
        #expect(nucleotide["text"] as? String == "C to A transversion at nucleotide 494")
        #expect(nucleotide["rewritten"] as? [String] == ["c.494C>A"])
        #expect(nucleotide["status"] as? String == "resolved")
        #expect(nucleotide["key"] as? String == "NC_000011.10:4055633:C:A")
        let protein = try #require(try run("STIM1: substitution of proline by glutamine at codon 165.").first)
        #expect(protein["interpreted"] as? String == "STIM1:p.Pro165Gln")
        #expect(protein["key"] as? String == "NC_000011.10:4055633:C:A")
        // "X for Y" is read both ways; only Pro165Gln fits the reference (residue 165 is Pro).
        let either = try #require(try run("STIM1: substitution of glutamine for proline at codon 165.").first)
        #expect(either["rewritten"] as? [String] == ["p.Gln165Pro", "p.Pro165Gln"])
        #expect(either["status"] as? String == "resolved")
        #expect(either["key"] as? String == "NC_000011.10:4055633:C:A")
    }

    /// Candidates no reading confirms are not mentions, unless asked for (`--unconfirmed`): then not-parsed.
    @Test func unconfirmedCandidatesOnlyOnRequest() throws {
        let text = "STIM1 G/A polymorphism and STIM1 P165Q."
        #expect(try run(text).map { $0["text"] as? String } == ["P165Q"])
        let all = MentionExtractor(
            scanner: try MentionScanner(), lexicon: TableGeneLexicon(table: Self.table), keepsUnconfirmed: true)
        let mentions = all.mentions(in: text)
        #expect(mentions.map(\.text) == ["G/A", "P165Q"])
        let unread = resolver.resolve(mentions[0])
        #expect(unread.status == .unresolved)
        #expect(unread.reason == "not-parsed")
    }

    @Test func ambiguousFormListsItsReadings() throws {
        let line = try #require(try run("MTHFR C677T").first)
        let readings = try #require(line["readings"] as? [[String: Any]])
        #expect(readings.map { $0["interpreted"] as? String } == ["MTHFR:c.677C>T", "MTHFR:p.Cys677Thr"])
        // Legacy numbering: c.677 is T on NM_005957.4 (the variant is c.665C>T today); residue 677 does not exist.
        #expect(line["status"] as? String == "unresolved")
        #expect(line["reason"] as? String == "reference-mismatch")
    }

    @Test func rsIDResolvesThroughTheIndex() throws {
        let line = try #require(try run("rs184479614").first)
        #expect(line["status"] as? String == "resolved")
        #expect(line["key"] as? String == "NC_000012.12:121626631:C:T")
        #expect(line["rsids"] as? [String] == ["rs184479614"])
    }

    @Test func htmlEscapesTheInput() throws {
        let text = "<script>alert(1)</script> STIM1 P165Q & \"x\""
        let mentions = extractor.mentions(in: text)
        var report = ExtractHTMLReport()
        report.add(document: "<doc>", text: text, mentions: mentions.map { ($0, resolver.resolve($0)) })
        let html = report.finish()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;doc&gt;"))
        #expect(html.contains("<mark class=\"resolved\""))
        #expect(html.contains("NC_000011.10:4055633:C:A"))
    }
}
