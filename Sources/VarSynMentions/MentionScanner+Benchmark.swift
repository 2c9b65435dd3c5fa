#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One timed scan: how many bytes were scanned, how long it took and how many candidates were found.
public struct MentionScanMeasurement: Hashable, Sendable, CustomStringConvertible {
    /// Bytes scanned in total (text length × repetitions).
    public let bytes: Int
    /// Wall-clock seconds for all repetitions.
    public let seconds: Double
    /// CPU seconds the scanning thread used (what "per core" means when other processes share the machine).
    public let cpuSeconds: Double
    /// Candidates found in total (over all repetitions).
    public let candidates: Int

    /// Scan throughput in megabytes (10^6 bytes) per wall-clock second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }
    /// Scan throughput in megabytes (10^6 bytes) per CPU second of the scanning thread: MB/s per core.
    public var megabytesPerCPUSecond: Double { cpuSeconds > 0 ? Double(bytes) / 1e6 / cpuSeconds : 0 }

    public var description: String {
        let rate = (megabytesPerSecond * 10).rounded() / 10
        let cpuRate = (megabytesPerCPUSecond * 10).rounded() / 10
        return
            "\(bytes) bytes, \(candidates) candidates, \(seconds) s wall, \(rate) MB/s wall, \(cpuRate) MB/s per CPU second"
    }
}

extension MentionScanMeasurement {
    /// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID), in seconds.
    public static func threadCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension MentionScanner {
    /// Times candidate scanning alone (no confirmation, no candidate array): `repetitions` passes over `text`.
    /// For benchmarks; the first pass is not a warm-up, so run one before timing if that matters.
    public func benchmarkScan(_ text: UnsafeBufferPointer<UInt8>, repetitions: Int = 1) -> MentionScanMeasurement {
        let clock = ContinuousClock()
        var candidates = 0
        let cpuStart = MentionScanMeasurement.threadCPUSeconds()
        let elapsed = clock.measure {
            for _ in 0..<max(repetitions, 1) { candidates += countCandidates(in: text) }
        }
        let cpuSeconds = MentionScanMeasurement.threadCPUSeconds() - cpuStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return MentionScanMeasurement(
            bytes: text.count * max(repetitions, 1), seconds: seconds, cpuSeconds: cpuSeconds, candidates: candidates)
    }
}

extension MentionScanner {
    /// A scanner that runs one unanchored PCRE2 search over all patterns, without the start filter and first-byte
    /// dispatch: the reference the fast scan is checked against, and a baseline for benchmarks.
    public static func unanchoredReference(
        patternFileText: String? = nil
    ) throws(MentionPatternError)
        -> MentionScanner
    {
        try MentionScanner(patternFileText: patternFileText ?? embeddedMentionPatterns, strategy: .unanchoredSearch)
    }

    /// All patterns as one alternation of named groups after `SCAN_PREFIX` (PCRE2 extended syntax), with group
    /// names of letters and digits only (ICU's rule), to run the same patterns through another regex engine
    /// (`NSRegularExpression` with `.allowCommentsAndWhitespace`).
    public static func combinedPatternSource(patternFileText: String? = nil) throws(MentionPatternError) -> String {
        let (patterns, prefix) = try MentionPatternFile.parse(patternFileText ?? embeddedMentionPatterns)
        let renamed = patterns.map {
            MentionPattern(name: String($0.name.filter { $0 != "_" }), source: $0.source, line: $0.line)
        }
        return MentionPatternFile.combine(renamed, scanPrefix: prefix)
    }
}
