import Foundation
import Testing
import VarSynCore
import VarSynReference

@testable import VarSynNormalize

/// The streaming text API (`Normalizer+TextStream.swift`) must answer exactly what `normalize(_:)` answers with the
/// corresponding forms: the same c./n. text (`.hgvsC`) or key (`.key`), nothing where that has none, and the same
/// error (code and message) — on whole corpora, twice (the second time on prepared transcripts), and the lane's
/// record path must really serve most of them.
@Suite(.serialized) struct TextStreamDifferentialTests {
    /// One answer as a comparable string: the text, `-` for none, or `error code: message`.
    static func reference(_ normalizer: Normalizer<TableReferenceProvider>, _ text: String, key: Bool) -> String {
        var n = normalizer
        n.options.forms = key ? .key : .hgvsC
        do {
            let v = try n.normalize(text)
            return (key ? v.key : v.hgvsC) ?? "-"
        } catch {
            return "error \(error.code.rawValue): \(error.message)"
        }
    }

    /// The streamed answer of `text`, by the `String` or the bytes entry, as ``reference(_:_:key:)`` writes it.
    static func streamed(
        _ normalizer: Normalizer<TableReferenceProvider>, _ text: String, key: Bool, bytes: Bool,
        list: inout TextList
    ) -> String {
        let before = list.count
        do {
            let appended: Bool
            if bytes {
                let utf8 = Array(text.utf8)
                appended = try utf8.withUnsafeBufferPointer { buffer throws(NormalizeError) in
                    key
                        ? try normalizer.appendKey(of: buffer, to: &list)
                        : try normalizer.appendNormalizedText(of: buffer, to: &list)
                }
            } else {
                appended =
                    key
                    ? try normalizer.appendKey(of: text, to: &list)
                    : try normalizer.appendNormalizedText(of: text, to: &list)
            }
            guard appended == (list.count == before + 1), appended || list.count == before else {
                return "bad count"
            }
            return appended ? list[list.count - 1] : "-"
        } catch {
            return list.count == before ? "error \(error.code.rawValue): \(error.message)" : "bad count"
        }
    }

    /// Streams `texts` twice through a fresh normalizer (both entries, the list cleared every 1,000 rows) and
    /// compares every answer with `normalize(_:)` of a second fresh normalizer and of the general path. Returns
    /// the differences and how many answers of the second round the lane's record path gave itself.
    static func compare(
        _ texts: [String], table: ReferenceTable, key: Bool
    ) -> (served: Int, differences: [String]) {
        let stream = Normalizer(provider: TableReferenceProvider(table))
        let fast = Normalizer(provider: TableReferenceProvider(table))
        var general = Normalizer(provider: TableReferenceProvider(table))
        general.fastPaths = false
        var list = TextList()
        var differences: [String] = []
        var served = 0
        for round in 0..<2 {
            for (i, text) in texts.enumerated() {
                if i % 1_000 == 0 { list.removeAll() }
                let expected = reference(fast, text, key: key)
                let a = streamed(stream, text, key: key, bytes: i % 2 == 0, list: &list)
                if a != expected { differences.append("\(text)\n  stream: \(a)\n  normalize: \(expected)") }
                if round == 1 {
                    let g = reference(general, text, key: key)
                    if g != expected { differences.append("\(text)\n  general: \(g)\n  normalize: \(expected)") }
                    var probe = TextList()
                    var bytes = text
                    let lane = bytes.withUTF8 { utf8 in
                        HGVSParser.parseLane(utf8: utf8).flatMap {
                            stream.fastAppend($0, utf8, text: !key, to: &probe)
                        }
                    }
                    if lane != nil { served += 1 }
                }
            }
        }
        return (served, differences)
    }

    @Test(arguments: [false, true])
    func syntheticCorpus(key: Bool) throws {
        let s = try FastPathDifferentialTests.synthetic.get()
        #expect(s.coding.count == 20_000)
        let c = Self.compare(s.coding, table: s.table, key: key)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        // Every exonic variant and the unchecked intronic ones: all but a few hundred (inversions, identities,
        // insertions the lane leaves to the general grammar).
        #expect(c.served > 18_000, "served \(c.served) of \(s.coding.count)")
    }

    @Test(arguments: [false, true])
    func clinVarOnDefaultTable(key: Bool) throws {
        let text = try ClinVarMappingTests.gunzip(
            FerroAgreementTests.shared.appendingPathComponent("conformance/biocommons/clinvar.gz"))
        var names: [String] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t")
            guard fields.count == 3 else { continue }
            names += fields[2].split(separator: " ").map(String.init).filter { $0.contains(":c.") }
        }
        #expect(names.count > 12_000)
        let c = Self.compare(names, table: SeedTests.table, key: key)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        #expect(c.served >= 50, "served \(c.served) of \(names.count)")
    }

    @Test(arguments: [false, true])
    func exonEdgesOnDefaultTable(key: Bool) throws {
        let texts = FastPathDifferentialTests.exonEdgeTexts(SeedTests.table)
        #expect(texts.count > 1_000)
        let c = Self.compare(texts, table: SeedTests.table, key: key)
        #expect(c.differences.isEmpty, "\(c.differences.count) differences, first: \(c.differences.prefix(5))")
        #expect(c.served > texts.count / 4, "served \(c.served) of \(texts.count)")
    }

    /// Malformed and edge inputs, each asked 10 times (past the fast path's warm-up): the same errors and answers.
    @Test(arguments: [false, true])
    func malformedAndEdgeInputs(key: Bool) throws {
        let long = String(repeating: "ACGT", count: 80)
        let inputs = [
            "", " ", "NM_", "NM_003156.3", "NM_003156.3:", "NM_003156.3:c.", "NM_003156.3:c.494", "NM_003156.3:c.494C>",
            "NM_003156.3:c.494C>A ", " NM_003156.3:c.494C>A", "NM_003156.3:c.494C>A", "NM_003156.3:c.494G>A",
            "NM_003156.3:c.494c>a", "NM_003156.3:c.494C>C", "NM_003156.3:c.0C>A", "NM_003156.3:c.0494C>A",
            "NM_003156.3:c.99999999C>A", "NM_003156.3:c.9999999999C>A", "NM_003156.3:c.*99999del",
            "NM_003156.3:c.-99999del", "NM_003156.3:c.495_494del", "NM_003156.3:c.494_496insA",
            "NM_003156.3:c.494_495ins\(long)", "NM_003156.3:c.494_495delins\(long)", "NM_003156.3:c.494_495insN",
            "NM_003156.3:c.494_495insRY", "NM_003156.3:c.494_495delinsNN", "NM_003156.3:c.494inv",
            "NM_003156.3:c.494_496inv", "NM_003156.3:c.494=", "NM_003156.3:c.494_495=", "NM_003156.3:c.494dup",
            "NM_003156.3:c.494_520dup", "NM_003156.3:c.494delC", "NM_003156.3:c.494delG", "NM_003156.3:c.494del",
            "NM_003156.3:c.[494C>A;496del]", "NM_003156.3:c.494C>A;496del", "NM_003156.3:c.494+1G>A",
            "NM_003156.3:c.494-1G>A", "NM_003156.3(STIL):c.494C>A", "NM_003156.3(XYZ):c.494C>A",
            "NM_003156.4:c.494C>A", "NM_003156:c.494C>A", "NM_999999.1:c.494C>A", "NP_003147.2:p.Pro165Gln",
            "NC_000001.11:g.47298318C>A", "NC_000001.11:g.47298318del", "NM_003156.3:n.600C>A",
            "NM_003156.3:r.494c>a", "NM_003156.3:m.494C>A", "STIL:c.494C>A", "rs121908001", "494C>A",
            "NM_003156.3:c.494C>A,NM_003156.3:c.496del", "NM_003156.3:c.(494_496)del", "NM_003156.3:c.?del",
            "NM_003156.3:c.494_?del", "NM_003156.3:c.494C>A\u{0}", "NM_003156.3:c.494C>Aé",
        ]
        let table = SeedTests.table
        let stream = Normalizer(provider: TableReferenceProvider(table))
        let fast = Normalizer(provider: TableReferenceProvider(table))
        var list = TextList()
        var differences: [String] = []
        for round in 0..<10 {
            for text in inputs {
                let expected = Self.reference(fast, text, key: key)
                let a = Self.streamed(stream, text, key: key, bytes: round % 2 == 1, list: &list)
                if a != expected { differences.append("\(text)\n  stream: \(a)\n  normalize: \(expected)") }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(5))")
        // Invalid UTF-8 through the bytes entry: a parse error, nothing appended.
        let bad: [UInt8] = Array("NM_003156.3:c.494C>".utf8) + [0xFF]
        let before = list.count
        let error = bad.withUnsafeBufferPointer { buffer in
            Result { () throws(NormalizeError) in try stream.appendKey(of: buffer, to: &list) }
        }
        #expect((try? error.get()) == nil)
        if case .failure(let e) = error { #expect(e.code == .parse) }
        #expect(list.count == before)
    }

    /// One fresh normalizer shared by four tasks, each streaming the first 4,000 synthetic c. variants twice
    /// (texts and keys): every task gets the answers of one thread.
    @Test func concurrentUse() async throws {
        let s = try FastPathDifferentialTests.synthetic.get()
        let texts = Array(s.coding.prefix(4_000))
        func answers(_ normalizer: Normalizer<TableReferenceProvider>) -> [String] {
            var out: [String] = []
            var list = TextList()
            for round in 0..<2 {
                for (i, text) in texts.enumerated() {
                    if i % 500 == 0 { list.removeAll() }
                    out.append(Self.streamed(normalizer, text, key: false, bytes: round == 0, list: &list))
                    out.append(Self.streamed(normalizer, text, key: true, bytes: round == 1, list: &list))
                }
            }
            return out
        }
        let expected = answers(Normalizer(provider: TableReferenceProvider(s.table)))
        let shared = Normalizer(provider: TableReferenceProvider(s.table))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<4 { group.addTask { answers(shared) } }
            var all: [[String]] = []
            for await part in group { all.append(part) }
            return all
        }
        #expect(results.count == 4)
        for part in results { #expect(part == expected) }
        #expect(expected.filter { !$0.hasPrefix("error") && $0 != "-" }.count > 10_000)
    }
}

/// The lock-free accession table: what is inserted is found, by any key length it takes, and nothing else; a full
/// table refuses; readers on other threads see whole entries while a writer inserts.
@Suite struct AccessionTableTests {
    final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    static func key(_ i: Int, length: Int) -> [UInt8] {
        var bytes = Array("NM_\(100_000 + i).\(i % 9 + 1)".utf8)
        while bytes.count < length { bytes.append(UInt8(ascii: "A") + UInt8(bytes.count % 26)) }
        return Array(bytes.prefix(length))
    }

    @Test func insertAndFind() {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else { return }
        let table = AccessionTable<Box>(slots: 1024)
        var inserted: [[UInt8]: Int] = [:]
        for i in 0..<300 {
            let k = Self.key(i, length: 1 + i % 32)
            guard inserted[k] == nil else { continue }
            let ok = k.withUnsafeBufferPointer { table.insert(Box(i), for: $0) }
            #expect(ok)
            inserted[k] = i
        }
        #expect(table.count == inserted.count)
        for (k, i) in inserted {
            #expect(k.withUnsafeBufferPointer { table.value(for: $0)?.value } == i)
            // A key one byte shorter or longer is another key.
            var longer = k
            longer.append(UInt8(ascii: "Z"))
            if inserted[longer] == nil { #expect(longer.withUnsafeBufferPointer { table.value(for: $0) } == nil) }
            if k.count > 1, inserted[Array(k.dropLast())] == nil {
                #expect(Array(k.dropLast()).withUnsafeBufferPointer { table.value(for: $0) } == nil)
            }
        }
        // The first value stays; too long and empty keys are refused.
        guard let first = inserted.first else { return }
        #expect(first.key.withUnsafeBufferPointer { table.insert(Box(-1), for: $0) })
        #expect(first.key.withUnsafeBufferPointer { table.value(for: $0)?.value } == first.value)
        let tooLong = Self.key(1, length: 33)
        #expect(!tooLong.withUnsafeBufferPointer { table.insert(Box(1), for: $0) })
        #expect(tooLong.withUnsafeBufferPointer { table.value(for: $0) } == nil)
        #expect(![UInt8]().withUnsafeBufferPointer { table.insert(Box(1), for: $0) })
    }

    @Test func fullTableRefuses() {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else { return }
        let table = AccessionTable<Box>(slots: 16)
        var accepted = 0
        for i in 0..<20 where Self.key(i, length: 11).withUnsafeBufferPointer({ table.insert(Box(i), for: $0) }) {
            accepted += 1
        }
        #expect(accepted == 8)
        for i in 0..<8 { #expect(Self.key(i, length: 11).withUnsafeBufferPointer { table.value(for: $0)?.value } == i) }
        #expect(Self.key(19, length: 11).withUnsafeBufferPointer { table.value(for: $0) } == nil)
    }

    @Test func concurrentReadersAndWriter() async {
        guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else { return }
        let table = AccessionTable<Box>(slots: 4096)
        let keys = (0..<1_500).map { Self.key($0, length: 11 + $0 % 6) }
        let wrong = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                for (i, k) in keys.enumerated() { _ = k.withUnsafeBufferPointer { table.insert(Box(i), for: $0) } }
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var wrong = 0
                    for _ in 0..<20 {
                        for (i, k) in keys.enumerated() {
                            if let v = k.withUnsafeBufferPointer({ table.value(for: $0) }), v.value != i { wrong += 1 }
                        }
                    }
                    return wrong
                }
            }
            var total = 0
            for await w in group { total += w }
            return total
        }
        #expect(wrong == 0)
        for (i, k) in keys.enumerated() { #expect(k.withUnsafeBufferPointer { table.value(for: $0)?.value } == i) }
    }
}
