import Foundation
import Testing
import VarSynReference

@testable import VarSynNormalize

/// Agreement with the biocommons normalization cases as curated by ferro-hgvs
/// (`../shared/conformance/ferro/tests/fixtures/biocommons-normalize`), run hermetically on the reference windows
/// committed with them. Every disagreement is listed with its reason in
/// `Fixtures/ferro-biocommons-disagreements.tsv`; the test fails when the set of disagreements changes.
@Suite struct FerroAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    /// `../shared` from the package root, or `$VARSYN_SHARED`.
    static let shared: URL = {
        if let path = ProcessInfo.processInfo.environment["VARSYN_SHARED"] { return URL(fileURLWithPath: path) }
        return root.appendingPathComponent("../../../shared").standardized
    }()
    static let corpus = shared.appendingPathComponent("conformance/ferro/tests/fixtures/biocommons-normalize")

    /// The reference windows as an in-memory provider: whole transcripts with their exons on GRCh37/GRCh38, and
    /// padded genomic windows served as sequences of their own.
    static func provider(windows file: URL) throws -> InMemoryReferenceProvider {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        var provider = InMemoryReferenceProvider()
        let lengths = json["contig_lengths"] as? [String: Int] ?? [:]
        for t in json["transcripts"] as? [[String: Any]] ?? [] {
            let sequence = Array((t["sequence"] as? String ?? "").utf8)
            let cdsStart = t["cds_start"] as? Int
            let cdsEnd = t["cds_end"] as? Int
            let exons = (t["exons"] as? [[String: Any]] ?? []).map { e in
                AlignedExon(
                    transcript: TranscriptInterval(hgvsStart: e["start"] as? Int ?? 0, hgvsEnd: e["end"] as? Int ?? 0),
                    genomic: GenomicInterval(
                        hgvsStart: e["genomic_start"] as? Int ?? 0, hgvsEnd: e["genomic_end"] as? Int ?? 0))
            }
            let assembly = Assembly(name: t["genome_build"] as? String ?? "GRCh38") ?? .grch38
            let alignment = TranscriptAlignment(
                assembly: assembly, chromosome: t["chromosome"] as? String ?? "",
                strand: (t["strand"] as? String) == "-" ? .minus : .plus, exons: exons, source: "ferro windows")
            provider.transcriptModels.append(
                TranscriptModel(
                    accession: t["id"] as? String ?? "", gene: t["gene_symbol"] as? String ?? "",
                    proteinAccession: t["protein_id"] as? String ?? "",
                    cds: cdsStart.flatMap { s in cdsEnd.map { TranscriptInterval(hgvsStart: s, hgvsEnd: $0) } },
                    sequence: sequence, exons: exons.map(\.transcript), alignments: [alignment], source: "ferro"))
        }
        for g in json["genomic"] as? [[String: Any]] ?? [] {
            let contig = g["contig"] as? String ?? ""
            provider.addGenomicWindow(
                chromosome: contig, start: g["start"] as? Int ?? 0, bases: Array((g["bases"] as? String ?? "").utf8))
        }
        for (contig, length) in lengths {
            let assembly: Assembly = ["NC_000001.10", "NC_000006.11", "NC_000009.11"].contains(contig) ? .grch37 : .grch38
            provider.chromosomes.append(
                ChromosomeModel(assembly: assembly, name: contig, accession: contig, aliases: [], length: length))
        }
        return provider
    }

    struct Outcome {
        var input: String
        var direction: String
        var cross: Bool
        var expected: String
        var ours: String
    }

    static func run() throws -> [Outcome] {
        let provider = try provider(windows: corpus.appendingPathComponent("reference-windows.json"))
        let cases =
            (try JSONSerialization.jsonObject(with: Data(contentsOf: corpus.appendingPathComponent("cases.json")))
            as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        var outcomes: [Outcome] = []
        for c in cases where c["to_test"] as? Bool ?? true {
            let input = c["input"] as? String ?? ""
            let direction = c["shuffle_direction"] as? String ?? "3prime"
            let cross = c["cross_boundaries"] as? Bool ?? true
            let expected = c["normalized"] as? String ?? "error"
            let options = NormalizeOptions(
                transcriptShift: .wholeTranscript, direction: direction == "5prime" ? .fivePrime : .threePrime)
            let normalizer = Normalizer(provider: provider, options: options)
            var ours: String
            do {
                let v = try normalizer.normalize(input)
                ours = (input.contains(":g.") ? v.hgvsG ?? v.hgvsGGRCh37 : v.hgvsC) ?? "none"
            } catch {
                ours = "error"
            }
            outcomes.append(Outcome(input: input, direction: direction, cross: cross, expected: expected, ours: ours))
        }
        return outcomes
    }

    @Test func biocommonsAgreement() throws {
        let outcomes = try Self.run()
        #expect(outcomes.count == 88)
        let disagreements = outcomes.filter { $0.expected != $0.ours }
        let agree = outcomes.count - disagreements.count
        print("ferro/biocommons normalization: \(agree)/\(outcomes.count) agree, \(disagreements.count) listed disagreements")
        let fixture = Self.root.appendingPathComponent("Fixtures/ferro-biocommons-disagreements.tsv")
        let listed = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
            .map { line -> String in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                return f.prefix(5).joined(separator: "\t")
            }
        let actual = disagreements.map { "\($0.input)\t\($0.direction)\t\($0.cross)\t\($0.expected)\t\($0.ours)" }
        for line in actual where !listed.contains(line) { Issue.record("unlisted disagreement: \(line)") }
        for line in listed where !actual.contains(line) { Issue.record("listed disagreement no longer occurs: \(line)") }
    }
}
