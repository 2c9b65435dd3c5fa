import Testing

@testable import VarSynCore

/// The fast lane (FastLane.swift) must never give a different answer from the general grammar: whenever it reads an
/// input (`NM_003156.4:c.494C>A`), the general grammar reads the same input to an equal ``ParsedExpression`` that
/// prints the same; whenever it declines (`NM_003156.4:c.494C>C`, `NM_003156.4:c.0del`), the general grammar alone
/// decides. Checked over the benchmark corpus, the conformance and fixture strings with every prefix of each,
/// targeted edge cases and single-byte mutations of corpus strings.
@Suite("fast lane agrees with the general grammar")
struct FastLaneAgreementTests {
    enum Outcome: Equatable {
        case declined
        case agreed
        case disagreed(String)
    }

    /// Lane vs general grammar for one input; also the public entries (lane first) vs the general ones.
    static func compare(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            let general = Result { () throws(ParseError) in try HGVSParser.parseGeneral(utf8: bytes, options: .lenient)
            }
            let public_ = Result { () throws(ParseError) in try HGVSParser.parse(utf8: bytes, options: .lenient) }
            if public_ != general { return .disagreed("parse differs from the general grammar") }
            if HGVSParser.accepts(utf8: bytes) != HGVSParser.acceptsGeneral(utf8: bytes, options: .lenient) {
                return .disagreed("accepts differs from the general grammar")
            }
            let compact = Result { () throws(ParseError) in
                try HGVSParser.parseCompact(utf8: bytes).parsedExpression(utf8: bytes)
            }
            if compact != general { return .disagreed("parseCompact differs from the general grammar") }
            guard let record = FastLane.scan(bytes) else { return .declined }
            if (try? HGVSParser.parseCompact(utf8: bytes))?.isCompact != true {
                return .disagreed("parseCompact is not compact where the lane reads")
            }
            let lane = record.parsed(bytes)
            guard case .success(let tree) = general else { return .disagreed("the lane reads, the grammar rejects") }
            if lane != tree {
                return .disagreed("trees differ: lane \(lane.expression.hgvs()), grammar \(tree.expression.hgvs())")
            }
            if lane.expression.hgvs() != tree.expression.hgvs()
                || lane.expression.hgvs(.oneLetter) != tree.expression.hgvs(.oneLetter)
            {
                return .disagreed("printed forms differ")
            }
            return .agreed
        }
    }

    static func run(_ strings: [String], label: String) -> (claimed: Int, disagreements: [String]) {
        var claimed = 0
        var disagreements: [String] = []
        for string in strings {
            switch compare(string) {
            case .declined: break
            case .agreed: claimed += 1
            case .disagreed(let why): disagreements.append("\(why)\t\(string)")
            }
        }
        print(
            "fast lane, \(label): \(strings.count) inputs, \(claimed) read by the lane, \(disagreements.count) disagreements"
        )
        return (claimed, disagreements)
    }

    @Test("benchmark corpus")
    func corpus() throws {
        let strings = try AcceptsAgreementTests.corpusStrings()
        #expect(!strings.isEmpty, "no corpus and no generator: set VARSYN_CORPUS")
        let (claimed, disagreements) = Self.run(strings, label: "corpus")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        // The lane exists for this input: it must read most of it.
        #expect(claimed * 10 >= strings.count * 9)
    }

    @Test("conformance and fixture strings and all their prefixes")
    func conformance() throws {
        var inputs: [String] = []
        for string in try AcceptsAgreementTests.conformanceStrings() {
            let bytes = Array(string.utf8)
            for end in 0...bytes.count { inputs.append(String(decoding: bytes[0..<end], as: UTF8.self)) }
        }
        let (claimed, disagreements) = Self.run(inputs, label: "conformance prefixes")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(claimed > 100)
    }

    /// Inputs at the lane's edges: most must be declined (the general grammar warns, reads otherwise or rejects).
    static let edgeCases: [String] = [
        // Read by the lane (but `(C1orf21)`, lower case, and the reversed circular range, left to the grammar).
        "NM_003156.4:c.494C>A", "NM_003156.4:c.-14G>A", "NM_003156.4:c.*32del", "NM_003156.4:c.93+1G>T",
        "NM_003156.4:c.94-2_94-1del", "NM_003156.4:c.100_100del", "NM_003156.4:c.-5_*5dup", "NM_003156.4:c.4_5insNA",
        "NM_003156.4:c.4_5insRY", "NM_003156.4:c.4N>A", "NM_003156.4:c.4_6=", "NM_003156.4:c.4=",
        "NM_003156.4:c.4_6inv", "NM_003156.4(STIM1):c.494C>A", "NM_003156.4(C1orf21):c.494C>A", "NC_000001.11:m.5del",
        "NC_012920.1:m.16563_13del", "NC_000001.11:o.5_7dup", "NP_003147.2:p.Ter110GlnextTer17",
        "NP_003147.2:p.Ter110GlnextTer1", "NP_003147.2:p.Ter110GlnextTer?", "NP_003147.2:p.Arg97ProfsTer23",
        "NP_003147.2:p.Arg97fsTer?", "NP_003147.2:p.Arg97fs", "NP_003147.2:p.(Arg97fs)", "NP_003147.2:p.Met1?",
        "NP_003147.2:p.(Met1?)", "NP_003147.2:p.Cys188=", "NP_003147.2:p.Lys2_Gly3insGlnTer",
        "NP_003147.2:p.Lys2_Gly3insXaaXaa", "NP_003147.2:p.Lys2_Gly3delinsTrp", "NP_003147.2:p.Lys2delinsTrp",
        "NP_003147.2:p.Leu54_Leu55Leu", "NP_003147.2:p.Trp24Xaa", "NP_003147.2:p.Trp24Ter", "NP_003147.2:p.Ter24Trp",
        "NP_003147.2:p.Lys2_Lys2del",
        // Declined: zero, leading zeros, too many digits, overflow (9 digits are read).
        "NM_003156.4:c.0C>A", "NM_003156.4:c.-0C>A", "NM_003156.4:c.*0del", "NM_003156.4:c.0494C>A",
        "NM_003156.4:c.94+0G>A", "NM_003156.4:c.94+01G>A", "NM_003156.4:c.94-0del", "NM_003156.4:c.1234567890del",
        "NM_003156.4:c.123456789del", "NM_003156.4:c.2147483648del", "NM_003156.4:c.999999999999del",
        "NM_003156.4:c.9999999999999del", "NC_000001.11:g.999999999999del", "NC_000001.11:g.9999999999999del",
        "NP_003147.2:p.Arg0Pro", "NP_003147.2:p.Arg2147483648Pro", "NP_003147.2:p.Arg097Pro",
        // Declined: reversed ranges, `?`, uncertain spans.
        "NM_003156.4:c.200_100del", "NM_003156.4:c.*1_100del", "NM_003156.4:c.100+5_100+2del",
        "NM_003156.4:c.100-2_100-5del", "NC_000001.11:g.200_100del", "NP_003147.2:p.Lys5_Gly3del",
        "NM_003156.4:c.?_100del", "NM_003156.4:c.100+?del", "NM_003156.4:c.(100_200)del", "NM_003156.4:c.(100C>A)",
        // Declined: lower case, identical bases, stated bases, legacy forms, one-letter residues.
        "NM_003156.4:c.494c>a", "NM_003156.4:c.494C>C", "NM_003156.4:c.494C>a", "NM_003156.4:c.494delC",
        "NM_003156.4:c.494del3", "NM_003156.4:c.494_495insa", "NM_003156.4:c.494insA", "NM_003156.4:c.494_495insN",
        "NM_003156.4:c.494_495delinsN", "NM_003156.4:c.494_495ins[A;T]", "NM_003156.4:c.494C->A",
        "NM_003156.4:c.494_495dupinv", "NM_003156.4:c.494A=", "NM_003156.4:c.494=/C>A", "NM_003156.4:c.494C>A;",
        "NM_003156.4:c.494C>A ", " NM_003156.4:c.494C>A", "NM_003156.4:c.494C>AT", "NM_003156.4:c.494CA>T",
        "NM_003156.4:r.494c>a", "NM_003156.4:n.-14G>A", "NM_003156.4:n.*14G>A", "NM_003156.4:c.100_200sup",
        "NP_003147.2:p.P165Q", "NP_003147.2:p.Pro165Pro", "NP_003147.2:p.Pro165Glnx", "NP_003147.2:p.Arg97ProfsTer1",
        "NP_003147.2:p.Arg97Profs12", "NP_003147.2:p.Arg97ProfsX12", "NP_003147.2:p.Arg97Profs*12",
        "NP_003147.2:p.Arg97TerfsTer12", "NP_003147.2:p.Lys2insGln", "NP_003147.2:p.Lys2_Gly3insXaa",
        "NP_003147.2:p.Lys2_Gly3insTerGln", "NP_003147.2:p.Lys2_Gly3insGln3_Gly5", "NP_003147.2:p.Lys2_Gly3insTer12",
        "NP_003147.2:p.Val7delVal", "NP_003147.2:p.Arg97Stop", "NP_003147.2:p.(Arg97Pro", "NP_003147.2:p.Arg97Pro)",
        "NP_003147.2:p.((Arg97Pro))", "NP_003147.2:p.Met1ext-5", "NP_003147.2:p.Arg97Pro^Gln",
        // Declined: references the lane does not read.
        "NM_003156:c.494C>A", "nm_003156.4:c.494C>A", "NM_003156.:c.494C>A", "NM_.4:c.494C>A", "NMX_003156.4:c.494C>A",
        "LRG_199t1:c.494C>A", "ENST00000357033.8:c.494C>A", "NM_003156.4(MT):c.494C>A", "NM_003156.4(ENSG1):c.494C>A",
        "NM_003156.4(CHR1):c.494C>A", "NM_003156.4(X):c.494C>A", "NM_003156.4(stim1):c.494C>A",
        "NM_003156.4(NM_1.2):c.494C>A", "NM_003156.4():c.494C>A", "NM_003156.4(ABC:c.494C>A",
        "NM_003156.4:c.494C>A^NM_003156.4:c.495C>A", "NM_003156.4:x.494C>A", "NM_003156.4:c494C>A",
    ]

    @Test("targeted edge cases")
    func edges() {
        let (claimed, disagreements) = Self.run(Self.edgeCases, label: "edge cases")
        #expect(disagreements.isEmpty, "\(disagreements)")
        #expect(claimed >= 30)
        // Declined where the general grammar warns, reads another tree, or rejects.
        for text in ["NM_003156.4:c.0C>A", "NM_003156.4:c.494C>C", "NM_003156.4:c.494delC", "NP_003147.2:p.Pro165Pro"] {
            var text = text
            #expect(text.withUTF8 { FastLane.scan($0) } == nil, "\(text)")
        }
    }

    /// Digit runs of 1-12 digits (with and without a leading zero) in accessions, versions, positions, offsets and
    /// stops, so that runs start and end at every distance from an eight-byte boundary and from the buffer's end
    /// (`NM_003156.4:c.123456789del`, `…c.12345678`, `…c.1234567890del`, `NP_…:p.(Arg12345678Pro)`).
    static func digitRunCases() -> [String] {
        let digits = "123456789012"
        var runs: [String] = []
        for length in 1...12 {
            let run = String(digits.prefix(length))
            runs.append(run)
            runs.append("0" + run.dropLast())
        }
        runs.append("99999999")
        runs.append("100000000")
        runs.append("999999999")
        runs.append("2147483647")
        var cases: [String] = []
        for run in runs {
            for accession in ["NM_3", "NM_003156", "NC_00000001", "NM_123456789012345"] {
                cases.append("\(accession).\(run):c.4del")
                cases.append("NM_\(run).4:c.4del")
                cases.append("\(accession).1:c.\(run)del")
                cases.append("\(accession).1:g.\(run)")
                cases.append("\(accession).1:n.\(run)")
                cases.append("\(accession).1:c.\(run)C>A")
                cases.append("\(accession).1:c.-\(run)_*\(run)dup")
                cases.append("\(accession).1:c.7+\(run)G>T")
                cases.append("\(accession).1:n.7-\(run)_8+\(run)")
                cases.append("\(accession).1:g.1_\(run)inv")
                cases.append("\(accession).1:g.\(run)_\(run)del")
                cases.append("\(accession).1:c.\(run)_\(run)9insA")
            }
            cases.append("NP_003147.2:p.Arg\(run)Pro")
            cases.append("NP_003147.2:p.(Arg\(run)Pro)")
            cases.append("NP_003147.2:p.(Arg\(run))")
            cases.append("NP_003147.2:p.Arg97ProfsTer\(run)")
            cases.append("NP_003147.2:p.(Ter110GlnextTer\(run))")
            cases.append("NP_\(run).2:p.Lys1_Gly\(run)del")
        }
        return cases
    }

    @Test("digit runs at every length and alignment (SWAR digit runs)")
    func digitRuns() {
        let cases = Self.digitRunCases()
        let (claimed, disagreements) = Self.run(cases, label: "digit runs")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(claimed > 500)
        // 9 digits are read, 10 are not; a run that ends the buffer is read to its last byte.
        for (text, expected) in [
            ("NC_000001.11:g.123456789", true), ("NC_000001.11:g.1234567890", false),
            ("NC_000001.11:g.12345678", true), ("NC_000001.11:g.012345678", false),
        ] {
            var deletion = text + "del"
            #expect((deletion.withUTF8 { FastLane.scan($0) } != nil) == expected, "\(deletion)")
        }
    }

    /// ``FastLane/digits(_:_:_:)`` and ``FastLane/value(_:_:_:)`` against a byte-at-a-time reading, for every run length 0-12 at every offset of
    /// buffers of 8-24 bytes, the run followed by a non-digit or by the end.
    @Test("number reading at every offset and buffer length")
    func numberReading() {
        var checked = 0
        for length in 8...24 {
            for start in 0..<length {
                for runLength in 0...min(12, length - start) {
                    for leading in [UInt8(ascii: "7"), UInt8(ascii: "0")] {
                        var buffer = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                        for k in 0..<runLength {
                            buffer[start + k] = k == 0 ? leading : UInt8(ascii: "0") + UInt8((k * 7) % 10)
                        }
                        // Reference: 1-9 digits, no leading zero.
                        var end = start
                        var value = 0
                        while end < length, buffer[end] >= 48, buffer[end] <= 57 {
                            value = value * 10 + Int(buffer[end] - 48)
                            end += 1
                        }
                        let valid = end > start && end - start <= 9 && buffer[start] != UInt8(ascii: "0")
                        buffer.withUnsafeBufferPointer { bytes in
                            guard let p = bytes.baseAddress else { return }
                            var i = start
                            let count = FastLane.digits(p, &i, length)
                            #expect(Int(count) == (valid ? end - start : 0), "\(buffer) at \(start)")
                            let number = FastLane.value(p, start, count)
                            #expect(Int(number) == (valid ? value : 0), "\(buffer) at \(start)")
                            #expect(i == (valid ? end : start), "\(buffer) at \(start)")
                            #expect(FastLane.digitRunEnd(p, start, length) == end, "\(buffer) at \(start)")
                        }
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2000)
    }

    /// The accession reader (two eight-byte words and one 16-bit mask for inputs of 19 bytes or more, a byte loop
    /// otherwise) against a byte-at-a-time reading: `NM_` + 0-20 digits + `.` + 0-12 digits + a tail, with a
    /// non-ASCII or other byte put at every offset (so that runs end at every place inside and past the mask).
    @Test("accession reading at every length of the number and the version")
    func accessionReading() {
        func reference(_ b: [UInt8]) -> Int {
            guard b.count >= 3, Byte.isUpper(b[0]), Byte.isUpper(b[1]), b[2] == Byte.underscore else { return 0 }
            var i = 3
            while i < b.count, Byte.isDigit(b[i]) { i += 1 }
            guard i > 3, i < b.count, b[i] == Byte.dot else { return 0 }
            i += 1
            let versionStart = i
            while i < b.count, Byte.isDigit(b[i]) { i += 1 }
            return i > versionStart ? i : 0
        }
        var checked = 0
        var mismatches: [String] = []
        let tails: [[UInt8]] = [[], Array(":c.1A>G".utf8), Array("(AB1):g.5del".utf8), [0xC3, 0xA9, 0x3A, 0x30]]
        for numberCount in 0...20 {
            for versionCount in 0...12 {
                for tail in tails {
                    var base = Array("NM_".utf8)
                    for k in 0..<numberCount { base.append(UInt8(ascii: "0") + UInt8((k * 3 + 1) % 10)) }
                    base.append(Byte.dot)
                    for k in 0..<versionCount { base.append(UInt8(ascii: "0") + UInt8((k * 7 + 2) % 10)) }
                    base += tail
                    var variants = [base]
                    for k in 0..<base.count {
                        for replacement: UInt8 in [0xFF, 0x8A, 0x2E, 0x39, 0x41] where base[k] != replacement {
                            var changed = base
                            changed[k] = replacement
                            variants.append(changed)
                        }
                    }
                    for bytes in variants where bytes.count >= 10 {
                        let lane = bytes.withUnsafeBufferPointer { buffer -> Int in
                            guard let p = buffer.baseAddress else { return -1 }
                            return FastLane.accessionEnd(p, buffer.count)
                        }
                        if lane != reference(bytes) { mismatches.append("\(bytes)") }
                        checked += 1
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(checked > 50_000)
    }

    /// The digit-run order (``FastLane/compareRuns(_:_:_:_:_:_:)``, no conversion) against the numbers' order for
    /// 1-9 digit numbers that share prefixes and differ at every place, at both ends of buffers of 10-40 bytes.
    @Test("digit-run order agrees with the numbers' order")
    func runOrder() {
        let numbers = [
            1, 2, 9, 10, 19, 91, 99, 100, 101, 110, 999, 1000, 12_345_678, 12_345_679, 12_345_687, 22_345_678,
            99_999_999, 100_000_000, 123_456_789, 123_456_798, 123_456_889, 223_456_789, 999_999_999,
        ]
        var checked = 0
        var mismatches: [String] = []
        for a in numbers {
            for b in numbers {
                for padding in [0, 1, 7, 15] {
                    let textA = Array(String(a).utf8)
                    let textB = Array(String(b).utf8)
                    // `a` first, then `_`, then `b` ending the buffer (its word is read shifted from the end).
                    let bytes =
                        [UInt8](repeating: UInt8(ascii: "x"), count: padding) + textA + [Byte.underscore] + textB
                    guard bytes.count >= 8 else { continue }
                    let order = bytes.withUnsafeBufferPointer { buffer -> Int in
                        guard let p = buffer.baseAddress else { return 2 }
                        return FastLane.compareRuns(
                            p, padding, UInt8(textA.count), padding + textA.count + 1, UInt8(textB.count), buffer.count)
                    }
                    let expected = a < b ? -1 : a > b ? 1 : 0
                    if order != expected { mismatches.append("\(a) \(b) padding \(padding): \(order)") }
                    checked += 1
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(checked > 1500)
    }

    /// Ranges over every combination of anchor (`-N`, `N`, `*N`), number and offset (none, `+k`, `-k`), both ways
    /// round, in c. and (numbers only) g. and p.: the lane's order check (on digit runs) must decline exactly the
    /// ranges the general grammar reads as reversed, and agree on the rest.
    @Test("range order: every anchor, sign and offset combination")
    func rangeOrder() {
        let numbers = ["1", "9", "10", "99", "12345678", "12345679", "123456789", "123456798"]
        let offsets = ["", "+1", "-1", "+10", "-12345678"]
        var positions: [String] = []
        for prefix in ["", "-", "*"] {
            for number in numbers {
                for offset in offsets { positions.append(prefix + number + offset) }
            }
        }
        var inputs: [String] = []
        for first in positions {
            for last in positions { inputs.append("NM_004006.2:c.\(first)_\(last)del") }
        }
        for first in numbers {
            for last in numbers {
                inputs.append("NC_000023.11:g.\(first)_\(last)dup")
                inputs.append("NP_003997.1:p.Gly\(first)_Leu\(last)del")
            }
        }
        let (claimed, disagreements) = Self.run(inputs, label: "range order")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(claimed > 5000)
    }

    /// The lane's raw-value conversion (``AminoAcid/fromLane(_:)``, a range check and a bit cast) against
    /// ``AminoAcid/init(rawValue:)`` for all 256 byte values.
    @Test("residue raw values: fromLane agrees with init(rawValue:)")
    func residueRawValues() {
        for raw in UInt8.min...UInt8.max {
            #expect(AminoAcid.fromLane(raw) == (AminoAcid(rawValue: raw) ?? .xaa), "\(raw)")
        }
    }

    /// The lane's residue hash against ``AminoAcid/fromThreeLetter(_:_:_:)`` for every upper-case first byte and
    /// every second and third byte from `(` to `z` (`Gly`, `Gla`, `GLY`, `G.y`, …): the same code or none.
    @Test("residue codes: the perfect hash agrees with fromThreeLetter")
    func residueCodes() {
        var mismatches: [String] = []
        var found = 0
        for b0 in UInt8(ascii: "(")...UInt8(ascii: "z") {
            for b1 in UInt8(ascii: "(")...UInt8(ascii: "z") {
                for b2 in UInt8(ascii: "(")...UInt8(ascii: "z") {
                    let bytes: [UInt8] = [b0, b1, b2, 0, 0, 0, 0, 0, 0, 0]
                    let expected = Byte.isUpper(b0) && Byte.isLower(b1) ? AminoAcid.fromThreeLetter(b0, b1, b2) : nil
                    let lane = bytes.withUnsafeBufferPointer { buffer -> AminoAcid? in
                        guard let p = buffer.baseAddress else { return nil }
                        var i = 0
                        return FastLane.residue(p, &i, buffer.count)
                    }
                    if lane != nil { found += 1 }
                    if lane != expected { mismatches.append(String(decoding: [b0, b1, b2], as: UTF8.self)) }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(found == AminoAcid.allCases.count)
    }

    @Test("single-byte mutations of corpus strings")
    func mutations() throws {
        let strings = try AcceptsAgreementTests.corpusStrings()
        // One string per 701 (about 140 from the full corpus; every kind appears).
        let sample = stride(from: 0, to: strings.count, by: 701).map { strings[$0] }
        let replacements: [UInt8] = Array("09_-+*()?=aCNT>: ".utf8)
        var inputs: [String] = []
        for string in sample {
            let bytes = Array(string.utf8)
            for k in bytes.indices {
                for r in replacements where r != bytes[k] {
                    var mutated = bytes
                    mutated[k] = r
                    inputs.append(String(decoding: mutated, as: UTF8.self))
                }
                var deleted = bytes
                deleted.remove(at: k)
                inputs.append(String(decoding: deleted, as: UTF8.self))
            }
        }
        let (claimed, disagreements) = Self.run(inputs, label: "mutations")
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(claimed > 500)
    }
}
