import Foundation
import Testing
import VarSynCore
import VarSynReference

@testable import VarSynNormalize

/// The fast paths (`Normalizer+FastKey.swift`) must never disagree with the general path: on whole corpora, every
/// input gives the identical result (every key, form and warning) or the identical error through both, and the
/// fast path really serves most of them.
@Suite(.serialized) struct FastPathDifferentialTests {
    /// The peers' synthetic reference (`../shared/bench/peers/make_reference.py`: 200 transcripts, 20,000 c.
    /// variants, 10,000 p. missense) as a table, with its variant texts.
    struct Synthetic {
        var table: ReferenceTable
        var coding: [String]
        var protein: [String]
    }

    static let synthetic: Result<Synthetic, any Error> = Result {
        let script = FerroAgreementTests.shared.appendingPathComponent("bench/peers/make_reference.py")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "varsyn-fastpath-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, dir.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        // The transcript sequences, as run-map-comparison.sh hands them to `varsyn table build`.
        let ferro =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent("ferro_transcripts.json"))) as? [String: Any] ?? [:]
        var sequences: [String: String] = [:]
        for t in ferro["transcripts"] as? [[String: Any]] ?? [] {
            if let id = t["id"] as? String, let s = t["sequence"] as? String { sequences[id] = s }
        }
        let sequencesPath = dir.appendingPathComponent("cdot_transcript_sequences.json")
        try JSONSerialization.data(withJSONObject: sequences).write(to: sequencesPath)
        let data = try CDotImporter(
            path: dir.appendingPathComponent("cdot.json").path, sequences: sequencesPath.path
        ).load()
        let tablePath = dir.appendingPathComponent("syn.vstable").path
        try TableWriter().write(data, to: tablePath)
        let table = try ReferenceTable(path: tablePath)
        func column(_ file: String) throws -> [String] {
            try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").compactMap
            {
                let f = $0.split(separator: "\t")
                return f.count >= 2 ? String(f[1]) : nil
            }
        }
        return Synthetic(
            table: table, coding: try column("variants.tsv"), protein: try column("protein_variants.tsv"))
    }

    /// Compares the two paths on `texts`; returns how many the fast key path answered itself.
    static func compare(
        _ texts: [String], table: ReferenceTable, forms: OutputForms, sourceLocation: SourceLocation = #_sourceLocation
    ) -> (served: Int, differences: [String]) {
        var fast = Normalizer(
            provider: TableReferenceProvider(table), protein: ProteinMapper(TableReferenceProvider(table)))
        fast.options.forms = forms
        var general = fast
        general.fastPaths = false
        var served = 0
        var differences: [String] = []
        for text in texts {
            let a = Result { () throws(NormalizeError) in try fast.normalize(text) }
            let b = Result { () throws(NormalizeError) in try general.normalize(text) }
            if a != b { differences.append("\(text)\n  fast:    \(a)\n  general: \(b)") }
            let pa = Result { () throws(NormalizeError) in try fast.project(text) }
            let pb = Result { () throws(NormalizeError) in try general.project(text) }
            if pa != pb { differences.append("project \(text)\n  fast:    \(pa)\n  general: \(pb)") }
            if let parsed = try? HGVSParser.parse(text), fast.fastKey(parsed) != nil { served += 1 }
        }
        return (served, differences)
    }

    @Test func syntheticCorpusKeyOnly() throws {
        let s = try Self.synthetic.get()
        #expect(s.coding.count == 20_000)
        #expect(s.protein.count == 10_000)
        let c = Self.compare(s.coding, table: s.table, forms: .key)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        // Every transcript is prepared on its 8th request (`FastKeyCache.warmUp`; `compare` asks twice per text):
        // the rest, intronic positions included (the synthetic table has no genome), is served by the fast path.
        let warmUp = 200 * FastKeyCache.warmUp / 2
        #expect(c.served >= s.coding.count - warmUp - 100, "served \(c.served) of \(s.coding.count)")
        let p = Self.compare(s.protein, table: s.table, forms: .key)
        #expect(p.differences.isEmpty, "\(p.differences.count) differences, first: \(p.differences.prefix(5))")
    }

    /// The normalized c. text alone (what ferro-hgvs's normalize answers), with and without the key: identical
    /// through both paths, served by the fast path wherever the key is, and the same text `.all` gives.
    @Test(arguments: [OutputForms.hgvsC, [.key, .hgvsC]])
    func syntheticCorpusTranscriptText(forms: OutputForms) throws {
        let s = try Self.synthetic.get()
        let c = Self.compare(s.coding, table: s.table, forms: forms)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        // Intronic positions and shifts that reach an exon edge (the synthetic table has no genome) decline.
        let warmUp = 200 * FastKeyCache.warmUp / 2
        #expect(c.served >= s.coding.count * 3 / 4 - warmUp, "served \(c.served) of \(s.coding.count)")
        var only = Normalizer(provider: TableReferenceProvider(s.table))
        only.options.forms = forms
        var every = only
        every.options.forms = .all
        var compared = 0
        for text in s.coding.prefix(3_000) {
            guard let a = try? only.normalize(text), let b = try? every.normalize(text) else { continue }
            compared += 1
            #expect(a.hgvsC == b.hgvsC, "\(text)")
            // (An unchecked intronic 1:1 change still comes with its g. and VCF text, as with `.key` alone.)
            #expect(a.hgvsR == nil && a.hgvsP == nil && a.candidates.isEmpty)
            if forms.contains(.key) { #expect(a.key == b.key, "\(text)") } else { #expect(a.key == nil) }
        }
        #expect(compared > 2_500)
    }

    @Test func syntheticCorpusAllForms() throws {
        let s = try Self.synthetic.get()
        let c = Self.compare(Array(s.coding.prefix(5_000)), table: s.table, forms: .all)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        let p = Self.compare(Array(s.protein.prefix(2_000)), table: s.table, forms: .all)
        #expect(p.differences.isEmpty, "\(p.differences.count) differences, first: \(p.differences.prefix(5))")
    }

    /// Real data: ClinVar's c. names (biocommons `clinvar.gz`) on the embedded default table, whose LRG segments
    /// give genomic sequence around most of them.
    @Test func clinVarOnDefaultTable() throws {
        let text = try ClinVarMappingTests.gunzip(
            FerroAgreementTests.shared.appendingPathComponent("conformance/biocommons/clinvar.gz"))
        var names: [String] = []
        // The file has CRLF line ends: "\r\n" is one Character, so split on newlines, not on "\n".
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t")
            guard fields.count == 3 else { continue }
            names += fields[2].split(separator: " ").map(String.init).filter { $0.contains(":c.") }
        }
        #expect(names.count > 12_000)
        // Most names are intronic, on transcripts the table lacks, or need a version fallback: the rest is served.
        for forms: OutputForms in [.key, .hgvsC, [.key, .hgvsC]] {
            let c = Self.compare(names, table: SeedTests.table, forms: forms)
            #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
            #expect(c.served >= 50, "served \(c.served) of \(names.count)")
        }
    }

    /// Generated on the default table: around every exon edge of 15 transcripts, deletions, duplications,
    /// insertions that extend a repeat or not, delins, substitutions right and wrong, and ranges across the
    /// junction; in transcript and gene coordinates. Exercises the exon-edge and genome-window rules.
    @Test(arguments: [OutputForms.key, .hgvsC, [.key, .hgvsC]])
    func exonEdgesOnDefaultTable(forms: OutputForms) throws {
        let table = SeedTests.table
        let texts = Self.exonEdgeTexts(table)
        #expect(texts.count > 1_000)
        let c = Self.compare(texts, table: table, forms: forms)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        #expect(c.served > texts.count / 4, "served \(c.served) of \(texts.count)")
    }

    /// The exon-edge variants of ``exonEdgesOnDefaultTable(forms:)`` (also read by `TextStreamDifferentialTests`).
    static func exonEdgeTexts(_ table: ReferenceTable) -> [String] {
        let provider = TableReferenceProvider(table)
        var texts: [String] = []
        var count = 0
        for accession in ["NM_003156.3", "NM_000546.5", "NM_000256.3", "NM_032790.3"] + table.sampleAccessions(11) {
            guard let t = provider.transcript(accession: accession)?.transcript, count < 15 else { continue }
            count += 1
            let coding = t.cds != nil
            let prefix = accession + (coding ? ":c." : ":n.")
            let mapper = TranscriptMapper(transcript: t)
            for e in 0..<t.exonCount {
                let exon = t.exon(e)
                for index in [exon.start - 1, exon.start, exon.end - 2, exon.end - 1]
                where index >= 0 && index + 1 < t.length {
                    let p = mapper.text(of: TranscriptPoint(index: index), coding: coding)
                    let q = mapper.text(of: TranscriptPoint(index: index + 1), coding: coding)
                    guard let b = t.base(at: index), let c = t.base(at: index + 1) else { continue }
                    let base = String(decoding: [b], as: UTF8.self)
                    let next = String(decoding: [c], as: UTF8.self)
                    let other = b == UInt8(ascii: "A") ? "C" : "A"
                    texts += [
                        "\(prefix)\(p)\(base)>\(other)", "\(prefix)\(p)\(other)>\(base)", "\(prefix)\(p)del",
                        "\(prefix)\(p)del\(base)", "\(prefix)\(p)dup", "\(prefix)\(p)_\(q)del", "\(prefix)\(p)_\(q)dup",
                        "\(prefix)\(p)_\(q)ins\(base)", "\(prefix)\(p)_\(q)ins\(next)",
                        "\(prefix)\(p)_\(q)ins\(base)\(base)GT",
                        "\(prefix)\(p)_\(q)delins\(next)\(base)", "\(prefix)\(p)_\(q)delinsT",
                        "\(prefix)\(p)delins\(base)",
                        "\(prefix)\(p)_\(q)del2", "\(prefix)\(p)_\(q)ins\(next)\(next)\(next)\(next)",
                        // Offsets: intronic when the index is an exon edge, else back inside an exon.
                        "\(prefix)\(p)+1\(base)>\(other)", "\(prefix)\(p)+3del", "\(prefix)\(p)+1_\(p)+2insA",
                        "\(prefix)\(q)-2_\(q)-1del", "\(prefix)\(q)-1delins\(other)", "\(prefix)\(p)_\(p)+1del",
                    ]
                }
            }
        }
        return texts
    }

    /// Back-translation text: the fast candidates are exactly `CodingCandidate.hgvs()` of the general
    /// back-translation, and the fast path declines exactly where the general one fails.
    static func compareBackTranslation(
        _ texts: [String], table: ReferenceTable
    ) -> (served: Int, differences: [String]) {
        let mapper = ProteinMapper(TableReferenceProvider(table))
        var served = 0
        var differences: [String] = []
        for text in texts {
            let fast = mapper.fastCodingCandidates(text)
            let general = try? mapper.backTranslate(text).translation.candidates.map { $0.hgvs() }
            if fast != nil { served += 1 }
            // The fast path may decline what the general path answers (it then answers), never the reverse.
            if let fast, fast != general {
                differences.append("\(text): fast \(fast) general \(String(describing: general))")
            }
            if fast == nil, general != nil, !text.contains("(") {
                differences.append("\(text): fast path declined a plain description")
            }
        }
        return (served, differences)
    }

    /// c. -> p. text: `fastHGVS()` is exactly the printer's `hgvs()`, `consequenceText(ofCoding:)` (written from
    /// the computed change) is exactly `fastHGVS()`, and the consequence through `preparedTranscript(named:)` is
    /// the one through the text API.
    @Test func consequenceText() throws {
        let s = try Self.synthetic.get()
        let mapper = ProteinMapper(TableReferenceProvider(s.table))
        var compared = 0
        var differences: [String] = []
        var forms: [String: Int] = [:]
        for text in s.coding {
            guard let parsed = try? HGVSParser.parse(text), let d = parsed.expression.singleDescription,
                let reference = d.reference
            else { continue }
            let viaText = try? mapper.consequence(of: text).consequence
            let viaReference = try? mapper.preparedTranscript(named: reference).consequence(of: d)
            if viaText != viaReference { differences.append("\(text): \(String(describing: viaText))") }
            // The text written straight from the computed change (no syntax tree): the same text, or the same failure.
            let direct = try? mapper.consequenceText(ofCoding: parsed.expression)
            if direct != viaText?.fastHGVS() {
                differences.append("\(text): direct \(String(describing: direct)) vs \(String(describing: viaText))")
            }
            guard let p = viaText else { continue }
            compared += 1
            let fast = p.fastHGVS()
            if fast != p.hgvs() { differences.append("\(text): \(fast) vs \(p.hgvs())") }

            for form in ["fsTer", "=)", "p.?", "_", "del", "dup"] where fast.contains(form) {
                forms[form, default: 0] += 1
            }
        }
        #expect(compared > 10_000)
        // The forms written without the printer all occur (frameshifts are a third of the corpus).
        #expect(forms["fsTer", default: 0] > 5_000 && forms["=)", default: 0] > 1_000, "\(forms)")
        #expect(forms["del", default: 0] > 0 && forms["dup", default: 0] > 0 && forms["_", default: 0] > 0, "\(forms)")
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(5))")
    }

    /// The fast paths' shared caches (prepared transcripts by accession, protein transcripts by reference) under
    /// concurrent use from a fresh normalizer and mapper: every task gets the answers of one thread.
    @Test func concurrentUse() async throws {
        let s = try Self.synthetic.get()
        var sequential = Normalizer(provider: TableReferenceProvider(s.table))
        sequential.options.forms = [.key, .hgvsC]
        let expected = Self.answers(
            sequential, ProteinMapper(TableReferenceProvider(s.table)), coding: s.coding, protein: s.protein)
        var shared = Normalizer(provider: TableReferenceProvider(s.table))
        shared.options.forms = [.key, .hgvsC]
        let normalizer = shared
        let mapper = ProteinMapper(TableReferenceProvider(s.table))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 {
                group.addTask { Self.answers(normalizer, mapper, coding: s.coding, protein: s.protein) }
            }
            var all: [[String]] = []
            for await part in group { all.append(part) }
            return all
        }
        #expect(results.count == 4)
        for part in results { #expect(part == expected) }
        #expect(expected.filter { $0 != "error" }.count > 4_000)
    }

    /// Key and c. text, projection and p. text of the first 2,000 c. variants, twice (the second time prepared),
    /// and the c. candidates of the first 1,000 p. variants.
    static func answers(
        _ normalizer: Normalizer<TableReferenceProvider>, _ mapper: ProteinMapper<TableReferenceProvider>,
        coding: [String], protein: [String]
    ) -> [String] {
        var out: [String] = []
        for _ in 0..<2 {
            for text in coding.prefix(2_000) {
                out.append((try? normalizer.normalize(text)).map { "\($0.key ?? "-") \($0.hgvsC ?? "-")" } ?? "error")
                out.append((try? normalizer.project(text)).map { "\($0.interval)" } ?? "error")
                let parsed = try? HGVSParser.parse(text)
                out.append(parsed.flatMap { try? mapper.consequenceText(ofCoding: $0.expression) } ?? "error")
            }
            for text in protein.prefix(1_000) {
                out.append(((try? mapper.codingCandidates(ofProtein: text)) ?? ["error"]).joined(separator: ","))
            }
        }
        return out
    }

    @Test func backTranslationText() throws {
        let s = try Self.synthetic.get()
        let synthetic = Self.compareBackTranslation(s.protein, table: s.table)
        #expect(synthetic.differences.isEmpty, "\(synthetic.differences.prefix(5))")
        #expect(synthetic.served == s.protein.count)
        // The default table: the first 40 residues of a few proteins to every amino acid, Ter and `=`, and a
        // wrong reference residue.
        let provider = TableReferenceProvider(SeedTests.table)
        var texts: [String] = []
        for accession in ["NM_003156.3", "NM_000546.5", "NM_000256.3", "NM_032790.3"] {
            guard let t = provider.transcript(accession: accession)?.transcript,
                let prepared = try? ProteinTranscript(t)
            else { continue }
            for residue in 1...min(40, prepared.protein.count) {
                let reference = prepared.protein[residue - 1].threeLetterCode
                for alternative in ["Ala", "Trp", "Ter", "Gly", "Lys"] {
                    texts.append("\(prepared.proteinName):p.\(reference)\(residue)\(alternative)")
                    texts.append("\(accession):p.Cys\(residue)\(alternative)")
                }
                texts.append("\(prepared.proteinName):p.\(reference)\(residue)=")
            }
        }
        #expect(texts.count > 500)
        let real = Self.compareBackTranslation(texts, table: SeedTests.table)
        #expect(real.differences.isEmpty, "\(real.differences.prefix(5))")
        #expect(real.served > texts.count / 3, "served \(real.served) of \(texts.count)")
    }
}

extension ReferenceTable {
    /// Up to `n` transcript accessions of the table, spread over it.
    func sampleAccessions(_ n: Int) -> [String] {
        let all = transcripts
        guard all.count > 0 else { return [] }
        let step = max(1, all.count / n)
        return stride(from: 0, to: all.count, by: step).prefix(n).map { all[$0].accession.string }
    }
}
