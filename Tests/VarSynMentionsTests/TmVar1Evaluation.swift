import Foundation
import Testing

@testable import VarSynMentions

/// One tmVar1 abstract with its gold mention spans as UTF-8 byte ranges.
struct AnnotatedDocument {
    let id: String
    let text: String
    let gold: [Range<Int>]
    /// tmVar's normalized form of each gold mention (same order as `gold`; "" when absent), e.g. `p|SUB|D|506|G`.
    var norms: [String] = []
}

/// Precision, recall and F1 of predicted spans against gold spans, exact and overlapping.
struct SpanScore: CustomStringConvertible {
    var gold = 0
    var predicted = 0
    var exactMatches = 0
    var predictedOverlapping = 0
    var goldOverlapped = 0

    mutating func add(gold: [Range<Int>], predicted: [Range<Int>]) {
        self.gold += gold.count
        self.predicted += predicted.count
        let goldSet = Set(gold.map { [$0.lowerBound, $0.upperBound] })
        exactMatches += predicted.filter { goldSet.contains([$0.lowerBound, $0.upperBound]) }.count
        predictedOverlapping += predicted.filter { p in gold.contains { $0.overlaps(p) } }.count
        goldOverlapped += gold.filter { g in predicted.contains { $0.overlaps(g) } }.count
    }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    var exactPrecision: Double { Double(exactMatches) / Double(max(predicted, 1)) }
    var exactRecall: Double { Double(exactMatches) / Double(max(gold, 1)) }
    var exactF1: Double { SpanScore.f1(exactPrecision, exactRecall) }
    var overlapPrecision: Double { Double(predictedOverlapping) / Double(max(predicted, 1)) }
    var overlapRecall: Double { Double(goldOverlapped) / Double(max(gold, 1)) }
    var overlapF1: Double { SpanScore.f1(overlapPrecision, overlapRecall) }

    var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "gold \(gold) predicted \(predicted) | exact P \(f(exactPrecision)) R \(f(exactRecall)) F1 \(f(exactF1))"
            + " | overlap P \(f(overlapPrecision)) R \(f(overlapRecall)) F1 \(f(overlapF1))"
    }
}

enum TmVar1 {
    /// Reads `../shared/corpora/tmvar1/tmvar1.jsonl`; offsets there count Unicode scalars, converted to UTF-8 bytes.
    static func load(split: String? = nil) throws -> [AnnotatedDocument] {
        let data = try String(contentsOf: TestPaths.tmVar1, encoding: .utf8)
        var documents: [AnnotatedDocument] = []
        for line in data.split(separator: "\n") where !line.isEmpty {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String, let id = object["doc_id"] as? String,
                let mentions = object["mentions"] as? [[String: Any]]
            else { continue }
            if let split, object["corpus"] as? String != split { continue }
            var byteOffset: [Int] = [0]
            for scalar in text.unicodeScalars {
                byteOffset.append(byteOffset[byteOffset.count - 1] + scalar.utf8.count)
            }
            let gold = mentions.compactMap { mention -> (Range<Int>, String)? in
                guard let begin = mention["begin"] as? Int, let end = mention["end"] as? Int,
                    begin < end, end < byteOffset.count
                else { return nil }
                return (byteOffset[begin]..<byteOffset[end], mention["norm"] as? String ?? "")
            }
            documents.append(AnnotatedDocument(id: id, text: text, gold: gold.map(\.0), norms: gold.map(\.1)))
        }
        return documents
    }
}

@Suite("tmVar1 span evaluation")
struct TmVar1EvaluationTests {
    /// Scores the scanner on all 500 tmVar1 abstracts: its candidates, and the confirmed ones (what the extractor
    /// reports: read by the parser, as written or through the prose reader). With VARSYN_EVAL_DUMP=path, writes every
    /// false negative and false positive of the confirmed mentions (with context) there, for tuning.
    @Test("mention spans on tmVar1 reach overlap F1 >= 0.90, candidates and confirmed mentions")
    func tmVar1Spans() throws {
        let patterns = try String(contentsOf: TestPaths.patternFile, encoding: .utf8)
        let scanner = try MentionScanner(patternFileText: patterns)
        let documents = try TmVar1.load()
        #expect(documents.count == 500)
        var all = SpanScore()
        var confirmedScore = SpanScore()
        var dump = ""
        for document in documents {
            var text = document.text
            let candidates = scanner.candidates(in: text)
            all.add(gold: document.gold, predicted: candidates.map(\.range))
            let found = text.withUTF8 { bytes in candidates.filter { scanner.read($0, in: bytes) != nil } }
            let predicted = found.map(\.range)
            confirmedScore.add(gold: document.gold, predicted: predicted)
            let bytes = Array(document.text.utf8)
            func show(_ range: Range<Int>) -> String {
                let before = String(decoding: bytes[max(0, range.lowerBound - 30)..<range.lowerBound], as: UTF8.self)
                let after = String(
                    decoding: bytes[range.upperBound..<min(bytes.count, range.upperBound + 30)], as: UTF8.self)
                return "\(before)[[\(String(decoding: bytes[range], as: UTF8.self))]]\(after)"
                    .replacingOccurrences(of: "\n", with: " ")
            }
            for g in document.gold where !predicted.contains(g) {
                let overlapping = found.first { $0.range.overlaps(g) }
                let kind = overlapping.map { "BOUNDARY(\($0.patternName) \(show($0.range)))" } ?? "MISS"
                dump += "FN\t\(document.id)\t\(kind)\t\(show(g))\n"
            }
            for p in found where !document.gold.contains(p.range) {
                let kind = document.gold.contains { $0.overlaps(p.range) } ? "BOUNDARY" : "SPURIOUS"
                dump += "FP\t\(document.id)\t\(kind)\t\(p.patternName)\t\(show(p.range))\n"
            }
        }
        print("tmVar1 (500 abstracts) candidates: \(all)")
        print("tmVar1 (500 abstracts) confirmed: \(confirmedScore)")
        if let path = ProcessInfo.processInfo.environment["VARSYN_EVAL_DUMP"] {
            try dump.write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(all.overlapF1 >= 0.90, "\(all)")
        #expect(confirmedScore.overlapF1 >= 0.90, "\(confirmedScore)")
    }
}
