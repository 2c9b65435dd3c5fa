import Foundation
import Testing
import VarSynCore
import VarSynNormalize
import VarSynReference

/// The seeds on the embedded default table: STIM1 NM_003156.3 (LRG_164t1, NP_003147.2, CDS n.569_2626).
@Suite("Protein seeds on the default table")
struct ProteinSeedTests {
    static let mapper = ProteinTestData.mapper

    @Test("c.494C>A is p.(Pro165Gln) on NP_003147.2, also through NM_003156.4 (reported version fallback)")
    func stim1Consequence() throws {
        let (result, choice) = try Self.mapper.consequence(of: "NM_003156.3:c.494C>A")
        #expect(result.hgvs() == "NP_003147.2:p.(Pro165Gln)")
        #expect(result.kind == .missense)
        #expect(choice.reason == .named)
        let (viaNewer, fallback) = try Self.mapper.consequence(of: "NM_003156.4:c.494C>A")
        #expect(viaNewer.hgvs() == "NP_003147.2:p.(Pro165Gln)")
        #expect(fallback.reason == .otherVersion)
        #expect(fallback.note?.contains("NM_003156.3") == true)
    }

    @Test(
        "STIM1 consequence classes on the real transcript",
        arguments: [
            ("c.493C>T", "p.(Pro165Ser)"),
            ("c.495A>G", "p.(Pro165=)"),
            ("c.494del", "p.(Pro165GlnfsTer10)"),
            ("c.494_496del", "p.(Pro165del)"),
            ("c.910C>T", "p.(Arg304Trp)"),
            ("c.1A>G", "p.(Met1?)"),
            ("c.2058+1G>A", "p.?"),
            ("c.970-1G>A", "p.?"),
            ("c.970-3C>T", "p.(=)"),
            ("c.-5G>A", "p.(=)"),
            ("c.*10G>A", "p.(=)"),
        ])
    func stim1Classes(change: String, expected: String) throws {
        let description = try #require(ProteinTestData.description("NM_003156.3:" + change))
        let result = try ProteinTestData.stim1.consequence(of: description)
        #expect(result.hgvs() == "NP_003147.2:" + expected, "\(change)")
    }

    @Test("STIM1 P165Q: the LRG transcript (no MANE Select in the table), c.494C>A and c.494_495delinsAG")
    func p165q() throws {
        let (b, choice) = try Self.mapper.backTranslate("STIM1 P165Q")
        #expect(choice.reason == .lrg)
        #expect(choice.note == "STIM1: no MANE Select transcript in the reference data; using LRG_164t1 = NM_003156.3")
        #expect(b.transcript == "NM_003156.3" && b.protein == "NP_003147.2")
        #expect(b.referenceCodon == "CCA" && b.codonStart == 493)
        #expect(b.candidates.map { $0.hgvs() } == ["NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG"])
        let (viaProtein, proteinChoice) = try Self.mapper.backTranslate("NP_003147.2:p.Pro165Gln")
        #expect(proteinChoice.reason == .protein)
        #expect(viaProtein.candidates == b.candidates)
    }

    @Test("STIM1 R304H: codon CGG has no single-base route to His; the delins candidates")
    func r304h() throws {
        let (b, _) = try Self.mapper.backTranslate("STIM1 R304H")
        #expect(b.referenceCodon == "CGG")
        #expect(b.singleNucleotide.isEmpty)
        #expect(
            b.multiNucleotide.map { $0.hgvs() } == ["NM_003156.3:c.911_912delinsAC", "NM_003156.3:c.911_912delinsAT"])
    }

    @Test("STIM1 E136G: c.407A>G")
    func e136g() throws {
        let (b, _) = try Self.mapper.backTranslate("STIM1 E136G")
        #expect(b.referenceCodon == "GAG")
        #expect(b.singleNucleotide.map { $0.hgvs() } == ["NM_003156.3:c.407A>G"])
    }

    @Test(
        "reference mismatches name the expected and the found residue",
        arguments: [
            ("STIM1 L197P", "p.197", "Leu", "Thr"),
            ("STIM1 G304R", "p.304", "Gly", "Arg"),
            ("NP_003147.2:p.Arg97Ter", "p.97", "Arg", "Asn"),
        ])
    func mismatches(text: String, location: String, expected: String, found: String) {
        let mismatch = ReferenceMismatch(reference: "NP_003147.2", location: location, expected: expected, found: found)
        #expect(throws: ProteinMappingError.referenceMismatch(mismatch)) { try Self.mapper.backTranslate(text) }
        #expect(mismatch.description == "NP_003147.2 \(location) is \(found), not \(expected) as stated")
    }

    @Test("nonsense and synonymous back-translations on STIM1")
    func nonsenseAndSynonymous() throws {
        let (stop, _) = try Self.mapper.backTranslate("NP_003147.2:p.Arg304Ter")
        #expect(stop.singleNucleotide.isEmpty)
        #expect(
            stop.candidates.map { $0.hgvs() } == [
                "NM_003156.3:c.910_911delinsTA", "NM_003156.3:c.910_912delinsTAA", "NM_003156.3:c.910_912delinsTGA",
            ])
        let (arg50, _) = try Self.mapper.backTranslate("STIM1 R50*")
        #expect(arg50.referenceCodon == "CGA")
        #expect(arg50.singleNucleotide.map { $0.hgvs() } == ["NM_003156.3:c.148C>T"])
        let (silent, _) = try Self.mapper.backTranslate("NP_003147.2:p.Pro165=")
        #expect(
            silent.candidates.map { $0.hgvs() } == [
                "NM_003156.3:c.495A>C", "NM_003156.3:c.495A>G", "NM_003156.3:c.495A>T",
            ])
    }

    @Test("every back-translation candidate on STIM1 predicts back its protein change")
    func stim1RoundTrip() throws {
        let (failures, checked) = try ProteinTestData.backTranslationRoundTrip(ProteinTestData.stim1)
        print(
            "STIM1 back-translation round trip: \(checked) candidates over \(ProteinTestData.stim1.codonCount - 2) residues"
        )
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(checked > 30_000)
    }

    /// ClinVar 2016 STIM1 rows (`../shared/data/stim1/clinvar_2016_STIM1_GRCh37.tsv`): hgvs_c with its hgvs_p, compared
    /// without the prediction parentheses and, for ClinVar's short `fs`, without the stop count.
    @Test("ClinVar STIM1 c./p. pairs")
    func clinvarSTIM1() throws {
        let rows = try ProteinTestData.rows(
            ProteinTestData.shared.appendingPathComponent("data/stim1/clinvar_2016_STIM1_GRCh37.tsv"))
        var pairs = 0
        for row in rows.dropFirst() where row.count > 10 && !row[10].isEmpty {
            let coding = try #require(ProteinTestData.description(row[9]))
            let expected = try #require(ProteinTestData.description(row[10]))
            let ours = try ProteinTestData.stim1.consequence(of: coding).description
            #expect(ProteinAgreementTests.comparable(ours, to: expected) == expected.hgvs(), "\(row[9])")
            pairs += 1
        }
        #expect(pairs == 9)
    }
}

@Suite("Protein seam for the normalizer")
struct ProteinSeamTests {
    @Test("ProteinMapper answers the normalizer's ProteinSeam")
    func seam() throws {
        let seam: any ProteinSeam = ProteinTestData.mapper
        #expect(seam.proteinDescription(ofCoding: "NM_003156.3:c.494C>A") == "NP_003147.2:p.(Pro165Gln)")
        #expect(seam.proteinDescription(ofCoding: "NM_003156.3:c.494G>A") == nil)  // reference mismatch
        #expect(
            try seam.codingCandidates(ofProtein: "STIM1 P165Q") == [
                "NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG",
            ])
        #expect(throws: NormalizeError.self) { try seam.codingCandidates(ofProtein: "STIM1 L197P") }
        #expect(
            proteinKey(of: seam.proteinDescription(ofCoding: "NM_003156.3:c.494C>A") ?? "") == "NP_003147.2:p.Pro165Gln"
        )
    }

    @Test("wired into the normalizer: c. input gets its p. form, p. input is answered")
    func normalizer() throws {
        let normalizer = Normalizer(provider: ProteinTestData.provider, protein: ProteinTestData.mapper)
        let fromCoding = try normalizer.normalize("NM_003156.3:c.494C>A")
        #expect(fromCoding.hgvsP == "NP_003147.2:p.(Pro165Gln)")
        #expect(fromCoding.proteinKey == "NP_003147.2:p.Pro165Gln")
        let fromProtein = try normalizer.normalize("STIM1 P165Q")
        #expect(fromProtein.hgvsP == "NP_003147.2:p.(Pro165Gln)")
        // Synonyms list p. in three- and one-letter codes, with and without parentheses, and the bare legacy forms.
        let synonyms = try normalizer.synonyms("NM_003156.4:c.494C>A").synonyms.map(\.text)
        for form in [
            "NP_003147.2:p.(Pro165Gln)", "NP_003147.2:p.(P165Q)", "NP_003147.2:p.Pro165Gln", "NP_003147.2:p.P165Q",
            "Pro165Gln", "P165Q", "494C>A", "C494A", "NC_000011.10:4055633:C:A", "11-4076864-C-A",
        ] {
            #expect(synonyms.contains(form), "\(form)")
        }
    }

    @Test("the mapper's transcript cache under concurrent use gives the sequential answers")
    func concurrentMapper() async {
        let mapper = ProteinMapper(ProteinTestData.provider)
        let questions = [
            "NM_003156.3:c.494C>A", "NM_001277961.1:c.494C>A", "NM_032790.3:c.170G>T", "NM_000314.4:c.388C>T",
            "NM_000257.2:c.5329G>A", "NM_003156.4:c.494C>A", "NM_000051.3:c.9170_9171delGA",
        ]
        let expected = questions.map { (try? mapper.consequence(of: $0))?.consequence.hgvs() }
        let fresh = ProteinMapper(ProteinTestData.provider)
        let answers = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var out: [String?] = []
                    for _ in 0..<50 {
                        for q in questions { out.append((try? fresh.consequence(of: q))?.consequence.hgvs()) }
                    }
                    return out
                }
            }
            var all: [[String?]] = []
            for await part in group { all.append(part) }
            return all
        }
        #expect(answers.count == 8)
        for part in answers { #expect(part == Array([[String?]](repeating: expected, count: 50).joined())) }
        #expect(expected.allSatisfy { $0 != nil })
    }
}
