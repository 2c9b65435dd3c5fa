import Testing
import VarSynCore
import VarSynNormalize

@Suite("Protein back-translation on a small transcript")
struct ProteinBackTranslationTests {
    static let transcript = ProteinConsequenceTests.transcript

    @Test("missense: single-base changes first, then two- and three-base delins")
    func missense() throws {
        let b = try Self.transcript.backTranslate(residue: 7, from: .pro, to: .gln)
        #expect(b.referenceCodon == "CCA")
        #expect(b.codonStart == 19)
        #expect(b.candidates.map { $0.hgvs() } == ["NM_000001.1:c.20C>A", "NM_000001.1:c.20_21delinsAG"])
        #expect(b.singleNucleotide.map(\.codon) == ["CAA"])
        #expect(b.multiNucleotide.map(\.changedBases) == [2])
    }

    @Test("codon changes: the same answer without text, in the same order")
    func codonChanges() throws {
        let changes = try Self.transcript.codonChanges(residue: 6, from: .trp, to: .ter)
        #expect(changes.referenceCodon == 58)  // TGG
        #expect(changes.map { ProteinCodonTable.codonTexts[$0.codon] } == ["TAG", "TGA", "TAA"])
        #expect(changes.map(\.first) == [17, 18, 17])
        #expect(changes.map(\.last) == [17, 18, 18])
        #expect(changes.map(\.changedBases) == [1, 1, 2])
    }

    @Test("nonsense and synonymous")
    func nonsenseAndSynonymous() throws {
        let stop = try Self.transcript.backTranslate(residue: 6, from: .trp, to: .ter)
        #expect(
            stop.candidates.map { $0.hgvs() } == [
                "NM_000001.1:c.17G>A", "NM_000001.1:c.18G>A", "NM_000001.1:c.17_18delinsAA",
            ])
        let silent = try Self.transcript.backTranslate(
            ProteinVariant(location: Location(ProteinPosition(residue: .pro, number: 7)), edit: .identity))
        #expect(
            silent.candidates.map { $0.hgvs() } == [
                "NM_000001.1:c.21A>C", "NM_000001.1:c.21A>G", "NM_000001.1:c.21A>T",
            ])
    }

    @Test("every candidate predicts back the protein change it came from")
    func roundTrip() throws {
        let (failures, checked) = try ProteinTestData.backTranslationRoundTrip(Self.transcript)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(checked > 400)
    }

    @Test("a stated residue that is not the reference's is a mismatch naming both")
    func mismatch() throws {
        #expect(
            throws: ProteinMappingError.referenceMismatch(
                ReferenceMismatch(reference: "NP_000001.1", location: "p.7", expected: "Leu", found: "Pro"))
        ) {
            try Self.transcript.backTranslate(residue: 7, from: .leu, to: .gln)
        }
        #expect(throws: ProteinMappingError.positionOutOfRange(reference: "NP_000001.1", position: "p.11")) {
            try Self.transcript.backTranslate(residue: 11, from: .ter, to: .gln)
        }
        #expect(throws: ProteinMappingError.self) {
            try Self.transcript.backTranslate(residue: 7, from: .pro, to: .xaa)
        }
    }
}
