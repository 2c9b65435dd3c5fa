import Foundation
import Testing
import VarSynCore
import VarSynNormalize
import VarSynReference

/// c. -> p. and p. -> c. throughput on STIM1 NM_003156.3, prepared once (the hot path: no lookups, no parsing).
/// Opt-in: `VARSYN_BENCH=1 swift test -c release --filter ProteinSpeed`.
@Suite("Protein speed", .serialized, .enabled(if: ProcessInfo.processInfo.environment["VARSYN_BENCH"] != nil))
struct ProteinSpeedTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs `body` over `inputs` `repetitions` times; returns calls per second.
    static func rate<Input>(
        _ inputs: [Input], repetitions: Int, _ body: (Input) -> Int
    ) -> (
        rate: Double, checksum: Int
    ) {
        var checksum = 0
        for input in inputs.prefix(1000) { checksum &+= body(input) }  // warm-up
        let elapsed = ContinuousClock().measure {
            for _ in 0..<repetitions {
                for input in inputs { checksum &+= body(input) }
            }
        }
        return (Double(inputs.count * repetitions) / seconds(elapsed), checksum)
    }

    static func variant(_ text: String) -> NucleotideVariant<TranscriptPosition>? {
        guard case .transcript(_, .variant(let v)) = ProteinTestData.description("NM_003156.3:" + text)?.body else {
            return nil
        }
        return v
    }

    @Test("c. -> p. on STIM1: every CDS substitution, and a mix of indels")
    func consequenceSpeed() {
        let t = ProteinTestData.stim1
        let cds = Array(t.bases[t.cdsStart..<t.cdsEnd])
        var substitutions: [NucleotideVariant<TranscriptPosition>] = []
        var indels: [NucleotideVariant<TranscriptPosition>] = []
        for (i, base) in cds.enumerated() {
            let c = i + 1
            for alt in "ACGT".utf8 where alt != base {
                let edit = NucleotideEdit.substitution(reference: base, alternative: alt)
                substitutions.append(NucleotideVariant(location: Location(TranscriptPosition(base: c)), edit: edit))
            }
            if c + 3 <= cds.count, let del1 = Self.variant("c.\(c)del"), let del3 = Self.variant("c.\(c)_\(c + 2)del"),
                let dup1 = Self.variant("c.\(c)dup"), let ins = Self.variant("c.\(c)_\(c + 1)insGGC")
            {
                indels += [del1, del3, dup1, ins]
            }
        }
        let mixed = substitutions + indels
        var kinds: [ProteinConsequenceKind: Int] = [:]
        for v in mixed { if let k = try? t.consequence(of: v).kind { kinds[k, default: 0] += 1 } }
        let (subRate, a) = Self.rate(substitutions, repetitions: 40) {
            (try? t.consequence(of: $0))?.kind.hashValue ?? 0
        }
        let (indelRate, b) = Self.rate(indels, repetitions: 20) { (try? t.consequence(of: $0))?.kind.hashValue ?? 0 }
        let (mixRate, c) = Self.rate(mixed, repetitions: 20) { (try? t.consequence(of: $0))?.kind.hashValue ?? 0 }
        let texts = substitutions.prefix(2000).map {
            "NM_003156.3:" + VariantDescription(reference: nil, body: .transcript(.coding, .variant($0))).hgvs()
        }
        let (textRate, d) = Self.rate(Array(texts), repetitions: 10) { text in
            guard let description = ProteinTestData.description(text) else { return 0 }
            return (try? t.consequence(of: description))?.hgvs().utf8.count ?? 0
        }
        let (mapperRate, _) = Self.rate(Array(texts.prefix(500)), repetitions: 4) { text in
            (try? ProteinTestData.mapper.consequence(of: text))?.consequence.kind.hashValue ?? 0
        }
        print(
            "c.->p. STIM1 through ProteinMapper, text to text (transcript lookup per call, prepared transcript cached): \(Int(mapperRate)) /s"
        )
        print(
            "c.->p. STIM1: \(substitutions.count) substitutions \(Int(subRate)) /s; \(indels.count) indels \(Int(indelRate)) /s;"
                + " mixed \(Int(mixRate)) /s; text in -> p. text out (parse + predict + print) \(Int(textRate)) /s [\(a &+ b &+ c &+ d)]"
        )
        print(
            "  classes: \(kinds.sorted { $0.value > $1.value }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))"
        )
        #expect(subRate > 10_000)
    }

    @Test("p. -> c. on STIM1: every residue to every amino acid")
    func backTranslationSpeed() {
        let t = ProteinTestData.stim1
        var questions: [(Int, AminoAcid, AminoAcid)] = []
        for residue in 1..<t.codonCount {
            for alternative in AminoAcid.allCases
            where !ProteinCodonTable.codonsByResidue[Int(alternative.rawValue)].isEmpty {
                questions.append((residue, t.protein[residue - 1], alternative))
            }
        }
        let (rate, checksum) = Self.rate(questions, repetitions: 20) { q in
            (try? t.backTranslate(residue: q.0, from: q.1, to: q.2))?.candidates.count ?? 0
        }
        let (codonRate, codonChecksum) = Self.rate(questions, repetitions: 40) { q in
            (try? t.codonChanges(residue: q.0, from: q.1, to: q.2))?.count ?? 0
        }
        let (treeRate, _) = Self.rate(questions, repetitions: 20) { q in
            guard let b = try? t.backTranslate(residue: q.0, from: q.1, to: q.2) else { return 0 }
            var n = 0
            for candidate in b.candidates where candidate.description.reference != nil { n += 1 }
            return n
        }
        print(
            "p.->c. STIM1: \(questions.count) back-translations \(Int(rate)) /s (BackTranslation, descriptions lazy),"
                + " \(Int(treeRate)) /s with every c. description built, \(Int(codonRate)) /s as codon changes"
                + " (\(checksum), \(codonChecksum) candidates)")
        #expect(rate > 10_000)
    }

    /// The peers' synthetic reference (`../shared/bench/peers/make_reference.py OUTDIR`, then
    /// `VARSYN_PEERS_REF=OUTDIR`): 200 transcripts from its `ref.json`, its 20,000 c. variants and 10,000 p. missense.
    @Test(
        "c. -> p. and p. -> c. on the peers' synthetic reference",
        .enabled(if: ProcessInfo.processInfo.environment["VARSYN_PEERS_REF"] != nil))
    func syntheticReference() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["VARSYN_PEERS_REF"] ?? "")
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: directory.appendingPathComponent("ref.json")))
        let records = try #require((json as? [String: Any])?["transcripts"] as? [[String: Any]])
        var byTranscript: [String: ProteinTranscript] = [:]
        var byProtein: [String: ProteinTranscript] = [:]
        for r in records {
            guard let ac = r["ac"] as? String, let protein = r["protein"] as? String, let seq = r["seq"] as? String,
                let start = r["cds_start"] as? Int, let end = r["cds_end"] as? Int,
                let expected = r["protein_seq"] as? String
            else { continue }
            let t = try ProteinTranscript(
                transcriptName: ac, proteinName: protein, sequence: seq, cds: TranscriptInterval(start: start, end: end)
            )
            #expect(
                String(decoding: t.protein.map(\.oneLetterCode), as: UTF8.self).hasPrefix(expected), "\(ac) translation"
            )
            byTranscript[ac] = t
            byProtein[protein] = t
        }
        var coding: [(ProteinTranscript, NucleotideVariant<TranscriptPosition>)] = []
        var codingTexts: [String] = []
        for row in try ProteinTestData.rows(directory.appendingPathComponent("variants.tsv")) where row.count >= 2 {
            guard let d = ProteinTestData.description(row[1]), let t = byTranscript[d.reference?.accession.text ?? ""],
                case .transcript(.coding, .variant(let v)) = d.body
            else { continue }
            coding.append((t, v))
            codingTexts.append(row[1])
        }
        var proteinQuestions: [(ProteinTranscript, ProteinVariant)] = []
        var proteinTexts: [String] = []
        for row in try ProteinTestData.rows(directory.appendingPathComponent("protein_variants.tsv"))
        where row.count >= 2 {
            guard let d = ProteinTestData.description(row[1]), let t = byProtein[d.reference?.accession.text ?? ""],
                case .protein(.variant(let v)) = d.body
            else { continue }
            proteinQuestions.append((t, v))
            proteinTexts.append(row[1])
        }
        var kinds: [ProteinConsequenceKind: Int] = [:]
        var errors = 0
        for (t, v) in coding {
            do { kinds[try t.consequence(of: v).kind, default: 0] += 1 } catch { errors += 1 }
        }
        var mismatches = 0
        for (t, v) in proteinQuestions where (try? t.backTranslate(v)) == nil { mismatches += 1 }
        let (cRate, a) = Self.rate(coding, repetitions: 20) { (try? $0.0.consequence(of: $0.1))?.kind.hashValue ?? 0 }
        let (pRate, b) = Self.rate(proteinQuestions, repetitions: 20) {
            (try? $0.0.backTranslate($0.1))?.candidates.count ?? 0
        }
        let (pCodon, f) = Self.rate(proteinQuestions, repetitions: 20) { q in
            guard case .exact(let position) = q.1.location.start, let number = position.number,
                case .substitution(let alt) = q.1.edit
            else { return 0 }
            return (try? q.0.codonChanges(residue: number, from: position.residue, to: alt))?.count ?? 0
        }
        let (cText, c) = Self.rate(codingTexts, repetitions: 3) { text in
            guard let d = ProteinTestData.description(text), let t = byTranscript[d.reference?.accession.text ?? ""]
            else { return 0 }
            return (try? t.consequence(of: d))?.hgvs().utf8.count ?? 0
        }
        let (pText, e) = Self.rate(proteinTexts, repetitions: 3) { text in
            guard let d = ProteinTestData.description(text), let t = byProtein[d.reference?.accession.text ?? ""],
                case .protein(.variant(let v)) = d.body
            else { return 0 }
            return (try? t.backTranslate(v))?.candidates.map { $0.hgvs() }.count ?? 0
        }
        print(
            "synthetic reference: \(byTranscript.count) transcripts; c.->p. \(coding.count) variants (\(errors) errors)"
                + " \(Int(cRate)) /s prepared, \(Int(cText)) /s text to text; p.->c. \(proteinQuestions.count) missense"
                + " (\(mismatches) failed) \(Int(pRate)) /s prepared, \(Int(pCodon)) /s as codon changes, \(Int(pText)) /s text to text"
                + " [\(a &+ b &+ c &+ e &+ f)]")
        print(
            "  classes: \(kinds.sorted { $0.value > $1.value }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))"
        )
        #expect(errors == 0)
        #expect(mismatches == 0)
    }
}
