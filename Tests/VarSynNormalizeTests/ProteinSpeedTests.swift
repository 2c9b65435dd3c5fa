import Foundation
import Testing
import VarSynCore
import VarSynNormalize

/// c. -> p. and p. -> c. throughput on STIM1 NM_003156.3, prepared once (the hot path: no lookups, no parsing).
/// Opt-in: `VARSYN_BENCH=1 swift test -c release --filter ProteinSpeed`.
@Suite("Protein speed", .enabled(if: ProcessInfo.processInfo.environment["VARSYN_BENCH"] != nil))
struct ProteinSpeedTests {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs `body` over `inputs` `repetitions` times; returns calls per second.
    static func rate<Input>(_ inputs: [Input], repetitions: Int, _ body: (Input) -> Int) -> (rate: Double, checksum: Int) {
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
        guard case .transcript(_, .variant(let v)) = ProteinTestData.description("NM_003156.3:" + text)?.body else { return nil }
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
        let (subRate, a) = Self.rate(substitutions, repetitions: 40) { (try? t.consequence(of: $0))?.kind.hashValue ?? 0 }
        let (indelRate, b) = Self.rate(indels, repetitions: 20) { (try? t.consequence(of: $0))?.kind.hashValue ?? 0 }
        let (mixRate, c) = Self.rate(mixed, repetitions: 20) { (try? t.consequence(of: $0))?.kind.hashValue ?? 0 }
        let texts = substitutions.prefix(2000).map { "NM_003156.3:" + VariantDescription(reference: nil, body: .transcript(.coding, .variant($0))).hgvs() }
        let (textRate, d) = Self.rate(Array(texts), repetitions: 10) { text in
            guard let description = ProteinTestData.description(text) else { return 0 }
            return (try? t.consequence(of: description))?.hgvs().utf8.count ?? 0
        }
        print("c.->p. STIM1: \(substitutions.count) substitutions \(Int(subRate)) /s; \(indels.count) indels \(Int(indelRate)) /s;"
            + " mixed \(Int(mixRate)) /s; text in -> p. text out (parse + predict + print) \(Int(textRate)) /s [\(a &+ b &+ c &+ d)]")
        print("  classes: \(kinds.sorted { $0.value > $1.value }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))")
        #expect(subRate > 10_000)
    }

    @Test("p. -> c. on STIM1: every residue to every amino acid")
    func backTranslationSpeed() {
        let t = ProteinTestData.stim1
        var questions: [(Int, AminoAcid, AminoAcid)] = []
        for residue in 1..<t.codonCount {
            for alternative in AminoAcid.allCases where !ProteinCodonTable.codonsByResidue[Int(alternative.rawValue)].isEmpty {
                questions.append((residue, t.protein[residue - 1], alternative))
            }
        }
        let (rate, checksum) = Self.rate(questions, repetitions: 20) { q in
            (try? t.backTranslate(residue: q.0, from: q.1, to: q.2))?.candidates.count ?? 0
        }
        print("p.->c. STIM1: \(questions.count) back-translations \(Int(rate)) /s (\(checksum) candidates)")
        #expect(rate > 10_000)
    }
}
