import Foundation
import Testing

@testable import VarSynNormalize
@testable import VarSynReference

/// Agreement with the mutalyzer normalizer's own test set (`../shared/conformance/mutalyzer-normalizer`:
/// `extracted/variants_set.json`, 331 cases, run offline on the FASTA + GFF3 / LRG XML records of `tests/data`)
/// and with the 17 cases ferro-hgvs adds to its copy of it (`../shared/conformance/ferro/.../mutalyzer-normalize`).
///
/// Every axis mutalyzer states is compared: `normalized`, `genomic`, `protein_description`,
/// `coding_protein_descriptions` (our c. on each other transcript, and its p.), `noncoding`, `rna_description` and
/// `errors` (mutalyzer codes mapped to ``NormalizeError/Code``). Every disagreement is listed with a reason
/// category in `Fixtures/mutalyzer-disagreements.tsv`; the test fails when a disagreement appears that is not
/// listed or a listed one no longer occurs.
///
/// How the reference data is built: each genomic record (`NG_012337.1`, `LRG_303`, `ENSG00000204370.13`,
/// `NC_012920.1`) is served as a sequence of its own (`NG_012337.1:g.7125` is base 7125 of the record), with the
/// transcripts annotated on it placed through their exons on the record (`RecordPlacement`, read by the GFF3 and
/// LRG XML importers). Transcript records (`NM_003002.2`) stand alone, without a genome. Ensembl records are gene
/// slices of GRCh38 chromosome 11 and are served there.
///
/// Notation adapters (the only rewriting of our output): a c./n./r. form of an input written on a genomic record
/// with a transcript selector is shown in that record, `NG_012337.1(NM_003002.2):c.…`; a p. form as
/// `RECORD(NP_…):p.…` (mutalyzer's, for the upstream cases; ferro's bare `NP_…:p.…` for ferro's); LRG transcripts
/// keep their LRG names (`LRG_1t1`, `LRG_1p1`).
@Suite struct MutalyzerAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let corpus = FerroAgreementTests.shared.appendingPathComponent("conformance/mutalyzer-normalizer")
    static let data = corpus.appendingPathComponent("tests/data")
    static let ferro = FerroAgreementTests.shared.appendingPathComponent(
        "conformance/ferro/tests/fixtures/mutalyzer-normalize")

    // MARK: Reference data

    /// A provider and the protein mapper over it, for one reference context.
    struct Context {
        var provider: InMemoryReferenceProvider
        /// The record the input names (`NG_012337.1`), used to write our transcript forms in it.
        var record: String?
        /// LRG context: proteins are named `LRG_Np1`.
        var lrg: Bool
    }

    final class Cache: @unchecked Sendable {
        var contexts: [String: Context] = [:]
        var recordOfTranscript: [String: String]?
        var snapshot: [String: (sequence: [UInt8], cds: TranscriptInterval, protein: String)]?
    }

    static func path(_ name: String) -> String { data.appendingPathComponent(name).path }
    static func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// A genomic record (NG_, NC_012920.1) from its GFF3 + FASTA: the record as a sequence of its own.
    static func refSeqRecord(_ name: String) throws -> Context {
        let gff = try GFFImporter(path: path("\(name).gff3"), fasta: [path("\(name).fasta")]).load()
        let fasta = try readFASTA(InputFile.read(path("\(name).fasta")), file: path("\(name).fasta"))
        let genome = fasta.first?.sequence ?? []
        var provider = InMemoryReferenceProvider()
        provider.chromosomes = [
            ChromosomeModel(assembly: .grch38, name: name, accession: name, aliases: [], length: genome.count)
        ]
        provider.addGenomicWindow(chromosome: name, start: 0, bases: genome)
        for var t in gff.transcripts {
            guard let placement = t.recordPlacement else { continue }
            t.alignments = [
                TranscriptAlignment(
                    assembly: .grch38, chromosome: name, strand: placement.strand, exons: placement.exons,
                    source: "record")
            ]
            provider.transcriptModels.append(t)
        }
        return Context(provider: provider, record: name, lrg: false)
    }

    /// An LRG XML record: the LRG as a sequence of its own, transcripts named `LRG_Nt1`, proteins `LRG_Np1`.
    static func lrgRecord(_ name: String) throws -> Context {
        let xml = try LRGXMLImporter(path: path(name)).load()
        guard let segment = xml.segments.first(where: { $0.accession == name }) else {
            return Context(provider: InMemoryReferenceProvider(), record: name, lrg: true)
        }
        var provider = InMemoryReferenceProvider()
        provider.chromosomes = [
            ChromosomeModel(
                assembly: .grch38, name: name, accession: name, aliases: [], length: segment.sequence.count)
        ]
        provider.addGenomicWindow(chromosome: name, start: 0, bases: segment.sequence)
        for var t in xml.transcripts {
            guard let placement = t.recordPlacement,
                let lrgName = ([t.accession] + t.alternateAccessions).first(where: { $0.hasPrefix("\(name)t") })
            else { continue }
            t.alternateAccessions = [t.accession]
            t.accession = lrgName
            if !t.proteinAccession.isEmpty { t.proteinAccession = lrgName.replacingOccurrences(of: "t", with: "p") }
            t.alignments = [
                TranscriptAlignment(
                    assembly: .grch38, chromosome: name, strand: placement.strand, exons: placement.exons,
                    source: "record")
            ]
            provider.transcriptModels.append(t)
        }
        return Context(provider: provider, record: name, lrg: true)
    }

    /// An Ensembl gene or transcript record: GFF3 on chromosome 11 (GRCh38) and a FASTA slice whose header names
    /// its place (`chromosome:GRCh38:11:112086824:112120016:1`); transcripts are spliced from the slice.
    static func ensemblRecord(_ name: String) throws -> Context {
        let gff = try GFFImporter(path: path("\(name).gff3"), fasta: [], assembly: .grch38).load()
        let fasta = try readFASTA(InputFile.read(path("\(name).fasta")), file: path("\(name).fasta"))
        var provider = InMemoryReferenceProvider()
        guard let slice = fasta.first else { return Context(provider: provider, record: nil, lrg: false) }
        let place = slice.description.split(separator: ":")
        guard place.count >= 6, let start = Int(place[3]), let strandFlag = Int(place[5]) else {
            return Context(provider: provider, record: nil, lrg: false)
        }
        let chromosome = "NC_000011.10"
        let bases = strandFlag == 1 ? slice.sequence : Array(GFFImporter.reverseComplement(slice.sequence[...]))
        provider.chromosomes = [
            ChromosomeModel(assembly: .grch38, name: "11", accession: chromosome, aliases: [], length: 135_086_622)
        ]
        provider.addGenomicWindow(chromosome: chromosome, start: start - 1, bases: bases)
        for var t in gff.transcripts {
            guard let a = t.alignment(on: .grch38), a.chromosome == chromosome else { continue }
            var sequence: [UInt8] = []
            for e in a.exons {
                let lo = e.genomic.start - (start - 1)
                let hi = e.genomic.end - (start - 1)
                guard lo >= 0, hi <= bases.count else { break }
                let piece = bases[lo..<hi]
                sequence += a.strand == .plus ? Array(piece) : GFFImporter.reverseComplement(piece)
            }
            t.sequence = sequence
            t.length = sequence.count
            provider.transcriptModels.append(t)
        }
        return Context(provider: provider, record: name.hasPrefix("ENSG") ? name : nil, lrg: false)
    }

    /// A transcript record annotated on itself (`NM_003002.2.gff3`): no genome.
    static func transcriptRecord(_ name: String) throws -> Context {
        let gff = try GFFImporter(path: path("\(name).gff3"), fasta: [path("\(name).fasta")]).load()
        var provider = InMemoryReferenceProvider()
        provider.transcriptModels = gff.transcripts
        return Context(provider: provider, record: nil, lrg: false)
    }

    /// Transcripts ferro pinned (sequence + CDS) for its own added cases, when no mutalyzer record has them.
    static func ferroSnapshot(
        _ cache: Cache
    ) throws -> [String: (sequence: [UInt8], cds: TranscriptInterval, protein: String)] {
        if let s = cache.snapshot { return s }
        let folder = ferro.appendingPathComponent("reference-snapshot")
        let fna = try readFASTA(
            InputFile.read(folder.appendingPathComponent("transcripts.fna").path), file: "transcripts.fna")
        let meta =
            (try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("transcripts.metadata.json")))
            as? [String: Any])?["transcripts"] as? [String: [String: Any]] ?? [:]
        var result: [String: (sequence: [UInt8], cds: TranscriptInterval, protein: String)] = [:]
        for record in fna {
            guard let m = meta[record.name], let s = m["cds_start"] as? Int, let e = m["cds_end"] as? Int else {
                continue
            }
            result[record.name] = (
                record.sequence, TranscriptInterval(hgvsStart: s, hgvsEnd: e), m["protein"] as? String ?? ""
            )
        }
        cache.snapshot = result
        return result
    }

    /// Which NG_ record annotates a transcript (`NM_000077.4` -> `NG_007485.1`), from the GFF3 files.
    static func recordOfTranscript(_ accession: String, _ cache: Cache) throws -> String? {
        if cache.recordOfTranscript == nil {
            var index: [String: String] = [:]
            let names = try FileManager.default.contentsOfDirectory(atPath: data.path).filter {
                $0.hasPrefix("NG_") && $0.hasSuffix(".gff3")
            }.sorted()
            for name in names {
                let record = String(name.dropLast(5))
                let text = try String(contentsOfFile: path(name), encoding: .utf8)
                for line in text.split(separator: "\n")
                where line.contains("\tmRNA\t") || line.contains("\ttranscript\t") {
                    if let r = line.range(of: "transcript_id=") {
                        let id = line[r.upperBound...].prefix { $0 != ";" }
                        if index[String(id)] == nil { index[String(id)] = record }
                    }
                }
            }
            cache.recordOfTranscript = index
        }
        return cache.recordOfTranscript?[accession]
    }

    /// The reference context of an input: its outer accession (`NG_012337.1` of `NG_012337.1(NM_003002.2):c.…`).
    static func context(for input: String, _ cache: Cache) throws -> Context {
        let head = input.prefix { $0 != ":" && $0 != "(" }
        var outer = String(head)
        if outer.hasPrefix("LRG_"), let t = outer.firstIndex(of: "t") { outer = String(outer[..<t]) }
        if let c = cache.contexts[outer] { return c }
        var context: Context
        if outer.hasPrefix("NG_") || outer == "NC_012920.1", exists("\(outer).gff3") {
            context = try refSeqRecord(outer)
        } else if outer.hasPrefix("LRG_"), exists(outer) {
            context = try lrgRecord(outer)
        } else if outer.hasPrefix("ENS") {
            let file = exists("\(outer).gff3") ? outer : (outer.contains(".") ? nil : outer)
            context =
                try file.map(ensemblRecord) ?? Context(provider: InMemoryReferenceProvider(), record: nil, lrg: false)
        } else if exists("\(outer).gff3") {
            context = try transcriptRecord(outer)
        } else if let record = try recordOfTranscript(outer, cache) {
            // A bare NM_ that only an NG_ record annotates (ferro's added cases): that record's genome.
            context = try refSeqRecord(record)
            context.record = nil
        } else if let pinned = try ferroSnapshot(cache)[outer] {
            var provider = InMemoryReferenceProvider()
            provider.transcriptModels = [
                TranscriptModel(
                    accession: outer, gene: "", proteinAccession: pinned.protein, cds: pinned.cds,
                    sequence: pinned.sequence, exons: [TranscriptInterval(start: 0, end: pinned.sequence.count)],
                    source: "ferro snapshot")
            ]
            context = Context(provider: provider, record: nil, lrg: false)
        } else {
            context = Context(provider: InMemoryReferenceProvider(), record: nil, lrg: false)
        }
        cache.contexts[outer] = context
        return context
    }

    // MARK: Cases and axes

    struct Case {
        var source: String
        var input: String
        var expected: [String: Any]
    }

    static func cases() throws -> (cases: [Case], skipped: Int) {
        let upstream =
            (try JSONSerialization.jsonObject(
                with: Data(contentsOf: corpus.appendingPathComponent("extracted/variants_set.json")))
            as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        let curated =
            (try JSONSerialization.jsonObject(with: Data(contentsOf: ferro.appendingPathComponent("cases.json")))
            as? [String: Any])?["cases"] as? [[String: Any]] ?? []
        let known = Set(upstream.compactMap { $0["input"] as? String })
        var result: [Case] = []
        var skipped = 0
        for c in upstream {
            guard c["to_test"] as? Bool ?? true else {
                skipped += 1
                continue
            }
            result.append(Case(source: "mutalyzer", input: c["input"] as? String ?? "", expected: c))
        }
        for c in curated where !known.contains(c["input"] as? String ?? "") && (c["to_test"] as? Bool ?? true) {
            result.append(Case(source: "ferro", input: c["input"] as? String ?? "", expected: c))
        }
        return (result, skipped)
    }

    /// Mutalyzer error codes as our error kinds.
    static func errorKind(_ code: String) -> String {
        if code.hasPrefix("ESYNTAX") { return NormalizeError.Code.parse.rawValue }
        let table: [String: NormalizeError.Code] = [
            "ESEQUENCEMISMATCH": .referenceMismatch, "ELENGTHMISMATCH": .referenceMismatch,
            "EREPEATMISMATCH": .referenceMismatch, "ENODNA": .parse, "ECOORDINATESYSTEMINVALID": .parse,
            "EOUTOFBOUNDARY": .outOfBounds, "EINTRONIC": .outOfBounds, "ERETR": .unknownReference,
            "ENOSELECTORFOUND": .unknownReference, "ESELECTOROPTIONS": .invalid,
            "ECOORDINATESYSTEMMISMATCH": .invalid, "ENOCDS": .invalid, "EOVERLAP": .invalid,
            "EINSERTIONRANGE": .invalid, "EINTRONICRNA": .invalid, "EREPEATUNSUPPORTED": .unsupported,
            "EVARIANTNOTSUPPORTED": .unsupported,
        ]
        return table[code]?.rawValue ?? code
    }

    struct Outcome: Hashable {
        var source: String
        var input: String
        var axis: String
        var expected: String
        var ours: String
        var line: String { [source, input, axis, expected, ours].joined(separator: "\t") }
    }

    /// `NM_003002.2:c.274G>T` -> `NG_012337.1(NM_003002.2):c.274G>T` when the input named the record.
    static func inRecord(_ ours: String?, _ record: String?, input: String) -> String {
        guard let ours else { return "none" }
        guard let record, input.hasPrefix("\(record)("), !ours.hasPrefix(record) else { return ours }
        return "\(record)(\(ours.prefix { $0 != ":" })):\(ours.drop { $0 != ":" }.dropFirst())"
    }

    /// Our p. in the upstream notation: `NP_002993.1:p.(Asp92Tyr)` -> `NG_012337.1(NP_002993.1):p.(Asp92Tyr)`.
    static func proteinText(_ ours: String?, context: Context, input: String, source: String) -> String {
        guard let ours else { return "none" }
        if source == "ferro" || context.lrg { return ours }
        let outer = String(input.prefix { $0 != ":" && $0 != "(" })
        return "\(outer)(\(ours.prefix { $0 != ":" })):\(ours.drop { $0 != ":" }.dropFirst())"
    }

    static func run() throws -> (outcomes: [Outcome], compared: Int, skipped: Int) {
        let cache = Cache()
        let (cases, skipped) = try cases()
        var outcomes: [Outcome] = []
        for c in cases {
            let context = try context(for: c.input, cache)
            let mapper = ProteinMapper(context.provider)
            let normalizer = Normalizer(provider: context.provider, protein: mapper)
            var result: Result<NormalizedVariant, NormalizeError>
            do {
                result = .success(try normalizer.normalize(c.input))
            } catch {
                result = .failure(error)
            }
            func add(_ axis: String, _ expected: String, _ ours: String) {
                outcomes.append(Outcome(source: c.source, input: c.input, axis: axis, expected: expected, ours: ours))
            }
            let failure: String? = {
                if case .failure(let e) = result { return "error:\(e.code.rawValue)" }
                return nil
            }()
            let v = try? result.get()
            let isGenomic = c.input.contains(":g.") || c.input.contains(":m.")
            if let expected = c.expected["normalized"] as? String, !expected.isEmpty {
                let ours = isGenomic ? v?.hgvsG : inRecord(v?.hgvsC, context.record, input: c.input)
                add("normalized", expected, failure ?? ours ?? "none")
            }
            if let expected = c.expected["genomic"] as? String, !expected.isEmpty {
                add("genomic", expected, failure ?? v?.hgvsG ?? "none")
            }
            if let expected = c.expected["protein_description"] as? String, !expected.isEmpty {
                add(
                    "protein_description", expected,
                    failure ?? proteinText(v?.hgvsP, context: context, input: c.input, source: c.source))
            }
            if let expected = c.expected["rna_description"] as? String, !expected.isEmpty {
                add("rna_description", expected, failure ?? inRecord(v?.hgvsR, context.record, input: c.input))
            }
            // Other transcripts: our c./n. on the transcript mutalyzer names, and (c.) its p.
            func other(_ described: String) -> String? {
                let head = described.prefix { $0 != ":" }
                let accession =
                    head.contains("(") ? String(head.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }) : String(head)
                let all = [v?.hgvsC].compactMap { $0 } + (v?.candidates ?? [])
                return all.first { $0.hasPrefix("\(accession):") }
            }
            for pair in c.expected["coding_protein_descriptions"] as? [[String]] ?? [] where pair.count == 2 {
                let ourC = other(pair[0])
                var ours = failure ?? inRecord(ourC, context.record, input: "\(context.record ?? "")(")
                if failure == nil, let ourC {
                    // An allele's p. is the consequence of all its changes together, which the normalizer computes.
                    let p =
                        ourC.contains("[")
                        ? (try? normalizer.normalize(ourC))?.hgvsP
                        : try? mapper.consequence(of: ourC).consequence.hgvs()
                    ours += " " + proteinText(p, context: context, input: c.input, source: c.source)
                } else if failure == nil {
                    ours += " none"
                }
                add("coding_protein_descriptions", pair.joined(separator: " "), ours)
            }
            for expected in c.expected["noncoding"] as? [String] ?? [] {
                add(
                    "noncoding", expected,
                    failure ?? inRecord(other(expected), context.record, input: "\(context.record ?? "")("))
            }
            if let errors = c.expected["errors"] as? [String], let first = errors.first {
                let mapped = "error:\(errorKind(first))"
                add("errors", "\(errors.joined(separator: ","))=\(mapped)", failure ?? (v?.hgvsC ?? v?.hgvsG ?? "ok"))
            }
        }
        return (outcomes, cases.count, skipped)
    }

    static func agrees(_ o: Outcome) -> Bool {
        if o.axis == "errors" { return o.expected.hasSuffix("=\(o.ours)") }
        return o.expected == o.ours
    }

    @Test func mutalyzerAgreement() throws {
        let (outcomes, compared, skipped) = try Self.run()
        #expect(compared >= 330)
        var axes: [String] = []
        for o in outcomes where !axes.contains(o.axis) { axes.append(o.axis) }
        print("mutalyzer normalizer set: \(compared) cases run (\(skipped) marked to_test=false upstream, skipped)")
        for source in ["mutalyzer", "ferro"] {
            for axis in axes {
                let these = outcomes.filter { $0.source == source && $0.axis == axis }
                guard !these.isEmpty else { continue }
                print("  \(source) \(axis): \(these.filter(Self.agrees).count)/\(these.count) agree")
            }
        }
        let disagreements = outcomes.filter { !Self.agrees($0) }
        let casesAgreeing = Set(outcomes.map(\.input)).subtracting(disagreements.map(\.input)).count
        print(
            "  cases agreeing on every axis: \(casesAgreeing)/\(Set(outcomes.map(\.input)).count); \(disagreements.count) listed disagreements"
        )
        let fixture = Self.root.appendingPathComponent("Fixtures/mutalyzer-disagreements.tsv")
        let listed = Set(
            ((try? String(contentsOf: fixture, encoding: .utf8)) ?? "").split(separator: "\n")
                .filter { !$0.hasPrefix("#") }
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(5).joined(separator: "\t") })
        let actual = Set(disagreements.map(\.line))
        let unlisted = actual.subtracting(listed).sorted()
        let gone = listed.subtracting(actual).sorted()
        if !unlisted.isEmpty || !gone.isEmpty {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent(
                "mutalyzer-disagreements.actual.tsv")
            try? (disagreements.map(\.line).sorted().joined(separator: "\n") + "\n").write(
                to: out, atomically: true, encoding: .utf8)
            print("  actual disagreements written to \(out.path)")
        }
        for line in unlisted { Issue.record("unlisted disagreement: \(line)") }
        for line in gone { Issue.record("listed disagreement no longer occurs: \(line)") }
    }
}

/// Fixes found by the mutalyzer set, each on the real record that showed it.
@Suite struct MutalyzerRegressionTests {
    static func normalizer(_ record: String) throws -> Normalizer<InMemoryReferenceProvider> {
        let cache = MutalyzerAgreementTests.Cache()
        let context = try MutalyzerAgreementTests.context(for: "\(record):g.1del", cache)
        return Normalizer(provider: context.provider, protein: ProteinMapper(context.provider))
    }

    /// The transcript placed on its RefSeqGene record: `c.274` is base 7125 of NG_012337.1.
    @Test func transcriptOnItsRefSeqGeneRecord() throws {
        let v = try Self.normalizer("NG_012337.1").normalize("NG_012337.1(NM_003002.2):c.274G>T")
        #expect(v.hgvsC == "NM_003002.2:c.274G>T")
        #expect(v.hgvsG == "NG_012337.1:g.7125G>T")
        #expect(v.hgvsP == "NP_002993.1:p.(Asp92Tyr)")
        // Minus strand (TIMM8B): c.12_13insGATC is g.4911_4912insATCG.
        let m = try Self.normalizer("NG_012337.1").normalize("NG_012337.1(NM_012459.2):c.12_13insGATC")
        #expect(m.hgvsG == "NG_012337.1:g.4911_4912insATCG")
    }

    /// `g.4911GT[5]` names the first base of the repeat: the reference's `GTGT` (2 copies) becomes 5 copies, 6
    /// bases more, not the single base 4911 replaced by 10.
    @Test func repeatAtOnePositionCoversTheReferenceRepeat() throws {
        let n = try Self.normalizer("NG_012337.1")
        #expect(try n.normalize("NG_012337.1:g.4911GT[5]").hgvsG == "NG_012337.1:g.4914_4915insGTGTGT")
        #expect(try n.normalize("NG_012337.1:g.4911_4914GT[5]").hgvsG == "NG_012337.1:g.4914_4915insGTGTGT")
        #expect(try n.normalize("NG_012337.1(NM_012459.2):c.10CA[5]").hgvsC == "NM_012459.2:c.13_14insCACACA")
        // A single-base unit at a single base: c.6C[4] adds three Cs.
        #expect(try n.normalize("NG_012337.1(NM_012459.2):c.6C[4]").hgvsC == "NM_012459.2:c.6_7insCCC")
    }

    /// A repeat whose range is not whole copies of the unit contradicts the reference (mutalyzer EREPEATMISMATCH).
    @Test func repeatOverOtherBasesIsAReferenceMismatch() throws {
        let n = try Self.normalizer("NG_012337.1")
        for text in ["NG_012337.1(NM_012459.2):c.274_275TA[5]", "NG_012337.1(NM_012459.2):c.10CT[5]"] {
            #expect(throws: NormalizeError.self, "\(text)") { try n.normalize(text) }
            do {
                _ = try n.normalize(text)
            } catch {
                #expect(error.code == .referenceMismatch, "\(text)")
            }
        }
    }

    /// Inserting zero copies changes nothing: `g.=`, not the backwards range `g.6933_6932=`.
    @Test func insertionOfNoCopiesIsTheUnchangedSequence() throws {
        let v = try Self.normalizer("LRG_303").normalize("LRG_303:g.6932_6933insAGCAACGTGATCGCCTCCCTCACCT[0]")
        #expect(v.hgvsG == "LRG_303:g.=")
    }

    /// A transcript selector on g. positions is a contradiction (mutalyzer ECOORDINATESYSTEMMISMATCH); it was
    /// silently ignored, reading `NG_007485.1(NR_024274.1):g.616del` as `NG_007485.1:g.616del`.
    @Test func transcriptSelectorOnGenomicPositionsIsRefused() throws {
        let n = try Self.normalizer("NG_007485.1")
        do {
            let v = try n.normalize("NG_007485.1(NR_024274.1):g.616del")
            Issue.record("accepted as \(v.hgvsG ?? "?")")
        } catch {
            #expect(error.code == .invalid)
        }
        #expect(try n.normalize("NG_007485.1:g.616del").hgvsG != nil)
    }

    /// A gene symbol selecting the transcript on a genomic record: `NG_012337.1(SDHD):c.274G>T`.
    @Test func geneSymbolOnAGenomicRecordSelectsTheGenesTranscript() throws {
        let n = try Self.normalizer("NG_012337.1")
        let v = try n.normalize("NG_012337.1(SDHD):c.274G>T")
        #expect(v.hgvsC == "NM_003002.2:c.274G>T" && v.hgvsG == "NG_012337.1:g.7125G>T")
        #expect(try n.normalize("NG_012337.1(TIMM8B):c.12delC").hgvsC == "NM_012459.2:c.12del")
    }
}
