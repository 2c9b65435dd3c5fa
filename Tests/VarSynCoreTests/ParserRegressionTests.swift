import Testing

@testable import VarSynCore

/// Parser bugs found by the conformance suites, one test each, named after what broke.
@Suite struct ParserRegressionTests {
    @Test func substitutionOnARangeIsRejectedInStrictMode() {
        #expect(throws: ParseError.self) { try HGVSParser.parse("NM_004006.2:c.1_10A>C", options: .strict) }
        #expect(throws: ParseError.self) { try HGVSParser.parse("NC_000001.11:g.1_22A>T", options: .strict) }
        #expect(canonical("NM_004006.2:c.76A>C", .strict) == "NM_004006.2:c.76A>C")
    }

    @Test func upperCaseRNABasesIncludingUAreFoldedInLenientMode() throws {
        let parsed = try HGVSParser.parse("NM_004006.2:r.76+3A>U")
        #expect(parsed.expression.hgvs() == "NM_004006.2:r.76+3a>u")
        #expect(parsed.warnings.contains { $0.code == .caseFolded })
        #expect(canonical("NM_004006.2:r.1delACGU") == "NM_004006.2:r.1delacgu")
        #expect(throws: ParseError.self) { try HGVSParser.parse("NM_004006.2:r.76A>U", options: .strict) }
    }

    @Test func refSeqPrefixWithoutNumberIsNotAGeneSymbol() {
        #expect(throws: ParseError.self) { try HGVSParser.parse("NM_:c.76A>C", options: .strict) }
        #expect(throws: ParseError.self) { try HGVSParser.parse("NM_:c.76A>C") }
        #expect(canonical("NM_X3:c.76A>C") == "NM_X3:c.76A>C")
    }

    @Test func retiredConversionNamingItsSourceWithoutBracketsIsReadInLenientMode() throws {
        let text = "NC_000022.10:g.42522624_42522669conNG_012232.1:g.9456_10011"
        let parsed = try HGVSParser.parse(text)
        #expect(parsed.expression.hgvs() == "NC_000022.10:g.42522624_42522669con[NG_012232.1:g.9456_10011]")
        #expect(parsed.warnings.contains { $0.code == .conversion })
        #expect(try HGVSParser.parse(parsed.expression.hgvs()).expression == parsed.expression)
        #expect(throws: ParseError.self) { try HGVSParser.parse(text, options: .strict) }
    }

    @Test func preVersion21NTerminalExtensionWithNewResidueIsReadInLenientMode() throws {
        let parsed = try HGVSParser.parse("NP_000001.1:p.Met1Valext-10")
        #expect(parsed.expression.hgvs() == "NP_000001.1:p.Met1extVal-10")
        #expect(try HGVSParser.parse(parsed.expression.hgvs()).expression == parsed.expression)
        #expect(throws: ParseError.self) { try HGVSParser.parse("NP_000001.1:p.Met1Valext-10", options: .strict) }
    }
}

extension ParserRegressionTests {
    @Test func geneWithAminoAcidChangeWhoseLettersAreAmbiguityCodesReadsAsProtein() throws {
        #expect(canonical("KRAS G12D") == "KRAS:p.Gly12Asp")
        #expect(canonical("NRAS G13V") == "NRAS:p.Gly13Val")
        #expect(canonical("G13R") == "p.Gly13Arg")
        #expect(try HGVSParser.parse("C677T").readings.map { $0.expression.hgvs() } == ["c.677C>T", "p.Cys677Thr"])
    }
}
