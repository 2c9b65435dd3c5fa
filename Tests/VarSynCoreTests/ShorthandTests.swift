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

    @Test func shorthandIsRejectedInStrictMode() {
        for (input, _, form) in Self.cases where form != .noReference && form != .geneReference {
            #expect(throws: ParseError.self, "\(input)") { try HGVSParser.parse(input, options: .strict) }
        }
    }
}
