// The top level: descriptions, multi-reference alleles, alternatives, adjoined transcripts.

extension Parser {
    /// rule: hgvs = description ( "^" description )* | multi_ref_alleles | adjoined_transcript
    ///
    /// The whole input must be consumed; trailing text is an error.
    mutating func parseWholeExpression() throws(ParseError) -> VariantExpression {
        if atEnd {
            throw ParseError(.empty, start: index, end: index, expected: .text, detail: "the input is empty")
        }
        let expression: VariantExpression
        if peek() == Byte.openBracket, bracketStartsDescription() {
            expression = .alleles(try parseMultiReferenceAlleles())
        } else {
            expression = try parseDescriptionOrAdjoined()
        }
        if !atEnd {
            throw ParseError(.trailingInput, start: index, end: limit, expected: .endOfInput,
                             detail: "unexpected text after a complete description")
        }
        return expression
    }

    /// `[ACC:…` starts alleles whose members carry their own references.
    func bracketStartsDescription() -> Bool {
        var i = index + 1
        while i < limit {
            let b = bytes[i]
            if Byte.isAlphanumeric(b) || b == Byte.underscore || b == Byte.dot || b == Byte.minus || b == Byte.openParen
                || b == Byte.closeParen
            {
                i += 1
            } else {
                // `[c.76A>C;…]` (a prefix, no reference) is the superseded 1998 format: not this rule.
                return b == Byte.colon && i > index + 2
            }
        }
        return false
    }

    /// rule: multi_ref_alleles = "[" description ( ";" description )* "]" ( ";" "[" … "]" )*
    mutating func parseMultiReferenceAlleles() throws(ParseError) -> [[VariantDescription]] {
        var alleles: [[VariantDescription]] = []
        repeat {
            try expect(Byte.openBracket, .openBracket)
            var members: [VariantDescription] = []
            inDescriptionList = true
            defer { inDescriptionList = false }
            repeat {
                members.append(try parseDescription(inList: true).description())
            } while consume(Byte.semicolon)
            try expect(Byte.closeBracket, [.semicolon, .closeBracket])
            alleles.append(members)
        } while consume(Byte.semicolon)
        return alleles
    }

    mutating func parseDescriptionOrAdjoined() throws(ParseError) -> VariantExpression {
        let first = try parseDescription(inList: false)
        if case .adjoined(let expression) = first { return expression }
        guard case .single(let description) = first else { return .description(try first.description()) }
        if peek() == Byte.caret {
            var items = [description]
            while consume(Byte.caret) {
                items.append(try parseDescription(inList: false).description())
            }
            return .alternatives(items)
        }
        return .description(description)
    }

    enum DescriptionOrAdjoined {
        case single(VariantDescription)
        case adjoined(VariantExpression)

        func description() throws(ParseError) -> VariantDescription {
            switch self {
            case .single(let d): return d
            case .adjoined: throw ParseError(.invalidDescription, start: 0, end: 0, detail: "adjoined transcripts cannot be combined")
            }
        }
    }

    /// rule: description = [ reference ":" ] body
    mutating func parseDescription(inList: Bool) throws(ParseError) -> DescriptionOrAdjoined {
        var reference: ReferenceSpecifier? = nil
        let start = index
        if let b = peek(), let _ = CoordinateSystem(letter: b), peek(1) == Byte.dot {
            // No reference: `c.494C>A`.
            if form == .hgvs { form = .noReference }
        } else {
            reference = try parseReference()
            guard consume(Byte.colon) else {
                throw error(.colon, detail: start == index ? "" : "expected ':' after the reference")
            }
        }
        _ = inList
        return try parseBody(reference: reference)
    }

    /// rule: body = coord_prefix "." … — the part after `ACC:` (or the whole text when there is no reference).
    mutating func parseBody(reference: ReferenceSpecifier?) throws(ParseError) -> DescriptionOrAdjoined {
        guard let letter = peek(), let system = CoordinateSystem(letter: letter), peek(1) == Byte.dot else {
            throw error(.coordinatePrefix)
        }
        index += 2
        self.system = system
        if system == .rna, let reference, let adjoined = try parseAdjoinedIfPresent(reference) {
            return .adjoined(adjoined)
        }
        let body: DescriptionBody
        switch system {
        case .genomic, .mitochondrial, .circular:
            body = .genomic(system, try parseBodyTree(NucleotideVariant<GenomicPosition>.self))
        case .coding, .noncoding, .rna:
            body = .transcript(system, try parseBodyTree(NucleotideVariant<TranscriptPosition>.self))
        case .protein:
            body = .protein(try parseBodyTree(ProteinVariant.self))
        }
        return .single(VariantDescription(reference: reference, body: body))
    }

    /// rule: adjoined_transcript = reference ":" "r." r_range "::" [ rna_seq "::" ] reference ":" "r." r_range
    mutating func parseAdjoinedIfPresent(_ reference: ReferenceSpecifier) throws(ParseError) -> VariantExpression? {
        let save = index
        let saveWarnings = warnings.count
        guard let location = try? parseLocation(TranscriptPosition.self), location.isRange, lookingAt("::") else {
            index = save
            warnings.removeSubrange(saveWarnings...)
            return nil
        }
        index += 2
        var linker: NucleotideSequence? = nil
        let linkerStart = index
        if let sequence = scanSequenceAllowingT(), lookingAt("::") {
            linker = sequence
            index += 2
        } else {
            index = linkerStart
        }
        let secondReference = try parseReference()
        try expect(Byte.colon, .colon)
        guard consume("r.") else { throw error(.coordinatePrefix, detail: "the second partner is an r. range") }
        system = .rna
        let second = try parseLocation(TranscriptPosition.self)
        guard second.isRange else { throw error(.underscore) }
        return .adjoinedTranscripts(AdjoinedPartner(reference: reference, location: location), linker: linker,
                                    AdjoinedPartner(reference: secondReference, location: second))
    }

    /// A linker sequence; the spec's own example contains a `t` (`guaugauuuuuuaataa`), kept as written.
    mutating func scanSequenceAllowingT() -> NucleotideSequence? {
        let start = index
        while index < limit, Byte.isRNABase(bytes[index]) || bytes[index] == UInt8(ascii: "t") { index += 1 }
        return index > start ? NucleotideSequence(string(start, index)) : nil
    }
}
