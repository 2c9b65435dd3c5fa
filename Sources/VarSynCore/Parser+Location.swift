// Positions and locations for g./m./o., c./n./r. and p.

/// A position type the parser can read. Each coordinate system has its own.
protocol ParsablePosition: Hashable & Sendable {
    /// Parse one position at the cursor.
    static func parse(_ parser: inout Parser) throws(ParseError) -> Self
    /// Could a position start with this byte?
    static func canStart(_ byte: UInt8, system: CoordinateSystem) -> Bool
    /// Wrap a location of this type as a ``NucleotideLocation``.
    static func wrap(_ location: Location<Self>) -> NucleotideLocation
    /// Order for range checks, nil when positions are not comparable without a reference.
    static func order(_ a: Self, _ b: Self) -> Int?
}

extension GenomicPosition: ParsablePosition {
    /// rule: g_pos = number | "?" | "pter" | "qter" | "cen"
    static func parse(_ parser: inout Parser) throws(ParseError) -> GenomicPosition {
        parser.trace(.genomicPosition)
        if parser.consume(Byte.question) { return .unknown }
        if let b = parser.peek(), Byte.isDigit(b) { return .base(try parser.parseNumber()) }
        if parser.consume("pter") { return .pter }
        if parser.consume("qter") { return .qter }
        if parser.consume("cen") { return .centromere }
        throw parser.error(.position)
    }

    static func canStart(_ byte: UInt8, system: CoordinateSystem) -> Bool {
        Byte.isDigit(byte) || byte == Byte.question || byte == UInt8(ascii: "p") || byte == UInt8(ascii: "q")
            || byte == UInt8(ascii: "c")
    }

    static func wrap(_ location: Location<GenomicPosition>) -> NucleotideLocation { .genomic(location) }

    static func order(_ a: GenomicPosition, _ b: GenomicPosition) -> Int? {
        func rank(_ p: GenomicPosition) -> (Int, Int)? {
            switch p {
            case .pter: (0, 0)
            case .base(let n): (1, n)
            case .qter: (2, 0)
            case .unknown, .centromere: nil
            }
        }
        guard let x = rank(a), let y = rank(b) else { return nil }
        if x.0 != y.0 { return x.0 < y.0 ? -1 : 1 }
        return x.1 == y.1 ? 0 : (x.1 < y.1 ? -1 : 1)
    }
}

extension TranscriptPosition: ParsablePosition {
    /// rule: c_pos = [ "-" | "*" ] ( number | "?" ) [ offset ] ; n_pos without "-" / "*" ;
    /// offset = ( "+" | "-" ) ( number | "?" )
    static func parse(_ parser: inout Parser) throws(ParseError) -> TranscriptPosition {
        parser.trace(.transcriptPosition)
        var anchor = TranscriptPosition.Anchor.start
        var negative = false
        let signStart = parser.index
        if parser.consume(Byte.star) {
            anchor = .cdsEnd
        } else if parser.consume(Byte.minus) {
            negative = true
        }
        if anchor == .cdsEnd || negative { parser.trace(.utrPosition) }
        if (anchor == .cdsEnd || negative) && parser.system == .noncoding {
            throw ParseError(
                .unexpected, start: signStart, end: signStart + 1, expected: .number,
                detail: "n. positions have no '-' or '*' (use c. for UTR positions)")
        }
        var base: Int?
        if parser.consume(Byte.question) {
            base = nil
        } else if let b = parser.peek(), Byte.isDigit(b) {
            let at = parser.index
            let value = try parser.parseNumber()
            if value > TranscriptPosition.maximumMagnitude {
                throw ParseError(
                    .numberTooLarge, start: at, end: parser.index,
                    detail: "a transcript position is at most \(TranscriptPosition.maximumMagnitude)")
            }
            base = negative ? -value : value
        } else {
            throw parser.error(anchor == .start && !negative ? .position : .number)
        }
        var offset = IntronOffset.none
        if let b = parser.peek(), b == Byte.plus || b == Byte.minus {
            // An offset needs a number or '?' right after the sign.
            if let c = parser.peek(1), Byte.isDigit(c) || c == Byte.question {
                parser.trace(.offset)
                parser.index += 1
                let distance: Int?
                if parser.consume(Byte.question) {
                    distance = nil
                } else {
                    let at = parser.index
                    let value = try parser.parseNumber(allowZero: true)
                    if value > TranscriptPosition.maximumMagnitude {
                        throw ParseError(
                            .numberTooLarge, start: at, end: parser.index,
                            detail: "an offset is at most \(TranscriptPosition.maximumMagnitude)")
                    }
                    if value == 0 {
                        throw ParseError(.zeroPosition, start: at, end: parser.index, detail: "there is no offset 0")
                    }
                    distance = value
                }
                offset = b == Byte.plus ? .downstream(distance) : .upstream(distance)
            }
        }
        return TranscriptPosition(anchor: anchor, base: base, offset: offset)
    }

    static func canStart(_ byte: UInt8, system: CoordinateSystem) -> Bool {
        Byte.isDigit(byte) || byte == Byte.question || byte == Byte.star || byte == Byte.minus
    }

    static func wrap(_ location: Location<TranscriptPosition>) -> NucleotideLocation { .transcript(location) }

    static func order(_ a: TranscriptPosition, _ b: TranscriptPosition) -> Int? {
        guard let x = a.sortKey, let y = b.sortKey else { return nil }
        return x == y ? 0 : (x < y ? -1 : 1)
    }

    /// A key that orders positions along the transcript when both are exonic or in the same intron.
    var sortKey: (Int, Int, Int)? {
        guard let base, let offset = offset.signedValue else { return nil }
        switch anchor {
        case .start: return (0, base, offset)
        case .cdsEnd: return (1, base, offset)
        case .intron, .exon: return nil
        }
    }
}

extension ProteinPosition {
    /// rule: p_pos = ( aa | ter ) number
    static func parse(_ parser: inout Parser) throws(ParseError) -> ProteinPosition {
        parser.trace(.proteinPosition)
        let start = parser.index
        guard let residue = parser.parseAminoAcid() else {
            throw parser.unknownAminoAcidError(at: start)
        }
        guard let b = parser.peek(), Byte.isDigit(b) else {
            // `p.Gln[21]`: the spec's position-less repeat shorthand.
            if parser.peek() == Byte.openBracket { return ProteinPosition(residue: residue, number: nil) }
            throw parser.error(.number)
        }
        let at = parser.index
        let number = try parser.parseNumber()
        if number > Int(Int32.max) {
            throw ParseError(
                .numberTooLarge, start: at, end: parser.index, detail: "a residue number is at most \(Int32.max)")
        }
        return ProteinPosition(residue: residue, number: number)
    }
}

extension Parser {
    /// rule: span = pos | "(" pos "_" pos ")"
    mutating func parseBreakpoint<P: ParsablePosition>(_: P.Type) throws(ParseError) -> Breakpoint<P> {
        if consume(Byte.openParen) {
            trace(.uncertainSpan)
            let a = try P.parse(&self)
            try expect(Byte.underscore, .underscore)
            let b = try P.parse(&self)
            try expect(Byte.closeParen, .closeParen)
            return .uncertain(a, b)
        }
        return .exact(try P.parse(&self))
    }

    /// rule: loc = span [ "_" span ]
    ///
    /// Ranges must run 5' to 3' (checked when both ends are comparable without a reference), except across
    /// the origin of a circular reference (`m.16563_13del`).
    mutating func parseLocation<P: ParsablePosition>(_: P.Type) throws(ParseError) -> Location<P> {
        trace(.location)
        let start = index
        let first = try parseBreakpoint(P.self)
        guard peek() == Byte.underscore, let next = peek(1),
            P.canStart(next, system: system) || next == Byte.openParen
        else {
            return Location(start: first, end: nil)
        }
        index += 1
        trace(.range)
        let second = try parseBreakpoint(P.self)
        if !system.isCircular, !allowReversedRange, let order = P.order(first.last, second.first), order > 0 {
            throw ParseError(
                .reversedRange, start: start, end: index,
                detail: "a range runs from the 5' position to the 3' position")
        }
        return Location(start: first, end: second)
    }

    /// rule: p_loc = p_span [ "_" p_span ] ; p_span = p_pos | "(" p_pos "_" p_pos ")" | "(" p_pos ")"
    mutating func parseProteinLocation() throws(ParseError) -> Location<ProteinPosition> {
        trace(.proteinLocation)
        let start = index
        let first = try parseProteinBreakpoint()
        guard peek() == Byte.underscore else { return Location(start: first, end: nil) }
        index += 1
        let second = try parseProteinBreakpoint()
        if let a = first.last.number, let b = second.first.number, a > b {
            throw ParseError(
                .reversedRange, start: start, end: index,
                detail: "a range runs from the N-terminal residue to the C-terminal residue")
        }
        return Location(start: first, end: second)
    }

    mutating func parseProteinBreakpoint() throws(ParseError) -> Breakpoint<ProteinPosition> {
        if consume(Byte.openParen) {
            trace(.uncertainSpan)
            let a = try ProteinPosition.parse(&self)
            if consume(Byte.closeParen) { return .parenthesized(a) }
            try expect(Byte.underscore, [.underscore, .closeParen])
            let b = try ProteinPosition.parse(&self)
            try expect(Byte.closeParen, .closeParen)
            return .uncertain(a, b)
        }
        return .exact(try ProteinPosition.parse(&self))
    }

    /// rule: aa = aa3 | aa1 ; ter = "Ter" | "*"
    ///
    /// Reads a three-letter code when the next three bytes are one (`Pro`), else a one-letter code (`P`, `*`).
    @inline(__always)
    mutating func parseAminoAcid() -> AminoAcid? {
        trace(.aminoAcid)
        guard index < limit else { return nil }
        let b0 = bytes[index]
        if index + 2 < limit, Byte.isUpper(b0), Byte.isLower(bytes[index + 1]),
            let residue = AminoAcid.fromThreeLetter(b0, bytes[index + 1], bytes[index + 2])
        {
            index += 3
            return residue
        }
        if let residue = AminoAcid.fromOneLetter(b0) {
            // An upper-case letter followed by a lower-case one that is not a keyword start is a bad 3-letter code.
            if index + 1 < limit, Byte.isUpper(b0), Byte.isLower(bytes[index + 1]), !startsKeyword(index + 1) {
                return nil
            }
            if b0 == UInt8(ascii: "X") { sawOneLetterX = true }
            index += 1
            return residue
        }
        return nil
    }

    /// `Foo` in `p.Foo12Bar`: an upper-case letter and two lower-case ones that are no amino acid code.
    func unknownAminoAcidError(at start: Int) -> ParseError {
        if start + 2 < limit, Byte.isUpper(bytes[start]), Byte.isLower(bytes[start + 1]), Byte.isLower(bytes[start + 2])
        {
            return ParseError(.unknownAminoAcid, start: start, end: start + 3, expected: .aminoAcid)
        }
        return error(.aminoAcid, at: start)
    }

    /// Is a lower-case protein keyword (`del`, `dup`, `ins`, `fs`, `ext`) at `i`?
    func startsKeyword(_ i: Int) -> Bool {
        guard i < limit else { return false }
        switch bytes[i] {
        case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "f"), UInt8(ascii: "e"): return true
        default: return false
        }
    }
}
