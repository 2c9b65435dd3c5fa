// References: accessions, LRG identifiers, gene symbols, selectors.

extension Parser {
    /// rule: identifier — the raw token of a reference: letters, digits, `_`, `.`, `-`, `@`.
    /// Stops before `:`, `(`, `)`, white space and anything else.
    mutating func scanIdentifier() -> Range<Int> {
        let start = index
        while index < limit {
            let b = bytes[index]
            if Byte.isAlphanumeric(b) || b == Byte.underscore || b == Byte.dot || b == Byte.minus || b == 0x40 {
                index += 1
            } else {
                break
            }
        }
        return start..<index
    }

    /// Fast path for the common case: `XX_digits.digits` followed by `:` (no selector). Returns nil, with the
    /// cursor unchanged, for anything else.
    @inline(__always)
    mutating func scanVersionedRefSeq() -> Range<Int>? {
        let s = index
        guard s + 6 < limit, Byte.isUpper(bytes[s]), Byte.isUpper(bytes[s + 1]), bytes[s + 2] == Byte.underscore else {
            return nil
        }
        var i = digitRunEnd(from: s + 3, to: limit)
        guard i > s + 3, i < limit, bytes[i] == Byte.dot else { return nil }
        i += 1
        let versionStart = i
        i = digitRunEnd(from: i, to: limit)
        guard i > versionStart, i < limit, bytes[i] == Byte.colon else { return nil }
        index = i
        return s..<i
    }

    /// Classify an identifier token. Returns nil when it is not a plausible reference.
    ///
    /// rule: accession = refseq_ac | ensembl_ac | lrg_ac | genbank_ac ; gene_symbol ; chromosome (shorthand)
    func classifyIdentifier(_ range: Range<Int>) -> (kind: AccessionKind, versioned: Bool)? {
        trace(.accession)
        let n = range.count
        guard n > 0 else { return nil }
        let s = range.lowerBound
        @inline(__always) func at(_ k: Int) -> UInt8 { bytes[s + k] }
        guard Byte.isLetter(at(0)) || Byte.isDigit(at(0)) else { return nil }
        // version: ".digits" at the end
        var dot = -1
        for k in 0..<n where at(k) == Byte.dot { dot = k }
        var versioned = false
        if dot >= 0 {
            guard dot + 1 < n else { return nil }
            for k in (dot + 1)..<n where !Byte.isDigit(at(k)) { return nil }
            versioned = true
        }
        let body = dot >= 0 ? dot : n
        // LRG_N, LRG_NtN, LRG_NpN
        if body >= 5, at(0) == 0x4C, at(1) == 0x52, at(2) == 0x47, at(3) == Byte.underscore {
            var k = 4
            while k < body, Byte.isDigit(at(k)) { k += 1 }
            guard k > 4, !versioned else { return nil }
            if k == body { return (.lrgGenomic, false) }
            let marker = at(k)
            guard marker == UInt8(ascii: "t") || marker == UInt8(ascii: "p"), k + 1 < body else { return nil }
            for j in (k + 1)..<body where !Byte.isDigit(at(j)) { return nil }
            return (marker == UInt8(ascii: "t") ? .lrgTranscript : .lrgProtein, false)
        }
        // RefSeq: two upper-case letters, '_', digits [ '.' digits ]
        if body >= 4, Byte.isUpper(at(0)), Byte.isUpper(at(1)), at(2) == Byte.underscore {
            var allDigits = true
            for k in 3..<body where !Byte.isDigit(at(k)) { allDigits = false }
            if allDigits { return (.refSeq, versioned) }
        }
        // Ensembl: ENS + upper letters + digits
        if body >= 5, at(0) == 0x45, at(1) == 0x4E, at(2) == 0x53 {
            var k = 3
            while k < body, Byte.isUpper(at(k)) { k += 1 }
            let digitsStart = k
            while k < body, Byte.isDigit(at(k)) { k += 1 }
            if k == body, k > digitsStart { return (.ensembl, versioned) }
        }
        // Chromosome names: chr1..chr22, chrX, chrY, chrM, chrMT; bare 1..22, X, Y, MT (shorthand).
        if ChromosomeName.number(bytes, range) != nil { return (.chromosome, false) }
        // GenBank: letters then digits, with a version: L01538.1, J01749.1, AB053210.2
        if versioned {
            var k = 0
            while k < body, Byte.isUpper(at(k)) { k += 1 }
            let letters = k
            while k < body, Byte.isDigit(at(k)) { k += 1 }
            if letters >= 1, letters <= 4, k == body, k > letters { return (.genBank, true) }
            return nil
        }
        // Gene symbol: starts with a letter; letters, digits, '-', '@', '_' (no dot).
        // `NM_` is a RefSeq prefix without its number, not a symbol: a symbol does not end in '_'.
        guard Byte.isLetter(at(0)), at(n - 1) != Byte.underscore else { return nil }
        return (.geneSymbol, false)
    }

    /// rule: reference = accession [ "(" selector ")" ]
    ///
    /// Parses `NM_003156.4`, `NC_000023.10(NM_004006.2)`, `NM_000492.3(CFTR)`, `LRG_199t1`, `GJB2`.
    @inline(__always)
    mutating func parseReference() throws(ParseError) -> ReferenceSpecifier {
        try scanReference().specifier(bytes)
    }

    /// rule: reference — as ``parseReference()``, returning where the accession and selector are (a trivial value;
    /// ``ReferenceToken/specifier(_:)`` builds the ``ReferenceSpecifier``, `accepts` never does).
    @inline(__always)
    mutating func scanReference() throws(ParseError) -> ReferenceToken {
        trace(.reference)
        if let fast = scanVersionedRefSeq() {
            trace(.accession)
            return ReferenceToken(accession: fast, kind: .refSeq)
        }
        return try scanOtherReference()
    }

    /// rule: reference — every form but the common `XX_digits.digits` (kept out of line: its register saves and
    /// stack frame cost the common form ~30 instructions when it was one function).
    @inline(never)
    mutating func scanOtherReference() throws(ParseError) -> ReferenceToken {
        let start = index
        let range = scanIdentifier()
        guard !range.isEmpty else { throw error(.reference) }
        guard let (kind, versioned) = classifyIdentifier(range) else {
            throw ParseError(
                .unexpected, start: range.lowerBound, end: range.upperBound, expected: .reference,
                detail: "not an accession, LRG identifier or gene symbol")
        }
        if (kind == .refSeq || kind == .ensembl) && !versioned {
            if options.strict {
                throw ParseError(
                    .unexpected, start: range.upperBound, end: min(range.upperBound + 1, limit), expected: .version,
                    detail: "a RefSeq or Ensembl accession needs a version, e.g. NM_004006.2")
            }
            warn(.missingVersion, range.lowerBound, range.upperBound)
        }
        var token = ReferenceToken(accession: range, kind: kind)
        if kind == .chromosome, form == .hgvs { form = .chromosomeReference }
        if consume(Byte.openParen) {
            trace(.selector)
            let selectorRange = scanIdentifier()
            guard let (selectorKind, selectorVersioned) = classifyIdentifier(selectorRange),
                selectorKind != .chromosome
            else {
                throw error(.selector, at: selectorRange.lowerBound)
            }
            if (selectorKind == .refSeq || selectorKind == .ensembl) && !selectorVersioned {
                if options.strict {
                    throw ParseError(
                        .unexpected, start: selectorRange.upperBound, end: selectorRange.upperBound,
                        expected: .version, detail: "the selector accession needs a version")
                }
                warn(.missingVersion, selectorRange.lowerBound, selectorRange.upperBound)
            }
            token.selector = selectorRange
            token.selectorKind = selectorKind
            try expect(Byte.closeParen, .closeParen)
        }
        if kind == .geneSymbol, form == .hgvs { form = .geneReference }
        _ = start
        return token
    }
}

/// Where a parsed reference is in the input: the accession's bytes and kind, and the selector's (an empty range
/// when there is none). Trivial (no storage to copy or destroy); ``specifier(_:)`` makes the syntax-tree value.
///
/// `NC_000023.10(NM_004006.2)`: accession 0..<12 (`.refSeq`), selector 13..<24 (`.refSeq`).
struct ReferenceToken {
    // Offsets as Int32 (inputs are at most HGVSParser.maximumLength bytes): the token is returned in registers.
    var accessionStart: Int32
    var accessionEnd: Int32
    var selectorStart: Int32 = 0
    var selectorEnd: Int32 = 0
    var kind: AccessionKind
    var selectorKind: AccessionKind = .refSeq

    @inline(__always)
    init(accession: Range<Int>, kind: AccessionKind) {
        self.accessionStart = Int32(truncatingIfNeeded: accession.lowerBound)
        self.accessionEnd = Int32(truncatingIfNeeded: accession.upperBound)
        self.kind = kind
    }

    var accession: Range<Int> { Int(accessionStart)..<Int(accessionEnd) }
    var selector: Range<Int> {
        get { Int(selectorStart)..<Int(selectorEnd) }
        set {
            selectorStart = Int32(truncatingIfNeeded: newValue.lowerBound)
            selectorEnd = Int32(truncatingIfNeeded: newValue.upperBound)
        }
    }

    /// The ``ReferenceSpecifier`` for the bytes the token was read from (chromosome names canonical: `chr11` -> `11`).
    @inline(__always)
    func specifier(_ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceSpecifier {
        if kind != .chromosome, selectorEnd == selectorStart {
            return ReferenceSpecifier(
                Accession(bytes: UnsafeBufferPointer(rebasing: bytes[accession]), kind: kind))
        }
        return specifierWithSelectorOrChromosome(bytes)
    }

    /// ``specifier(_:)`` for a chromosome name or a reference with a selector.
    @inline(never)
    func specifierWithSelectorOrChromosome(_ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceSpecifier {
        let accession =
            kind == .chromosome
            ? Accession(ChromosomeName.canonical(bytes, self.accession), kind: .chromosome)
            : Accession(bytes: UnsafeBufferPointer(rebasing: bytes[self.accession]), kind: kind)
        if selector.isEmpty { return ReferenceSpecifier(accession) }
        let selector = Accession(bytes: UnsafeBufferPointer(rebasing: bytes[selector]), kind: selectorKind)
        return ReferenceSpecifier(accession, selector: selector)
    }
}

/// Chromosome names in shorthand references: `chr11`, `11`, `chrX`, `MT`.
enum ChromosomeName {
    /// 1...22, 23 = X, 24 = Y, 25 = M/MT; nil when the token is not a chromosome name.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var s = range.lowerBound
        let e = range.upperBound
        if e - s >= 4, bytes[s] | 0x20 == 0x63, bytes[s + 1] | 0x20 == 0x68, bytes[s + 2] | 0x20 == 0x72 { s += 3 }
        let n = e - s
        guard n >= 1, n <= 2 else { return nil }
        if n == 1 {
            switch bytes[s] {
            case UInt8(ascii: "X"): return 23
            case UInt8(ascii: "Y"): return 24
            case UInt8(ascii: "M"): return 25
            default: break
            }
        } else if bytes[s] == UInt8(ascii: "M"), bytes[s + 1] == UInt8(ascii: "T") {
            return 25
        }
        var value = 0
        for k in s..<e {
            guard Byte.isDigit(bytes[k]) else { return nil }
            value = value * 10 + Int(bytes[k] - 48)
        }
        guard bytes[s] != 48, (1...22).contains(value) else { return nil }
        return value
    }

    /// The canonical name without `chr`: `chr11` -> `11`, `chrMT` -> `MT`, `chrM` -> `MT`.
    static func canonical(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        switch number(bytes, range) {
        case 23: "X"
        case 24: "Y"
        case 25: "MT"
        case let n?: String(n)
        case nil: ""
        }
    }
}
