import Foundation
import Testing
import VarSynCore
import VarSynNormalize
import VarSynReference

/// c. -> p. on small in-memory transcripts, one test per consequence class, and biocommons' own sanity cases.
@Suite("Protein consequence on small transcripts")
struct ProteinConsequenceTests {
    /// 5' UTR `GGCAC`, CDS `ATG AAA AAA AAA GGC TGG CCA TTT CGC TAA` (Met1 Lys2 Lys3 Lys4 Gly5 Trp6 Pro7 Phe8 Arg9
    /// Ter10), 3' UTR `GTAGCTTAAC` (in frame: Val Ala Ter; shifted frames reach stops or run out).
    static let transcript: ProteinTranscript = {
        do {
            return try ProteinTranscript(
                transcriptName: "NM_000001.1", proteinName: "NP_000001.1",
                sequence: "GGCAC" + "ATGAAAAAAAAAGGCTGGCCATTTCGCTAA" + "GTAGCTTAAC",
                cds: TranscriptInterval(start: 5, end: 35))
        } catch {
            fatalError("test transcript: \(error)")
        }
    }()

    static func predict(
        _ change: String, on transcript: ProteinTranscript = transcript, noncoding: NoncodingConsequence = .unchanged
    )
        throws -> ProteinConsequence
    {
        guard let description = ProteinTestData.description("\(transcript.transcriptName):\(change)") else {
            throw ProteinMappingError.unsupported("test input does not parse: \(change)")
        }
        return try transcript.consequence(of: description, noncoding: noncoding)
    }

    @Test(
        "one change per consequence class",
        arguments: [
            ("c.20C>A", ProteinConsequenceKind.missense, "p.(Pro7Gln)"),
            ("c.19_21inv", .missense, "p.(Pro7Trp)"),
            ("c.21A>G", .synonymous, "p.(Pro7=)"),
            ("c.29A>G", .synonymous, "p.(Ter10=)"),
            ("c.18G>A", .nonsense, "p.(Trp6Ter)"),
            ("c.17_18insAA", .nonsense, "p.(Trp6Ter)"),  // an indel that makes TGA: a substitution to Ter
            ("c.16del", .frameshift, "p.(Trp6GlyfsTer6)"),  // reaches a stop in the 3' UTR
            ("c.17_18del", .frameshift, "p.(Trp6SerfsTer?)"),  // runs off the transcript
            ("c.28T>C", .stopLoss, "p.(Ter10GlnextTer3)"),
            ("c.30A>C", .stopLoss, "p.(Ter10TyrextTer3)"),
            ("c.28_30delinsCAC", .stopLoss, "p.(Ter10HisextTer3)"),
            ("c.2T>C", .startLoss, "p.(Met1?)"),
            ("c.-1_1insG", .startLoss, "p.(Met1?)"),
            ("c.-2_1dup", .startLoss, "p.(Met1?)"),
            ("c.1_3dup", .inFrameDuplication, "p.(Met1dup)"),  // the copy follows an intact ATG
            ("c.4_6del", .inFrameDeletion, "p.(Lys4del)"),  // 3' rule: the last Lys of the run
            ("c.7_12del", .inFrameDeletion, "p.(Lys3_Lys4del)"),
            ("c.4_6dup", .inFrameDuplication, "p.(Lys4dup)"),
            ("c.13_15dup", .inFrameDuplication, "p.(Gly5dup)"),
            ("c.15_16insCAT", .inFrameInsertion, "p.(Gly5_Trp6insHis)"),
            ("c.19_21delinsGATCAT", .inFrameDeletionInsertion, "p.(Pro7delinsAspHis)"),
            ("c.16_21delinsTGT", .inFrameDeletionInsertion, "p.(Trp6_Pro7delinsCys)"),
            ("c.15+1G>A", .spliceSite, "p.?"),
            ("c.16-2A>G", .spliceSite, "p.?"),
            ("c.15+2_15+5del", .spliceSite, "p.?"),
            ("c.15_15+2del", .spliceSite, "p.?"),  // across the exon-intron boundary
            ("c.15+1_16-1del", .spliceSite, "p.?"),  // the whole intron
            ("c.15+3A>G", .noncoding, "p.(=)"),
            ("c.15+3_15+6del", .noncoding, "p.(=)"),
            ("c.-3C>T", .noncoding, "p.(=)"),
            ("c.*2T>A", .noncoding, "p.(=)"),
            ("c.30dup", .noncoding, "p.(=)"),  // the copy lands after the stop
            ("c.-2_*1del", .noProtein, "p.0?"),
            ("c.-2_*1dup", .unknown, "p.?"),
        ])
    func consequenceClass(change: String, kind: ProteinConsequenceKind, expected: String) throws {
        let result = try Self.predict(change)
        #expect(result.hgvs() == "NP_000001.1:" + expected, "\(change)")
        #expect(result.kind == kind, "\(change)")
    }

    @Test("UTR and deep intronic changes give p.? with the biocommons convention")
    func noncodingConvention() throws {
        #expect(try Self.predict("c.-3C>T", noncoding: .unknown).hgvs() == "NP_000001.1:p.?")
        #expect(try Self.predict("c.15+3A>G", noncoding: .unknown).hgvs() == "NP_000001.1:p.?")
        #expect(try Self.predict("c.20C>A", noncoding: .unknown).hgvs() == "NP_000001.1:p.(Pro7Gln)")
    }

    @Test("the consequence is a ProteinVariant in the syntax tree, printable and re-parsable")
    func syntaxTree() throws {
        let result = try Self.predict("c.16del")
        let variant = try #require(result.variant)
        #expect(variant.predicted)
        #expect(variant.location == Location(ProteinPosition(residue: .trp, number: 6)))
        #expect(variant.edit == .frameshift(newResidue: .gly, alternatives: [], stop: .position(6)))
        #expect(result.description.reference?.accession.text == "NP_000001.1")
        #expect(ProteinTestData.description(result.hgvs()) == result.description)
        #expect(result.hgvs(.oneLetter) == "NP_000001.1:p.(W6Gfs*6)")
    }

    @Test(
        "stated reference content that does not match is reported, not repaired",
        arguments: [
            ("c.20G>A", "c.20", "G", "C"),
            ("c.19_21delCCG", "c.19_21", "CCG", "CCA"),
            ("c.19_21del2", "c.19_21", "2 bases", "3 bases"),
            ("c.19_21dupCCC", "c.19_21", "CCC", "CCA"),
            ("c.-3A>G", "c.-3", "A", "C"),
        ])
    func referenceMismatch(change: String, location: String, expected: String, found: String) throws {
        #expect(
            throws: ProteinMappingError.referenceMismatch(
                ReferenceMismatch(reference: "NM_000001.1", location: location, expected: expected, found: found))
        ) {
            try Self.predict(change)
        }
    }

    @Test("positions outside the transcript and unsupported forms are typed errors")
    func badInput() throws {
        #expect(throws: ProteinMappingError.positionOutOfRange(reference: "NM_000001.1", position: "c.-6")) {
            try Self.predict("c.-6G>A")
        }
        #expect(throws: ProteinMappingError.positionOutOfRange(reference: "NM_000001.1", position: "c.*11")) {
            try Self.predict("c.*11G>A")
        }
        for change in ["c.(19_21)del", "c.19_21[4]", "c.19_20ins[NC_000001.11:g.100_200]", "c.?_20del", "c.19_22insT"] {
            #expect(throws: ProteinMappingError.self, "\(change)") { try Self.predict(change) }
        }
        #expect(throws: ProteinMappingError.notCoding(transcript: "NR_1.1")) {
            try ProteinTranscript(
                transcriptName: "NR_1.1", proteinName: "", sequence: "ACGT", cds: TranscriptInterval(start: 2, end: 9))
        }
    }

    @Test("a reference CDS with a stop inside gives p.? (biocommons: multiple stops)")
    func uncleanReference() throws {
        let t = try ProteinTranscript(
            transcriptName: "NM_000002.1", proteinName: "NP_000002.1", sequence: "ATGTAGAAATAA",
            cds: TranscriptInterval(start: 0, end: 12))
        #expect(!t.hasCleanTranslation)
        #expect(try Self.predict("c.7A>G", on: t).hgvs() == "NP_000002.1:p.?")
    }

    @Test("codon table: 64 codons, 3 stops, the degeneracy of the standard code")
    func codonTable() {
        var counts: [AminoAcid: Int] = [:]
        for codon in 0..<64 { counts[ProteinCodonTable.residue(ofCodon: codon), default: 0] += 1 }
        #expect(counts[.ter] == 3)
        #expect(counts[.leu] == 6 && counts[.ser] == 6 && counts[.arg] == 6)
        #expect(counts[.met] == 1 && counts[.trp] == 1)
        #expect(counts.count == 21)
        let bytes = Array("CCAATGTGAtggNNN".utf8)
        #expect(ProteinCodonTable.translate(bytes[0], bytes[1], bytes[2]) == .pro)
        #expect(ProteinCodonTable.translate(bytes[3], bytes[4], bytes[5]) == .met)
        #expect(ProteinCodonTable.translate(bytes[6], bytes[7], bytes[8]) == .ter)
        #expect(ProteinCodonTable.translate(bytes[9], bytes[10], bytes[11]) == .trp)
        #expect(ProteinCodonTable.translate(bytes[12], bytes[13], bytes[14]) == .xaa)
    }

    /// biocommons' `test_hgvs_variantmapper_cp_sanity.py` cases on `sanity_cp.tsv`, with our answer and the reason
    /// for each difference in `Fixtures/protein-sanity-cp.tsv`.
    @Test("biocommons c_to_p sanity cases on its mock transcripts")
    func biocommonsSanity() throws {
        let data = try ProteinTestData.rows(
            ProteinTestData.shared.appendingPathComponent("conformance/biocommons/sanity_cp.tsv"))
        var transcripts: [String: ProteinTranscript] = [:]
        for row in data.dropFirst() where row.count >= 4 {
            guard let start = Int(row[2]), let end = Int(row[3]) else { continue }
            transcripts[row[0]] = try ProteinTranscript(
                transcriptName: row[0], proteinName: "MOCK", sequence: row[1],
                cds: TranscriptInterval(start: start, end: end))
        }
        #expect(transcripts.count == 9)
        let cases = try ProteinTestData.rows(ProteinTestData.fixtures.appendingPathComponent("protein-sanity-cp.tsv"))
            .filter { !$0[0].hasPrefix("#") }
        #expect(cases.count == 44)
        var same = 0
        for row in cases {
            let (coding, biocommons, ours) = (row[0], row[1], row[2])
            let description = try #require(ProteinTestData.description(coding))
            let transcript = try #require(transcripts[description.reference?.accession.text ?? ""])
            let answer: String
            do {
                answer = String(try transcript.consequence(of: description).hgvs().dropFirst("MOCK:".count))
            } catch {
                answer = "error: \(error)"
            }
            #expect(answer == ours, "\(coding)")
            if answer == biocommons {
                same += 1
            } else {
                #expect(row.count > 3 && !row[3].isEmpty, "unexplained: \(coding)")
            }
        }
        print(
            "biocommons c_to_p sanity: \(cases.count) cases, \(same) identical, \(cases.count - same) explained differences"
        )
    }
}

/// No input crashes: every position of STIM1 (5' UTR, CDS, 3' UTR, past both ends, intronic offsets) with every
/// kind of edit gives a consequence or a typed error.
@Suite("Protein consequence robustness")
struct ProteinRobustnessTests {
    static func position(_ index: Int, in t: ProteinTranscript, offset: IntronOffset = .none) -> TranscriptPosition {
        if index < t.cdsStart { return TranscriptPosition(base: index - t.cdsStart, offset: offset) }
        if index < t.cdsEnd { return TranscriptPosition(base: index - t.cdsStart + 1, offset: offset) }
        return TranscriptPosition(anchor: .cdsEnd, base: index - t.cdsEnd + 1, offset: offset)
    }

    @Test("every position and edit on STIM1: a result or a typed error, never a crash")
    func everyPosition() {
        let t = ProteinTestData.stim1
        let edits: [NucleotideEdit] = [
            .deletion(nil), .duplication(nil), .inversion(nil),
            .insertion(.single(.sequence(NucleotideSequence("GA"), count: nil))),
            .deletionInsertion(deleted: nil, inserted: .single(.sequence(NucleotideSequence("TTTAG"), count: nil))),
            .deletion(.length(3)),
        ]
        var results = 0
        var errors = 0
        for index in -3..<(t.bases.count + 3) {
            for length in [1, 2, 3, 4, 7] {
                let first = Self.position(index, in: t)
                let last = Self.position(index + length - 1, in: t)
                for edit in edits {
                    let variant = NucleotideVariant(location: Location(first, last), edit: edit)
                    do {
                        _ = try t.consequence(of: variant)
                        results += 1
                    } catch {
                        errors += 1
                    }
                }
                let substitution = NucleotideVariant(
                    location: Location(first),
                    edit: .substitution(reference: UInt8(ascii: "A"), alternative: UInt8(ascii: "G")))
                if (try? t.consequence(of: substitution)) != nil { results += 1 } else { errors += 1 }
            }
            for offset in [IntronOffset.downstream(1), .upstream(2), .downstream(3), .upstream(nil)] {
                let variant = NucleotideVariant(
                    location: Location(Self.position(index, in: t, offset: offset)),
                    edit: .substitution(reference: UInt8(ascii: "A"), alternative: UInt8(ascii: "G")))
                if (try? t.consequence(of: variant)) != nil { results += 1 } else { errors += 1 }
            }
        }
        print("STIM1 robustness: \(results) consequences, \(errors) typed errors")
        #expect(results > 100_000)
    }
}
