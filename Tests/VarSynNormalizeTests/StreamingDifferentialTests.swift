import Foundation
import Testing
import VarSynCore
import VarSynReference

@testable import VarSynNormalize

/// The streaming APIs (`ProteinMapper.appendCodingCandidates(ofProtein:to:)`, `CodingProjector`) give exactly the
/// texts and errors of the calls they stand for (`codingCandidates(ofProtein:)`; `Normalizer.project` then
/// `ProteinMapper.consequenceText(ofCoding:)`) on the synthetic reference, the default table's STIM1 seeds and
/// malformed input, append nothing when they fail, serve the common inputs through their fast paths, and give the
/// answers of one thread under concurrent use.
@Suite(.serialized) struct StreamingDifferentialTests {
    /// The candidates of `text` through both APIs (fresh `old` and `new` mappers may be passed in).
    static func candidates(
        _ text: String, old: ProteinMapper<TableReferenceProvider>, new: ProteinMapper<TableReferenceProvider>
    ) -> (
        old: Result<[String], NormalizeError>, viaString: Result<[String], NormalizeError>,
        viaBytes: Result<[String], NormalizeError>
    ) {
        let expected = Result { () throws(NormalizeError) in try old.codingCandidates(ofProtein: text) }
        // Appended after a text already in the list: the answer is what follows it, nothing on failure.
        func streamed(_ append: (inout TextList) throws(NormalizeError) -> Void) -> Result<[String], NormalizeError> {
            var out = TextList()
            out.append("before")
            do throws(NormalizeError) {
                try append(&out)
                return .success(Array(out.strings.dropFirst()))
            } catch {
                return out.strings == ["before"] ? .failure(error) : .success(["appended on failure"] + out.strings)
            }
        }
        let viaString = streamed { (out: inout TextList) throws(NormalizeError) in
            try new.appendCodingCandidates(ofProtein: text, to: &out)
        }
        let bytes = Array(text.utf8)
        let viaBytes = streamed { (out: inout TextList) throws(NormalizeError) in
            var failure: NormalizeError?
            bytes.withUnsafeBufferPointer { buffer in
                do throws(NormalizeError) {
                    try new.appendCodingCandidates(ofProtein: buffer, to: &out)
                } catch { failure = error }
            }
            if let failure { throw failure }
        }
        return (expected, viaString, viaBytes)
    }

    /// Compares both APIs on `texts`; returns how many the streaming fast path served and the differences.
    static func compareCandidates(
        _ texts: [String], table: ReferenceTable
    ) -> (served: Int, answered: Int, differences: [String]) {
        let old = ProteinMapper(TableReferenceProvider(table))
        let new = ProteinMapper(TableReferenceProvider(table))
        var served = 0
        var answered = 0
        var differences: [String] = []
        for text in texts {
            let r = candidates(text, old: old, new: new)
            if r.old != r.viaString || r.old != r.viaBytes {
                differences.append("\(text): \(r.old) / \(r.viaString) / \(r.viaBytes)")
            }
            if case .success = r.old { answered += 1 }
            var out = TextList()
            let fast = Array(text.utf8).withUnsafeBufferPointer { new.appendFastCandidates($0, &out) }
            if fast { served += 1 }
        }
        return (served, answered, differences)
    }

    @Test func backTranslationSynthetic() throws {
        let s = try FastPathDifferentialTests.synthetic.get()
        // The 10,000 p. variants, then the same predicted, as `=`, with a wrong reference residue, past the protein's
        // end, on the transcript accession, and as a range (the general path's).
        var texts = s.protein
        for text in s.protein.prefix(1_000) {
            guard let colon = text.firstIndex(of: ":") else { continue }
            let accession = String(text[..<colon])
            let body = String(text[text.index(colon, offsetBy: 3)...])  // `Thr2Ile`
            let residue = String(body.prefix(3))
            let number = String(body.dropFirst(3).prefix { $0.isNumber })
            texts.append("\(accession):p.(\(body))")
            texts.append("\(accession):p.\(residue)\(number)=")
            texts.append("\(accession):p.\(residue == "Trp" ? "Cys" : "Trp")\(number)Gly")
            texts.append("\(accession):p.\(residue)\(number)000Gly")
            texts.append(accession.replacingOccurrences(of: "NP_", with: "NM_") + ":p.\(body)")
            texts.append("\(accession):p.\(residue)\(number)_\(residue)\(number + "1")del")
        }
        let r = Self.compareCandidates(texts, table: s.table)
        #expect(r.differences.isEmpty, "\(r.differences.count): \(r.differences.prefix(5))")
        #expect(r.answered > 12_000, "answered \(r.answered) of \(texts.count)")
        // Every plain and predicted substitution and `=` on a known protein is served without the general path.
        #expect(r.served >= s.protein.count + 2_000, "served \(r.served) of \(texts.count)")
    }

    @Test func backTranslationSeedsAndMalformedInput() throws {
        var texts = [
            "STIM1 P165Q", "STIM1 R304H", "STIM1 L197P", "STIM1 G304R", "STIM1 E136G", "STIM1 R50*",
            "NP_003147.2:p.Pro165Gln", "NP_003147.2:p.(Pro165Gln)", "NP_003147.2:p.Pro165=", "NP_003147.2:p.Arg304His",
            "NP_003147.2:p.Leu197Pro", "NP_003147.2:p.Gly304Arg", "NP_003147.2:p.Arg304Ter", "NP_003147.2:p.Arg97Ter",
            "NM_003156.3:p.(Arg304His)", "NM_003156.4:p.Pro165Gln", "NP_003147.2:p.Met1Val", "NP_003147.2:p.Met1=",
            "NP_003147.2:p.Pro165Xaa", "NP_003147.2:p.Pro99999Gln", "NP_999999.1:p.Pro165Gln",
            "NP_003147.2:p.Pro165_Gln166del", "NP_003147.2:p.Pro165fs", "NP_003147.2:p.Pro165GlnfsTer10",
            "NP_003147.2:p.Pro165del", "NP_003147.2:p.Pro165dup", "NP_003147.2:c.494C>A", "NM_003156.3:c.494C>A",
            "", " ", "NP_", "NP_003147.2", "NP_003147.2:", "NP_003147.2:p.", "NP_003147.2:p.Pro",
            "NP_003147.2:p.Pro165",
            "NP_003147.2:p.Pro0Gln", "NP_003147.2:p.Pro0165Gln", "NP_003147.2:p.Xyz165Gln", "NP_003147.2:p.Pro165Gln ",
            "NP_003147.2:p.(Pro165Gln", "NP_003147.2:p.Pro165Gln)", "NP_003147.2:p.pro165gln", "NP_003147.2:p.P165Q",
            "NP_003147.2(STIM1):p.Pro165Gln", "NP_003147:p.Pro165Gln", "NP_003147.2:p.Pro1650000000Gln",
            "NP_003147.2:p.[Pro165Gln;Arg304His]", "NP_003147.2:p.Pro165Gln;Arg304His", "NP_003147.2:p.=",
            "NP_003147.2:p.?", "NP_003147.2:p.0", "p.Pro165Gln", "NP_003147.2:p.Pro165Leu", "NP_003147.2:p.Pro165Ter",
            "NP_003147.2:p.Pro165Glné", "ENSP00000300737.4:p.Pro165Gln", "LRG_164p1:p.Pro165Gln",
        ]
        // Every residue of the first 60 of STIM1 to a few amino acids, `=`, and a wrong stated residue.
        let stim1 = ProteinTestData.stim1
        for residue in 1...60 {
            let reference = stim1.protein[residue - 1].threeLetterCode
            for alternative in ["Ala", "Trp", "Ter", "Gly", "Lys", "His"] {
                texts.append("NP_003147.2:p.\(reference)\(residue)\(alternative)")
                texts.append("NP_003147.2:p.(\(reference)\(residue)\(alternative))")
            }
            texts.append("NP_003147.2:p.\(reference)\(residue)=")
            texts.append("NP_003147.2:p.Cys\(residue)Gly")
        }
        let r = Self.compareCandidates(texts, table: SeedTests.table)
        #expect(r.differences.isEmpty, "\(r.differences.count): \(r.differences.prefix(5))")
        #expect(r.served > 700, "served \(r.served) of \(texts.count)")

        // The seeds' answers, as issue 4 states them.
        let mapper = ProteinMapper(TableReferenceProvider(SeedTests.table))
        var out = TextList()
        try mapper.appendCodingCandidates(ofProtein: "STIM1 P165Q", to: &out)
        try mapper.appendCodingCandidates(ofProtein: "NP_003147.2:p.(Pro165Gln)", to: &out)
        #expect(
            out.strings == [
                "NM_003156.3:c.494C>A", "NM_003156.3:c.494_495delinsAG", "NM_003156.3:c.494C>A",
                "NM_003156.3:c.494_495delinsAG",
            ])
        out.removeAll()
        try mapper.appendCodingCandidates(ofProtein: "STIM1 R304H", to: &out)
        #expect(out.strings == ["NM_003156.3:c.911_912delinsAC", "NM_003156.3:c.911_912delinsAT"])
        for text in ["STIM1 L197P", "STIM1 G304R", "NP_003147.2:p.Leu197Pro"] {
            #expect(throws: NormalizeError.self) { try mapper.appendCodingCandidates(ofProtein: text, to: &out) }
            do {
                try mapper.appendCodingCandidates(ofProtein: text, to: &out)
            } catch { #expect(error.code == .referenceMismatch, "\(text): \(error)") }
        }
        #expect(out.count == 2)
        // Bytes that are not UTF-8: the general path's answer for the decoded text.
        let invalid: [UInt8] = Array("NP_003147.2:p.Pro165Gln".utf8) + [0xFF]
        var failed = false
        invalid.withUnsafeBufferPointer { buffer in
            do throws(NormalizeError) {
                try mapper.appendCodingCandidates(ofProtein: buffer, to: &out)
            } catch { failed = true }
        }
        #expect(failed && out.count == 2)
    }

    /// The projector against the two calls it stands for, on `texts`, `passes` times (entries are made once the
    /// normalizer's fast path has prepared a transcript); returns how many the projector's table served.
    static func compareProjector(
        _ texts: [String], table: ReferenceTable, passes: Int = 2
    ) -> (served: Int, differences: [String]) {
        let normalizer = Normalizer(provider: TableReferenceProvider(table))
        let mapper = ProteinMapper(TableReferenceProvider(table))
        let projector = CodingProjector(Normalizer(provider: TableReferenceProvider(table)))
        let textProjector = CodingProjector(Normalizer(provider: TableReferenceProvider(table)))
        var served = 0
        var differences: [String] = []
        var out = TextList()
        // Text in: the answer of the parsed description, or `Normalizer.project(String)`'s parse error.
        func viaText(_ text: String) -> String {
            var list = TextList()
            list.append("before")
            do throws(NormalizeError) {
                let a = try textProjector.project(text, appendingProteinTo: &list)
                return "\(a.projection) \(a.protein.map { "\($0)" } ?? "-") \(list.strings.dropFirst())"
            } catch { return "\(error) \(list.strings.dropFirst())" }
        }
        for _ in 0..<passes {
            for text in texts {
                guard let parsed = try? HGVSParser.parse(text) else {
                    let expected = Result { () throws(NormalizeError) in try normalizer.project(text) }
                    if case .failure(let error) = expected, viaText(text) == "\(error) []" { continue }
                    differences.append("\(text): \(expected) / \(viaText(text))")
                    continue
                }
                let expression = parsed.expression
                let projection = Result { () throws(NormalizeError) in try normalizer.project(expression) }
                let protein = Result { () throws(ProteinMappingError) in
                    try mapper.consequenceText(ofCoding: expression)
                }
                let before = out.count
                let answer = Result { () throws(NormalizeError) in
                    try projector.project(expression, appendingProteinTo: &out)
                }
                let appended = out.count == before + 1 ? out[before] : out.count == before ? nil : "several texts"
                var same = TextList()
                same.append("before")
                let again = Result { () throws(NormalizeError) in
                    try projector.project(expression, appendingProteinTo: &same)
                }
                let parsedAnswer =
                    switch again {
                    case .success(let a):
                        "\(a.projection) \(a.protein.map { "\($0)" } ?? "-") \(same.strings.dropFirst())"
                    case .failure(let error): "\(error) \(same.strings.dropFirst())"
                    }
                if viaText(text) != parsedAnswer {
                    differences.append("\(text): text in \(viaText(text)) / \(parsedAnswer)")
                }
                switch (projection, answer) {
                case (.success(let g), .success(let a)):
                    let streamed: Result<String, ProteinMappingError> =
                        if let error = a.protein { .failure(error) } else { .success(appended ?? "nothing appended") }
                    if g != a.projection || streamed != protein || (a.protein != nil && appended != nil) {
                        differences.append("\(text): \(g) \(protein) / \(a.projection) \(streamed)")
                    }
                case (.failure(let e), .failure(let f)):
                    if e != f || appended != nil {
                        differences.append("\(text): \(e) / \(f) appended \(appended ?? "-")")
                    }
                default:
                    differences.append("\(text): \(projection) / \(answer)")
                }
                if let d = parsed.expression.singleDescription, let key = d.reference?.accession.key,
                    key.withBytes({ projector.table.value(for: $0) }) != nil
                {
                    served += 1
                }
            }
            if out.count > 10_000 { out.removeAll() }
        }
        return (served, differences)
    }

    @Test func projectorSynthetic() throws {
        let s = try FastPathDifferentialTests.synthetic.get()
        let r = Self.compareProjector(s.coding, table: s.table)
        #expect(r.differences.isEmpty, "\(r.differences.count): \(r.differences.prefix(5))")
        #expect(r.served > s.coding.count, "served \(r.served) of \(2 * s.coding.count)")
    }

    @Test func projectorOnDefaultTable() throws {
        // STIM1 and a few other transcripts: substitutions (right and wrong stated base) at every CDS position of
        // the first 120 and around the CDS ends, small deletions, duplications and insertions, UTR and intronic
        // positions, a version fallback, n. and malformed descriptions.
        var texts = [
            "NM_003156.3:c.494C>A", "NM_003156.4:c.494C>A", "NM_003156.3:c.494G>A", "NM_003156.3:c.-5G>A",
            "NM_003156.3:c.*10G>A", "NM_003156.3:c.970-1G>A", "NM_003156.3:c.970-3C>T", "NM_003156.3:c.2058+1G>A",
            "NM_003156.3:c.1A>G", "NM_003156.3:c.494del", "NM_003156.3:c.494_496del", "NM_003156.3:c.968dup",
            "NM_003156.3:c.*3668C>A", "NM_003156.3:c.-19364del", "NM_003156.3:c.99999del",
            "NM_003156.3:c.494_495insGGG",
            "NM_003156.3:c.494_495delinsTTT", "NM_003156.3:c.494_496inv", "NM_003156.3:c.494=", "NR_024274.1:n.616C>A",
            "STIM1:c.494C>A", "NC_000011.10(NM_003156.3):c.494C>A", "NC_000011.10:g.4055634C>A",
            "NM_003156.3:c.[494C>A;496G>A]", "NM_003156.3:c.(494_496)del", "NM_999999.1:c.494C>A",
            "LRG_164t1:c.494C>A", "ENST00000300737.8:c.494C>A",
        ]
        for accession in ["NM_003156.3", "NM_000546.5", "NM_000256.3"] {
            for position in 1...120 {
                for base in ["A", "C", "G", "T"] { texts.append("\(accession):c.\(position)A>\(base)") }
                texts.append("\(accession):c.\(position)del")
                texts.append("\(accession):c.\(position)dup")
                texts.append("\(accession):c.\(position)_\(position + 1)insTAG")
                texts.append("\(accession):c.\(position)_\(position + 2)delinsG")
            }
            for position in 1...30 {
                texts.append("\(accession):c.-\(position)C>T")
                texts.append("\(accession):c.*\(position)C>T")
                texts.append("\(accession):c.\(position * 7)+\(position)G>A")
            }
        }
        let r = Self.compareProjector(texts, table: SeedTests.table)
        #expect(r.differences.isEmpty, "\(r.differences.count): \(r.differences.prefix(5))")
        #expect(r.served > texts.count / 2, "served \(r.served) of \(2 * texts.count)")
    }

    /// One fresh projector and mapper shared by four tasks: every task gets the answers of one thread.
    @Test func concurrentUse() async throws {
        let s = try FastPathDifferentialTests.synthetic.get()
        let coding = Array(s.coding.prefix(3_000)).compactMap { try? HGVSParser.parse($0).expression }
        let protein = Array(s.protein.prefix(2_000))
        func texts(_ out: TextList, from start: Int) -> [String] { (start..<out.count).map { out[$0] } }
        func answers(_ projector: CodingProjector<TableReferenceProvider>) -> [String] {
            var out = TextList()
            var lines: [String] = []
            for _ in 0..<2 {
                for expression in coding {
                    let before = out.count
                    let a = try? projector.project(expression, appendingProteinTo: &out)
                    lines.append("\(a.map { "\($0.projection.interval)" } ?? "error") \(texts(out, from: before))")
                }
                for text in protein {
                    let before = out.count
                    try? projector.mapper.appendCodingCandidates(ofProtein: text, to: &out)
                    lines.append(texts(out, from: before).joined(separator: ","))
                }
                out.removeAll()
            }
            return lines
        }
        let expected = answers(CodingProjector(Normalizer(provider: TableReferenceProvider(s.table))))
        let shared = CodingProjector(Normalizer(provider: TableReferenceProvider(s.table)))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { answers(shared) } }
            var all: [[String]] = []
            for await part in group { all.append(part) }
            return all
        }
        #expect(results.count == 4)
        for part in results { #expect(part == expected) }
        #expect(expected.filter { !$0.hasPrefix("error") && !$0.isEmpty }.count > 8_000)
    }
}
