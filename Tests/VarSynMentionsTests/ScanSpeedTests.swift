import Foundation
import Testing

@testable import VarSynMentions

/// Scan speed, PCRE2 JIT against Foundation's NSRegularExpression (ICU) on the same combined pattern.
/// Opt-in (it takes seconds): `VARSYN_BENCH=1 swift test -c release --filter ScanSpeed`.
@Suite("Scan speed", .enabled(if: ProcessInfo.processInfo.environment["VARSYN_BENCH"] != nil))
struct ScanSpeedTests {
    @Test("PCRE2 JIT scan vs NSRegularExpression on tmVar1 text")
    func scanSpeed() throws {
        let text = try TmVar1.load().map(\.text).joined(separator: "\n")
        let scanner = try MentionScanner()
        let bytes = Array(text.utf8)
        let (warm, measured) = bytes.withUnsafeBufferPointer { buffer in
            (scanner.benchmarkScan(buffer), scanner.benchmarkScan(buffer, repetitions: 20))
        }
        print("corpus: \(bytes.count) bytes (500 tmVar1 abstracts); warm-up \(warm.candidates) candidates")
        print("PCRE2 JIT (\(scanner.isJITCompiled ? "jit" : "interpreter")): \(measured)")
        let unanchored = try MentionScanner.unanchoredReference()
        let plain = bytes.withUnsafeBufferPointer { unanchored.benchmarkScan($0, repetitions: 5) }
        print("PCRE2 JIT, one unanchored search (no start filter): \(plain)")

        let combined = try MentionScanner.combinedPatternSource()
        let icu = try NSRegularExpression(pattern: combined, options: [.allowCommentsAndWhitespace])
        let nsText = text as NSString
        let clock = ContinuousClock()
        let cpuStart = MentionScanMeasurement.threadCPUSeconds()
        var icuCount = 0
        let repetitions = 2
        let elapsed = clock.measure {
            for _ in 0..<repetitions {
                icuCount += icu.numberOfMatches(in: text, range: NSRange(location: 0, length: nsText.length))
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let cpuSeconds = MentionScanMeasurement.threadCPUSeconds() - cpuStart
        let icuRate = Double(bytes.count * repetitions) / 1e6 / seconds
        let icuCPURate = Double(bytes.count * repetitions) / 1e6 / cpuSeconds
        print(
            "NSRegularExpression (ICU): \(icuCount / repetitions) matches per pass, \(seconds) s wall, \(icuRate) MB/s wall,"
                + " \(icuCPURate) MB/s per CPU second")
        #expect(measured.candidates == warm.candidates * 20)
    }
}
