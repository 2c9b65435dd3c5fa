import Testing

@testable import VarSynCore

/// Every shorthand form of the issue reads into the tree its standard form gives, tagged with its form.
@Suite struct ShorthandTests {
    /// input, canonical HGVS of the first reading, form
    static let cases: [(String, String, NotationForm)] = [
        ("P165Q", "p.Pro165Gln", .proteinOneLetter),
        ("p.P165Q", "p.Pro165Gln", .noReference),
        ("V600E", "p.Val600Glu", .proteinOneLetter),
        ("R117X", "p.Arg117Ter", .legacyStop),
        ("R117*", "p.Arg117Ter", .proteinOneLetter),
        ("Pro165Gln", "p.Pro165Gln", .proteinThreeLetter),
        ("Arg72Pro", "p.Arg72Pro", .proteinThreeLetter),
        ("STIM1 P165Q", "STIM1:p.Pro165Gln", .geneProtein),
        ("STIM1:c.494C>A", "STIM1:c.494C>A", .geneReference),
        ("STIM1 p.Pro165Gln", "STIM1:p.Pro165Gln", .geneProtein),
        ("BRAF V600E", "BRAF:p.Val600Glu", .geneProtein),
        ("c.494C>A", "c.494C>A", .noReference),
        ("494C>A", "c.494C>A", .codingWithoutPrefix),
        ("C494A", "c.494C>A", .referencePositionAlternative),
        ("c.494C->A", "c.494C>A", .arrow),
        ("677 C-->T", "c.677C>T", .arrow),
        ("IVS2+1G>A", "c.IVS2+1G>A", .intronNumbering),
        ("IVS-II-1(G>A)", "c.IVS2+1G>A", .intronNumbering),
        ("IVS34 + 39T > C", "c.IVS34+39T>C", .intronNumbering),
        ("\u{0394}F508", "p.Phe508del", .deltaDeletion),
        ("delF508", "p.Phe508del", .deltaDeletion),
        ("delta F508", "p.Phe508del", .deltaDeletion),
        ("F508del", "p.Phe508del", .proteinOneLetter),
        ("185delAG", "c.185_186delAG", .legacyIndel),
        ("3020insC", "c.3020_3021insC", .legacyIndel),
        ("2393del9", "c.2393_2401del9", .legacyIndel),
        ("6174delT", "c.6174delT", .legacyIndel),
        ("exon 2 deletion", "c.EX2del", .exonLevel),
        ("EX2del", "c.EX2del", .exonLevel),
        ("c.EX2del", "c.EX2del", .exonLevel),
        ("rs74315465", "rs74315465", .dbSNP),
        ("chr11:g.4055634C>A", "11:g.4055634C>A", .chromosomeReference),
        ("chr11:4055634 C>A", "11:g.4055634C>A", .chromosomeReference),
        ("11-4055634-C-A", "11:g.4055634C>A", .vcf),
        ("11:4055634:C:A", "11:g.4055634C>A", .vcf),
        ("NC_000011.10:4055633:C:A", "NC_000011.10:g.4055634C>A", .spdi),
        ("p.Glu23ValfsX16", "p.Glu23ValfsTer16", .legacyStop),
        ("p.Arg117Stop", "p.Arg117Ter", .legacyStop),
        // tmVar1 forms: frameshifts with a bare X or a stop number after fs, and an intronic single-position insertion.
        ("p.Ser119fsX", "p.Ser119fs", .legacyStop),
        ("p.T3708fs3769", "p.Thr3708fsTer62", .legacyFrameshiftStop),
        ("C105Vfs114X", "p.Cys105ValfsTer10", .proteinOneLetter),
        ("p.S522fs 525stop", "p.Ser522fsTer4", .legacyFrameshiftStop),
        ("c.1146+25insA", "c.1146+25_1146+26insA", .noReference),
    ]

    @Test(arguments: cases)
    func readsShorthand(_ input: String, _ expected: String, _ form: NotationForm) throws {
        let parsed = try HGVSParser.parse(input)
        #expect(parsed.expression.hgvs() == expected)
        #expect(parsed.form == form)
    }

    @Test func ambiguousTextYieldsEveryReadingRanked() throws {
        let parsed = try HGVSParser.parse("C677T")
        #expect(parsed.readings.map { $0.expression.hgvs() } == ["c.677C>T", "p.Cys677Thr"])
        let insertion = try HGVSParser.parse("3020insC")
        #expect(insertion.readings.map { $0.expression.hgvs() } == ["c.3020_3021insC", "c.3019_3020insC"])
        let stop = try HGVSParser.parse("NP_000483.3:p.Arg117X")
        #expect(stop.readings.map { $0.expression.hgvs() } == ["NP_000483.3:p.Arg117Ter", "NP_000483.3:p.Arg117Xaa"])
    }

    /// A number after `fs` (tmVar1: `p.T3708fs3769`, `C105Vfs114X`) is the codon of the new stop or the HGVS count:
    /// past the changed residue both readings, the codon first; otherwise the count only. `fsX12` stays the count.
    @Test func legacyFrameshiftStopNumbersAreReadBothWays() throws {
        let codon = try HGVSParser.parse("p.T3708fs3769")
        #expect(codon.readings.map { $0.expression.hgvs() } == ["p.Thr3708fsTer62", "p.Thr3708fsTer3769"])
        #expect(codon.warnings.map(\.code) == [.frameshiftStopCodon])
        #expect(codon.warnings.first.map { [$0.start, $0.end] } == [9, 13])
        let bare = try HGVSParser.parse("C105Vfs114X")
        #expect(bare.readings.map { $0.expression.hgvs() } == ["p.Cys105ValfsTer10", "p.Cys105ValfsTer114"])
        let count = try HGVSParser.parse("p.Ser20fs15")
        #expect(count.readings.map { $0.expression.hgvs() } == ["p.Ser20fsTer15"])
        let withX = try HGVSParser.parse("p.S124fsX127")
        #expect(withX.readings.map { $0.expression.hgvs() } == ["p.Ser124fsTer127"])
        let noStop = try HGVSParser.parse("p.Ser119fsX")
        #expect(noStop.readings.map { $0.expression.hgvs() } == ["p.Ser119fs"])
        #expect(noStop.warnings.map(\.code) == [.stopAsX])
        #expect(throws: ParseError.self) { try HGVSParser.parse("p.Ser20fs1") }
        #expect(throws: ParseError.self) { try HGVSParser.parse("p.T3708fs3769Q") }
        #expect(throws: ParseError.self) { try HGVSParser.parse("p.Ser119fsXQ") }
        for input in ["NP_000483.3:p.Ser119fsX", "NP_000483.3:p.Thr3708fs3769", "NP_000483.3:p.Cys105Valfs114X"] {
            #expect(throws: ParseError.self, "\(input)") { try HGVSParser.parse(input, options: .strict) }
        }
    }

    /// An insertion at one intronic position reads with both flanks along the transcript, as `c.52insT` does.
    @Test func intronicSinglePositionInsertionHasBothFlanks() throws {
        let cases: [(String, [String])] = [
            ("c.1146+25insA", ["c.1146+25_1146+26insA", "c.1146+24_1146+25insA"]),
            ("c.1146+1insA", ["c.1146+1_1146+2insA", "c.1146_1146+1insA"]),
            ("c.357-3insA", ["c.357-3_357-2insA", "c.357-4_357-3insA"]),
            ("c.357-1insA", ["c.357-1_357insA", "c.357-2_357-1insA"]),
            ("NM_004006.2:c.*12+3insTT", ["NM_004006.2:c.*12+3_*12+4insTT", "NM_004006.2:c.*12+2_*12+3insTT"]),
        ]
        for (input, expected) in cases {
            let parsed = try HGVSParser.parse(input)
            #expect(parsed.readings.map { $0.expression.hgvs() } == expected, "\(input)")
            #expect(parsed.warnings.map(\.code) == [.singlePositionInsertion], "\(input)")
            // Each reading is canonical HGVS that strict mode reads back to the same tree.
            for reading in parsed.readings {
                let strict = try HGVSParser.parse(reading.expression.hgvs(), options: .strict)
                #expect(strict.expression == reading.expression, "\(input)")
            }
        }
        #expect(throws: ParseError.self) { try HGVSParser.parse("NM_004006.2:c.1146+25insA", options: .strict) }
        #expect(throws: ParseError.self) { try HGVSParser.parse("c.52+?insT") }
        // `118-119insA` is the legacy range 118_119 (tmVar1), not base 118 with offset -119.
        #expect(throws: ParseError.self) { try HGVSParser.parse("c.118-119insA") }
        #expect(throws: ParseError.self) { try HGVSParser.parse("c.1558-1559insA") }
    }

    @Test func shorthandIsRejectedInStrictMode() {
        for (input, _, form) in Self.cases where form != .noReference && form != .geneReference {
            #expect(throws: ParseError.self, "\(input)") { try HGVSParser.parse(input, options: .strict) }
        }
    }
}
