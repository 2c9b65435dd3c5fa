import Testing

@testable import VarSynMentions

@Suite("Mention scanner")
struct MentionScannerTests {
    /// A fresh scanner (a scanner reuses its match data, so parallel tests must not share one).
    static var scanner: MentionScanner? { try? MentionScanner() }

    /// The text each candidate covers.
    static func spans(_ text: String) -> [String] {
        guard let scanner else { return ["no scanner"] }
        let bytes = Array(text.utf8)
        return scanner.candidates(in: text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(
        "non-standard notations from issue 5 are found whole",
        arguments: [
            "G-395A", "IVS34 + 39T > C", "delta F508", "c. 1663 C>A", "Arg72Pro", "C677T", "677 C-->T",
            "Thr154 to Met", "C to T transition at nucleotide 677", "rs1801133", "-308 G> A", "p. K237N",
            "c.1106G®A", "c.1106G!A", "-1082 A/G", "2393del9", "ΔF508", "deltaF508",
            "substitution of proline for glutamine at codon 165", "c.494C→A", "c.94–2A>G", "c.76\u{A0}A>G",
            "p.Arg97fsX23", "NM_004006.2:c.76_78delACT", "chr11:4000000C>A", "V600E", "R117X", "E746_A750del",
            "IVS2+1G>A", "c.2235_2249del15", "p.(Trp24Cys)", "p.Leu54Leu", "W24X",
        ])
    func findsWholeMention(_ mention: String) {
        #expect(MentionScannerTests.spans("The \(mention) variant was seen.") == [mention])
    }

    @Test(
        "text that only looks like a variant is not reported",
        arguments: [
            "T24 cells", "HEK293T cells", "A549 cells", "on 2010-05-12", "Fig. 3A", "Figure S2B",
            "type 2 diabetes (T2D)",
            "the H1N1 virus", "HbA1c was 7%", "CD4 T cells", "IL-6 levels", "p < 0.05", "1.5-fold", "K562 and MCF7",
            "the C4A gene",
        ])
    func ignoresLookalikes(_ text: String) {
        #expect(MentionScannerTests.spans("We used \(text) here.") == [])
    }

    @Test("offsets are UTF-8 bytes and the pattern name names the form")
    func offsetsAndNames() throws {
        let scanner = try #require(MentionScannerTests.scanner)
        let found = scanner.candidates(in: "Ünïcode: MTHFR C677T and rs1801133.")
        #expect(found.map(\.start) == [17, 27])
        #expect(found.map(\.end) == [22, 36])
        #expect(found.map(\.patternName) == ["nucleotide_ref_pos_alt", "rs_id"])
    }

    @Test("invalid UTF-8 around and inside candidates never crashes")
    func invalidUTF8() throws {
        let scanner = try #require(MentionScannerTests.scanner)
        var bytes: [UInt8] =
            [0xFF, 0xFE, 0x20] + Array("C677T".utf8) + [0x20, 0xC3] + Array(" c.76".utf8) + [0xE2, 0x86]
        bytes += Array("A>G rs12345 ".utf8) + [0xF0, 0x9F]
        let found = bytes.withUnsafeBufferPointer { scanner.candidates(in: $0) }
        #expect(found.contains { String(decoding: bytes[$0.range], as: UTF8.self) == "C677T" })
        #expect(found.contains { String(decoding: bytes[$0.range], as: UTF8.self) == "rs12345" })
        for length in 0...bytes.count {
            _ = bytes.prefix(length).withUnsafeBufferPointer { scanner.candidates(in: $0) }
        }
    }

    @Test("empty text has no candidates")
    func emptyText() throws {
        let scanner = try #require(MentionScannerTests.scanner)
        #expect(scanner.candidates(in: "").isEmpty)
        #expect([UInt8]().withUnsafeBufferPointer { scanner.candidates(in: $0) }.isEmpty)
    }

    @Test("the start filter and first-byte dispatch lose nothing against an unanchored search (tmVar1)")
    func filteredStartsEqualUnanchoredSearch() throws {
        let fast = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .filteredStarts)
        let reference = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .unanchoredSearch)
        var texts = try TmVar1.load().map(\.text)
        texts.append(
            "CCR5Delta32 FOXP3-924 A/G and CCR5Δ32, c.76\u{A0}A>G, G → A at nucleotide 5 and A to G at codon 3")
        // Forms the start filter's word rules name that the pattern file's examples do not quote.
        texts.append(
            "A=>G transition at nucleotide 5, a==>g, C&gt;T, G!A, T +12C, G1 by T, X:100:A:G, X-100-A-G, "
                + "11-4000000-CTTG-A, 7:1234:G:C, -12 (-TG), -5 deletion/ATT, 8 insertion/GC, 9delins, 3 A / G, "
                + "Y-4000000-C-A, substitution of an alanine for valine, replacement of\na lysine by arginine, "
                + "c.IVS2+1G>A, (a-->g) transition at position 7, g→a, del\u{A0}F508, ins 6 bp, indel 5 bp, "
                + "codon 12 (GGT-->GAT), intron 9,\u{A0}+15G-->T, AT344-345ins, C3del, M:12:A:T")
        for text in texts {
            #expect(fast.candidates(in: text) == reference.candidates(in: text))
        }
    }

    /// Every example quoted in the pattern file's comments, alone, after prose, glued after a word and in
    /// parentheses: the start filter's word rule (`StartFilter.mayStartPattern`) must not lose any of them.
    @Test("the start filter loses none of the pattern file's examples")
    func filteredStartsKeepEveryExample() throws {
        let fast = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .filteredStarts)
        let reference = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .unanchoredSearch)
        var examples: [String] = []
        for line in embeddedMentionPatterns.split(separator: "\n") where line.hasPrefix("#") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            for index in stride(from: 1, to: parts.count - 1, by: 2) { examples.append(String(parts[index])) }
        }
        #expect(examples.count > 100)
        for example in examples {
            for text in [example, "we found \(example) here", "gene\(example)", "(\(example))", "x, \(example)."] {
                let found = fast.candidates(in: text)
                #expect(found == reference.candidates(in: text), "\(text)")
            }
        }
    }

    /// The same examples inside long prose, at every offset within the filter's 32-byte blocks and at several
    /// distances from the nearest digit, in ASCII and in non-ASCII prose: the block loop's far/near split and its
    /// masks must give what the byte loop gives.
    @Test("the start filter's 32-byte blocks lose none of the examples at any offset")
    func filteredStartsKeepEveryExampleAtEveryOffset() throws {
        let fast = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .filteredStarts)
        let reference = try MentionScanner(patternFileText: embeddedMentionPatterns, strategy: .unanchoredSearch)
        var examples: [String] = []
        for line in embeddedMentionPatterns.split(separator: "\n") where line.hasPrefix("#") {
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            for index in stride(from: 1, to: parts.count - 1, by: 2) { examples.append(String(parts[index])) }
        }
        let fillers = [
            "the patients carried the variant in the promoter region and were followed for several years to see ",
            "l\u{2019}allèle β-globine — étude des délétions chez les patients atteints, résumé et données ",
        ]
        var compared = 0
        for example in examples {
            for filler in fillers {
                for shift in 0..<32 {
                    let text = String(filler.prefix(shift + 20)) + " " + example + " and " + filler + example
                    #expect(fast.candidates(in: text) == reference.candidates(in: text), "\(text)")
                    compared += 1
                }
            }
        }
        #expect(compared > 6_000)
    }
}

@Suite("Candidate confirmation by the core parser")
struct MentionConfirmationTests {
    @Test("clean and shorthand candidates are confirmed; out-of-range candidates are not")
    func confirmsCandidates() throws {
        let scanner = try MentionScanner()
        let bytes = Array("Carriers of c.1517A>G and V600E.".utf8)
        bytes.withUnsafeBufferPointer { text in
            let found = scanner.candidates(in: text)
            #expect(found.count == 2)
            #expect(scanner.confirm(found[0], in: text) != nil)
            #expect(scanner.confirm(MentionCandidate(start: 5, end: 500, patternName: "x"), in: text) == nil)
        }
    }

    /// Prose and slash-allele forms: the prose reader's rebuilt description, as the parser prints it back.
    @Test(
        "prose forms are read through the pattern's named parts",
        arguments: [
            ("C-->T transition at nucleotide 677", ["c.677C>T"]),
            ("A to G substitution in nucleotide 1517", ["c.1517A>G"]),
            ("G>T substitution at nucleotide c.898", ["c.898G>T"]),
            ("G>A substitution at nucleotide +1 of intron 2", ["c.IVS2+1G>A"]),
            ("GTT-->GCT transition at codon 23", ["c.68T>C"]),
            ("arginine to glutamine substitution at residue 753", ["p.Arg753Gln"]),
            ("Ser-->Cys substitution at the codon 326", ["p.Ser326Cys"]),
            ("substitution of serine by proline at codon 1235", ["p.Ser1235Pro"]),
            ("substitution of a stop codon for glutamine at codon 298", ["p.Ter298Gln", "p.Gln298Ter"]),
            ("substitution of lysine for glutamic acid at amino acid 325", ["p.Lys325Glu", "p.Glu325Lys"]),
            ("Thr154 to Met", ["p.Thr154Met"]),
            ("Glu 272 to stop", ["p.Glu272Ter"]),
            ("arginine 124-to-cysteine", ["p.Arg124Cys"]),
            ("glycine-594-valine", ["p.Gly594Val"]),
            ("leucine 269 to phenylalanine", ["p.Leu269Phe"]),
            ("-1082 A/G", ["c.-1082A>G"]),
            ("-866 promoter (G/A)", ["c.-866G>A"]),
            ("+3100 T/G", ["c.3100T>G"]),
            ("T/C-344", ["c.-344T>C"]),
            ("G6410 by T", ["c.6410G>T"]),
            ("intron 2, -352G-->A", ["c.IVS2-352G>A"]),
            ("c2403T --> C", ["c.2403T>C"]),
            ("IVSII-1 (G > A)", ["c.IVS2-1G>A"]),
            ("codon 26, GAG-->GCG", ["c.77A>C"]),
            ("Val624-Val625del", ["p.Val624_Val625del"]),
            ("-611 (-T)", ["c.-611delT"]),
            ("A to G transition at\n   nucleotide 251", ["c.251A>G"]),
            ("substitution of aspartic acid by\nglycine at codon 84", ["p.Asp84Gly"]),
            ("codon 9 (GAC-->TAT)", ["c.25_27delinsTAT"]),
            ("118-119insA", ["c.118_119insA"]),
            ("c.1558-1559insA", ["c.1558_1559insA"]),
            ("g.99367-102002del", ["g.99367_102002del"]),
        ])
    func proseRead(text: String, expected: [String]) throws {
        let scanner = try MentionScanner()
        let padded = "We found the " + text + " change."
        var copy = padded
        let (candidates, reading) = copy.withUTF8 { bytes in
            let candidates = scanner.candidates(in: bytes)
            return (candidates, candidates.first.flatMap { scanner.read($0, in: bytes) })
        }
        #expect(candidates.count == 1)
        let written = candidates.first.map { String(decoding: Array(padded.utf8)[$0.range], as: UTF8.self) }
        #expect(written == text)
        let read = try #require(reading)
        // The parser reads some of these as written (`-1082 A/G`): then nothing was rewritten.
        #expect(read.rewritten.isEmpty || read.rewritten == expected)
        #expect(read.parsed.readings.map { $0.expression.hgvs() } == expected)
    }

    /// A base, a position and the same base is a genotype, not a change: found, not confirmed. The same residue
    /// twice is a synonymous change (tmVar1 annotates `Ser424Ser`, `D418D`): confirmed.
    @Test("genotype labels (G1359G) are not confirmed; synonymous protein changes are")
    func genotypeLabels() throws {
        let scanner = try MentionScanner()
        var text = "wild type G1359G and C1256088C versus G1359A; Ser424Ser and D418D."
        let (found, confirmed) = text.withUTF8 { bytes in
            let candidates = scanner.candidates(in: bytes)
            return (
                candidates.map { String(decoding: Array(bytes[$0.range]), as: UTF8.self) },
                candidates.filter { scanner.confirm($0, in: bytes) != nil }.map {
                    String(decoding: Array(bytes[$0.range]), as: UTF8.self)
                }
            )
        }
        #expect(found == ["G1359G", "C1256088C", "G1359A", "Ser424Ser", "D418D"])
        #expect(confirmed == ["G1359A", "Ser424Ser", "D418D"])
    }

    /// Forms with parts that do not make a variant are not read (so not confirmed).
    @Test(
        "prose without a position, or with an exon-relative one, is not read",
        arguments: [
            "substitution of alanine by valine", "G/A polymorphism", "C-->T",
            "A to G transition at nucleotide +79 of exon 41", "G-->A substitution at codon 1763",
        ])
    func proseNotRead(text: String) throws {
        let scanner = try MentionScanner()
        var copy = "We found the " + text + " change."
        let candidates = copy.withUTF8 { scanner.candidates(in: $0) }
        #expect(candidates.count == 1)
        let confirmed = copy.withUTF8 { bytes in candidates.compactMap { scanner.confirm($0, in: bytes) } }
        #expect(confirmed.isEmpty)
    }

    /// How many tmVar1 candidates the parser confirms, as written or through the prose reader (printed).
    @Test("confirmation rate on tmVar1 candidates is reported")
    func confirmationRate() throws {
        let scanner = try MentionScanner()
        var total = 0
        var confirmed = 0
        var byPattern: [String: (Int, Int)] = [:]
        for document in try TmVar1.load() {
            let bytes = Array(document.text.utf8)
            bytes.withUnsafeBufferPointer { text in
                for candidate in scanner.candidates(in: text) {
                    let ok = scanner.confirm(candidate, in: text) != nil
                    total += 1
                    confirmed += ok ? 1 : 0
                    let counts = byPattern[candidate.patternName] ?? (0, 0)
                    byPattern[candidate.patternName] = (counts.0 + (ok ? 1 : 0), counts.1 + 1)
                }
            }
        }
        print(
            "tmVar1 candidates confirmed (HGVSParser lenient, as written or via the prose reader): \(confirmed)/\(total)"
        )
        for (name, counts) in byPattern.sorted(by: { $0.key < $1.key }) { print("  \(name): \(counts.0)/\(counts.1)") }
        #expect(total > 0)
    }
}
