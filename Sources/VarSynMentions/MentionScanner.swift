/// A stretch of text that looks like a variant mention, before confirmation by the core parser.
///
/// Example: in `"MTHFR C677T carriers"` the candidate is `start: 6, end: 11, patternName: "nucleotide_ref_pos_alt"`.
/// Offsets are 0-based UTF-8 byte offsets into the scanned text, `start` inclusive, `end` exclusive.
public struct MentionCandidate: Hashable, Sendable {
    /// First byte of the mention (0-based, inclusive).
    public let start: Int
    /// One past the last byte of the mention (0-based, exclusive).
    public let end: Int
    /// The name of the pattern in `Grammars/mentions.pcre2` that matched; tells a confirmer which form it is.
    public let patternName: String

    public init(start: Int, end: Int, patternName: String) {
        self.start = start
        self.end = end
        self.patternName = patternName
    }

    /// The byte range `start..<end`.
    public var range: Range<Int> { start..<end }
}

/// Finds variant-mention candidates in free text with the patterns of `Grammars/mentions.pcre2`.
///
/// All patterns are compiled once, as one alternation of named groups, and JIT-compiled; a scan is one
/// left-to-right PCRE2 search loop reusing one match-data block. Candidates do not overlap; at a given start the
/// first pattern in file order wins. Text may contain invalid UTF-8 (it is matched around, never trusted).
///
/// Not thread-safe (the match data is reused): give each thread its own scanner.
///
///     let scanner = try MentionScanner()
///     scanner.candidates(in: "the G-308A and rs1800629 alleles")
///     // [(4..<10, "promoter_ref_pos_alt"), (15..<24, "rs_id")]
public final class MentionScanner {
    /// The patterns in file order (the order that breaks ties between patterns starting at the same byte).
    public let patterns: [MentionPattern]
    /// Whether PCRE2's JIT compiled the scanner (otherwise the slower interpreter runs).
    public var isJITCompiled: Bool { alternations.allSatisfy { $0.matcher.regex.isJITCompiled } }
    /// How many searches PCRE2 aborted with an error (e.g. a resource limit); the scan skipped one character.
    public private(set) var abortedSearches = 0

    /// How a scan visits the text. Both give the same candidates; `filteredStarts` is the fast one.
    enum Strategy {
        /// Per first byte, an anchored alternation of only the patterns PCRE2 says may start with that byte, tried
        /// only where `StartFilter` allows a start.
        case filteredStarts
        /// One unanchored alternation of all patterns; PCRE2 searches every position (the reference).
        case unanchoredSearch
    }

    /// One compiled alternation over a subset of the patterns, with its reusable match state.
    private final class Alternation {
        let matcher: PCRE2Matcher
        /// Indices into `patterns`, in file order.
        let patternIndices: [Int]
        /// PCRE2 group number of each of those patterns.
        let groupNumbers: [Int]

        init(matcher: PCRE2Matcher, patternIndices: [Int], groupNumbers: [Int]) {
            self.matcher = matcher
            self.patternIndices = patternIndices
            self.groupNumbers = groupNumbers
        }
    }

    let strategy: Strategy
    /// Pattern name -> index into `patterns`.
    let patternIndex: [String: Int]
    /// The prose reader (each pattern with named groups compiled alone), built on first use: scanning needs none.
    private(set) lazy var proseReader = ProseReader(patterns: patterns)
    private let alternations: [Alternation]
    /// For each byte value, the alternation to try at a start with that byte (-1: no pattern starts with it).
    private let alternationForFirstByte: [Int]
    /// Whether the patterns are the embedded `Grammars/mentions.pcre2` (the start filter's word rules describe them).
    private let usesEmbeddedPatterns: Bool
    /// `StartFilter` byte classes (which bytes may start a pattern, which are letters or digits), 256 entries,
    /// allocated once (a pointer, not an array: no closure and no exclusivity check in the scan loop).
    private let startClasses: UnsafeMutablePointer<UInt8>
    /// `StartFilter.specialStartBytes`, allocated once; nil when the byte loop must run.
    private let specialStarts: UnsafeMutableBufferPointer<UInt8>?

    /// `StartFilter.makeLowerTrigrams()`, allocated once.
    private let lowerTrigrams: UnsafeMutablePointer<UInt64>

    deinit {
        lowerTrigrams.deallocate()
        startClasses.deallocate()
        specialStarts?.deallocate()
    }

    /// A scanner over the patterns compiled into the product (the embedded copy of `Grammars/mentions.pcre2`).
    public convenience init() throws(MentionPatternError) {
        try self.init(patternFileText: embeddedMentionPatterns)
    }

    /// A scanner over the patterns in `patternFileText` (the format of `Grammars/mentions.pcre2`).
    public convenience init(patternFileText: String) throws(MentionPatternError) {
        try self.init(patternFileText: patternFileText, strategy: .filteredStarts)
    }

    init(patternFileText: String, strategy: Strategy) throws(MentionPatternError) {
        let (patterns, scanPrefix) = try MentionPatternFile.parse(patternFileText)
        self.patterns = patterns
        self.strategy = strategy
        self.patternIndex = Dictionary(patterns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.usesEmbeddedPatterns = patternFileText == embeddedMentionPatterns
        var subsets: [[Int]] = []
        var forByte = [Int](repeating: -1, count: 256)
        switch strategy {
        case .unanchoredSearch:
            subsets = [Array(patterns.indices)]
        case .filteredStarts:
            // PCRE2's study of each pattern alone says which bytes can start it; group patterns by first byte.
            var firstBytes: [[Bool]?] = []
            for pattern in patterns {
                do {
                    firstBytes.append(
                        try PCRE2Regex(pattern.source, options: [.extended, .duplicateNames]).possibleFirstBytes)
                } catch {
                    throw .compile(pattern: pattern.name, offset: error.offset, error: error)
                }
            }
            var subsetIndex: [[Int]: Int] = [:]
            for byte in 0..<256 {
                let subset = patterns.indices.filter { firstBytes[$0]?[byte] ?? true }
                guard !subset.isEmpty else { continue }
                if let known = subsetIndex[subset] {
                    forByte[byte] = known
                } else {
                    subsetIndex[subset] = subsets.count
                    forByte[byte] = subsets.count
                    subsets.append(subset)
                }
            }
        }
        var alternations: [Alternation] = []
        for subset in subsets {
            let members = subset.map { patterns[$0] }
            let source = MentionPatternFile.combine(members, scanPrefix: scanPrefix)
            let regex: PCRE2Regex
            do {
                regex = try PCRE2Regex(
                    source, options: strategy == .filteredStarts ? [.extended, .anchored, .noStartOptimize] : .extended)
            } catch {
                throw MentionScanner.locate(error, patterns: members)
            }
            let matcher: PCRE2Matcher
            do {
                matcher = try PCRE2Matcher(regex)
            } catch {
                throw .matcher(error)
            }
            alternations.append(
                Alternation(
                    matcher: matcher, patternIndices: subset,
                    groupNumbers: members.map { regex.groupNumber(named: $0.name) ?? 0 }))
        }
        self.alternations = alternations
        self.alternationForFirstByte = forByte
        let trigrams = StartFilter.makeLowerTrigrams()
        self.lowerTrigrams = UnsafeMutablePointer<UInt64>.allocate(capacity: trigrams.count)
        self.lowerTrigrams.initialize(from: trigrams, count: trigrams.count)
        self.startClasses = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let classTable = StartFilter.classes(startBytes: forByte.map { $0 >= 0 })
        self.startClasses.initialize(from: classTable, count: 256)
        if let words = StartFilter.specialStartBytes(classes: classTable) {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: words.count)
            _ = buffer.initialize(from: words)
            self.specialStarts = buffer
        } else {
            self.specialStarts = nil
        }
    }

    /// Candidates in `text`, in text order, not overlapping.
    public func candidates(in text: UnsafeBufferPointer<UInt8>) -> [MentionCandidate] {
        var found: [MentionCandidate] = []
        forEachCandidate(in: text) { start, end, index in
            found.append(MentionCandidate(start: start, end: end, patternName: patterns[index].name))
        }
        return found
    }

    /// Candidates in `text` (UTF-8 byte offsets), in text order, not overlapping.
    public func candidates(in text: String) -> [MentionCandidate] {
        var copy = text
        return copy.withUTF8 { candidates(in: $0) }
    }

    /// The number of candidates in `text`, without building them (what a scan-speed benchmark should time).
    public func countCandidates(in text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachCandidate(in: text) { _, _, _ in count += 1 }
        return count
    }

    /// Calls `body(start, end, patternIndex)` for each candidate, in text order; allocates nothing.
    @inline(__always)
    public func forEachCandidate(
        in text: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int, _ patternIndex: Int) -> Void
    ) {
        var offset = 0
        let count = text.count
        var filter = StartFilter(wordRules: usesEmbeddedPatterns, lowerTrigrams: UnsafePointer(lowerTrigrams))
        let filtered = strategy == .filteredStarts
        let classes = UnsafePointer(startClasses)
        let specials = specialStarts.map { UnsafeBufferPointer($0) }
        while offset < count {
            var which = 0
            if filtered {
                // Skip, in Swift, every byte where no candidate may start; PCRE2 (anchored) runs at the rest.
                offset = filter.nextStart(from: offset, in: text, classes: classes, specials: specials)
                guard offset < count else { return }
                which = alternationForFirstByte[Int(text[offset])]
            }
            let alternation = alternations[which]
            let found: Bool
            do {
                found = try alternation.matcher.search(text, from: offset)
            } catch {
                abortedSearches += 1
                offset = MentionScanner.nextCharacter(after: offset, in: text)
                continue
            }
            guard found, let whole = alternation.matcher.range(ofGroup: 0), !whole.isEmpty else {
                if !filtered && !found { return }
                offset = MentionScanner.nextCharacter(after: offset, in: text)
                continue
            }
            body(whole.lowerBound, whole.upperBound, MentionScanner.matchedPattern(in: alternation))
            offset = whole.upperBound
        }
    }

    /// Index into `patterns` of the alternative that produced the last match of `alternation`.
    @inline(__always)
    private static func matchedPattern(in alternation: Alternation) -> Int {
        for (index, group) in alternation.groupNumbers.enumerated()
        where alternation.matcher.range(ofGroup: group) != nil {
            return alternation.patternIndices[index]
        }
        return alternation.patternIndices.first ?? 0
    }

    /// The offset of the next UTF-8 lead byte (or ASCII byte) after `offset`.
    private static func nextCharacter(after offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var next = offset + 1
        while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// Turns a compile error of a combined pattern into one naming the pattern and the offset inside it:
    /// each pattern is compiled alone (only on this error path) and the first one PCRE2 rejects is reported.
    private static func locate(_ error: PCRE2Error, patterns: [MentionPattern]) -> MentionPatternError {
        for pattern in patterns {
            do {
                _ = try PCRE2Regex(pattern.source, options: [.extended, .duplicateNames])
            } catch {
                return .compile(pattern: pattern.name, offset: error.offset, error: error)
            }
        }
        // Every pattern compiles alone: the combination itself failed (e.g. it is too large).
        return .compile(pattern: "(all patterns combined)", offset: error.offset, error: error)
    }
}
