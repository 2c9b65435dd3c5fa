import Foundation
import Testing
import VarSynCore
import VarSynNormalize
import VarSynReference

/// p. -> c. for in-frame deletions, duplications, insertions and deletion-insertions, on the embedded default table.
@Suite("Protein indel back-translation")
struct ProteinIndelBackTranslationTests {
    static let normalizer = Normalizer(provider: ProteinTestData.provider, protein: ProteinTestData.mapper)

    /// The p. description every candidate predicts back to (through c. -> p.), one string per candidate.
    static func predicted(_ translation: IndelBackTranslation, on transcript: ProteinTranscript) -> [String] {
        translation.candidates.map { candidate in
            (try? transcript.consequence(of: candidate.description).description.hgvs()) ?? "error"
        }
    }

    @Test("CFTR F508del: the real ΔF508 c.1521_1523del (out of phase, CTT) and the in-phase c.1522_1524del (TTT)")
    func cftrF508del() throws {
        for text in ["CFTR F508del", "CFTR ΔF508", "NP_000483.3:p.Phe508del", "NM_000492.3:p.(Phe508del)"] {
            let result = try #require(try ProteinTestData.mapper.backTranslateIndel(text))
            #expect(result.choice.transcript.accession == "NM_000492.3")
            #expect(
                result.translation.candidates.map { $0.hgvs() } == [
                    "NM_000492.3:c.1521_1523del", "NM_000492.3:c.1522_1524del",
                ], "\(text)")
            #expect(result.translation.candidates.map(\.inPhase) == [false, true])
            let transcript = try ProteinTestData.mapper.prepared(result.choice)
            #expect(Set(Self.predicted(result.translation, on: transcript)) == ["NP_000483.3:p.(Phe508del)"])
        }
        // Through the normalizer: the first candidate normalized, the other listed.
        let v = try Self.normalizer.normalize("CFTR F508del")
        #expect(v.hgvsC == "NM_000492.3:c.1521_1523del")
        #expect(v.key == "NC_000007.14:117559590:TCTT:T")
        #expect(v.candidates.contains("NM_000492.3:c.1522_1524del"))
        #expect(v.proteinKey == "NP_000483.3:p.Phe508del")
    }

    @Test("stated residues are checked: CFTR L508del names Leu (stated) and Phe (found); Met1 and Ter refused")
    func mismatch() throws {
        #expect(throws: ProteinMappingError.self) { try ProteinTestData.mapper.backTranslateIndel("CFTR L508del") }
        do {
            _ = try ProteinTestData.mapper.backTranslateIndel("CFTR L508del")
        } catch {
            guard case .referenceMismatch(let m) = error else {
                Issue.record("expected a reference mismatch, got \(error)")
                return
            }
            #expect(m.expected == "Leu")
            #expect(m.found == "Phe")
            #expect(m.location == "p.508")
        }
        do {
            _ = try Self.normalizer.normalize("CFTR F507del")
            Issue.record("CFTR F507del (residue 507 is Ile) normalized")
        } catch {
            #expect(error.code == .referenceMismatch)
        }
        #expect(throws: ProteinMappingError.self) { try ProteinTestData.mapper.backTranslateIndel("CFTR M1del") }
        // A substitution is not an indel: nil, the substitution path answers it.
        #expect(try ProteinTestData.mapper.backTranslateIndel("CFTR F508C") == nil)
    }

    @Test("protein 3' rule: deleting either of two identical residues is the same change (STIM1 and CFTR)")
    func equivalentPlacements() throws {
        // CFTR Ile506 Ile507: Ile506del is Ile507del.
        let a = try #require(try ProteinTestData.mapper.backTranslateIndel("CFTR I506del")).translation
        let b = try #require(try ProteinTestData.mapper.backTranslateIndel("CFTR I507del")).translation
        #expect(a.candidates == b.candidates)
        #expect(!a.candidates.isEmpty)
    }

    @Test("insertions and delins: every inserted codon choice, in and out of phase; a cut-off enumeration is flagged")
    func insertions() throws {
        let small = try #require(try ProteinTestData.mapper.backTranslateIndel("CFTR I506_I507insK"))
        let transcript = try ProteinTestData.mapper.prepared(small.choice)
        // AAA between the codons shifts 3' into c.1519_1520insAAA; AAG between them is c.1519_1520insAGA.
        #expect(
            small.translation.candidates.map { $0.hgvs() } == [
                "NM_000492.3:c.1519_1520insAAA", "NM_000492.3:c.1519_1520insAGA",
            ])
        #expect(small.translation.complete)
        #expect(Set(Self.predicted(small.translation, on: transcript)) == ["NP_000483.3:p.(Ile506_Ile507insLys)"])
        let delins = try #require(try ProteinTestData.mapper.backTranslateIndel("CFTR I507_F508delinsLeu")).translation
        #expect(!delins.candidates.isEmpty)
        #expect(Set(Self.predicted(delins, on: transcript)) == ["NP_000483.3:p.(Ile507_Phe508delinsLeu)"])
        // Six residues of up to six codons each: more than `indelSolutionLimit` per start; flagged, not hidden.
        let big = try #require(try ProteinTestData.mapper.backTranslateIndel("CFTR I506_I507insSRLSRL")).translation
        #expect(!big.complete)
        print("CFTR I506_I507insSRLSRL: \(big.candidates.count) candidates kept before the cut-off")
        #expect(big.candidates.count > IndelBackTranslation.seamLimit)
        let v = try Self.normalizer.normalize("CFTR I506_I507insSRLSRL")
        #expect(v.hgvsP == "NP_000483.3:p.(Ile506_Ile507insSerArgLeuSerArgLeu)")
    }

    /// Every residue of STIM1 (but Met1 and Ter) deleted and duplicated, one and two residues at a time, and Gln
    /// inserted after it: there is at least one candidate, and every candidate predicts back one and the same p.
    /// description, of the requested kind (an inserted Gln next to a Gln predicts back as a dup).
    @Test("STIM1 round trip: every del/dup/ins candidate predicts one and the same protein change")
    func stim1RoundTrip() throws {
        let t = ProteinTestData.stim1
        var questions = 0
        var candidates = 0
        var failures: [String] = []
        let last = t.protein.count - 1  // index of Ter
        for number in 2..<last {
            let residue = t.protein[number - 1]
            var edits: [(Location<ProteinPosition>, ProteinEdit, String)] = [
                (Location(ProteinPosition(residue: residue, number: number)), .deletion, "del"),
                (Location(ProteinPosition(residue: residue, number: number)), .duplication, "dup"),
            ]
            if number + 1 < last {
                let next = t.protein[number]
                let range = Location(
                    ProteinPosition(residue: residue, number: number),
                    ProteinPosition(residue: next, number: number + 1))
                edits.append((range, .deletion, "del"))
                edits.append((range, .insertion(.residues([.gln])), "ins"))
            }
            for (location, edit, word) in edits {
                questions += 1
                let translation = try t.backTranslateIndel(ProteinVariant(location: location, edit: edit))
                candidates += translation.candidates.count
                let predicted = Set(Self.predicted(translation, on: t))
                // An inserted Gln next to a Gln is a duplication (HGVS), so `ins` may come back as `dup`.
                let kind = predicted.first.map { $0.contains(word) || (word == "ins" && $0.hasSuffix("dup)")) } ?? false
                if predicted.count != 1 || !kind {
                    failures.append("p.\(number) \(word): \(predicted.sorted())")
                }
            }
        }
        print("STIM1 indel round trip: \(questions) questions, \(candidates) candidates, \(failures.count) failures")
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        #expect(questions > 2000)
    }

    /// Every in-frame del/dup/ins/delins c./p. pair of the biocommons gcp/ext data whose transcript is in the table:
    /// the back-translation of the p. contains the c. (compared by normalized key).
    @Test("biocommons in-frame indel pairs: the back-translation of the p. contains the c.")
    func biocommonsPairs() throws {
        let (pairs, _, _) = try ProteinAgreementTests.pairs()
        var checked = 0
        var missing: [String] = []
        for pair in pairs {
            guard let coding = ProteinTestData.description(pair.coding),
                let protein = ProteinTestData.description(pair.protein),
                let accession = coding.reference?.accession.text,
                let lookup = ProteinTestData.provider.transcript(accession: accession), lookup.warning == nil,
                case .protein(let tree) = protein.body
            else { continue }
            let variant: ProteinVariant
            switch tree {
            case .variant(let v): variant = v
            case .predicted(.variant(let v)): variant = v
            default: continue
            }
            switch variant.edit {
            case .deletion, .duplication, .insertion, .deletionInsertion: break
            default: continue
            }
            let transcript = try ProteinTranscript(lookup.transcript)
            let translation = try transcript.backTranslateIndel(variant)
            let expected = try Self.normalizer.normalize(pair.coding).key
            let keys = try translation.candidates.map { try Self.normalizer.normalize($0.hgvs()).key }
            checked += 1
            print("  \(pair.coding) \(pair.protein): \(translation.candidates.count) candidates")
            if expected == nil || !keys.contains(expected) {
                missing.append("\(pair.coding) \(pair.protein): \(translation.candidates.map { $0.hgvs() })")
            }
        }
        print(
            "biocommons in-frame indel pairs in the table: \(checked), c. among the candidates: \(checked - missing.count)"
        )
        #expect(checked >= 3)
        #expect(missing.isEmpty, "\(missing)")
    }
}
