// The top level: descriptions, multi-reference alleles, alternatives, adjoined transcripts.

extension Parser {
    /// rule: hgvs = description ( "^" description )* | multi_ref_alleles | adjoined_transcript
    ///
    /// The whole input must be consumed; trailing text is an error.
    @inline(__always)
    mutating func parseWholeExpression() throws(ParseError) -> VariantExpression {
        trace(.hgvs)
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
            throw ParseError(
                .trailingInput, start: index, end: limit, expected: .endOfInput,
                detail: "unexpected text after a complete description")
        }
        return expression
    }

    /// `[ACC:…` starts alleles whose members carry their own references. (`[c.76A>C;…]`, a prefix and no
    /// reference, is the superseded 1998 format: not this rule.)
    func bracketStartsDescription() -> Bool { referenceFollows(minimumLength: 2) }

    /// After the separator at `index` (`[`, `;`, `^`), does `ACC:` follow, i.e. a whole new description?
    /// Reference characters are letters, digits, `_ . - ( )`; at least `minimumLength` of them before the `:`.
    func referenceFollows(minimumLength: Int) -> Bool {
        var i = index + 1
        while i < limit {
            let b = bytes[i]
            if Byte.isAlphanumeric(b) || b == Byte.underscore || b == Byte.dot || b == Byte.minus || b == Byte.openParen
                || b == Byte.closeParen
            {
                i += 1
            } else {
                return b == Byte.colon && i - (index + 1) >= minimumLength
            }
        }
        return false
    }

    /// rule: multi_ref_alleles = "[" description ( ";" description )* "]" ( ";" "[" … "]" )*
    mutating func parseMultiReferenceAlleles() throws(ParseError) -> [[VariantDescription]] {
        trace(.multiReferenceAlleles)
        var alleles: [[VariantDescription]] = []
        repeat {
            try expect(Byte.openBracket, .openBracket)
            var members: [VariantDescription] = []
            inDescriptionList = true
            defer { inDescriptionList = false }
            repeat {
                members.append(try parseDescription())
            } while consume(Byte.semicolon)
            try expect(Byte.closeBracket, [.semicolon, .closeBracket])
            alleles.append(members)
        } while consume(Byte.semicolon)
        return alleles
    }

    @inline(__always)
    mutating func parseDescriptionOrAdjoined() throws(ParseError) -> VariantExpression {
        let start = index
        let startWarnings = warnings.count
        let startForm = form
        let description: VariantDescription
        do {
            description = try parseDescription()
        } catch {
            // `A:r.a_b::B:r.c_d` fails as a plain description at `::`; only then look for an adjoined transcript.
            index = start
            warnings.removeSubrange(startWarnings...)
            form = startForm
            if let adjoined = try parseAdjoinedIfPresent() { return adjoined }
            throw error
        }
        if peek() == Byte.caret {
            trace(.alternativeDescriptions)
            var items = [description]
            while consume(Byte.caret) {
                items.append(try parseDescription())
            }
            return .alternatives(items)
        }
        return .description(description)
    }

    /// rule: description = [ reference ":" ] body
    @inline(__always)
    mutating func parseDescription() throws(ParseError) -> VariantDescription {
        trace(.description)
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
        return try parseBody(reference: reference)
    }

    /// rule: body = coord_prefix "." … — the part after `ACC:` (or the whole text when there is no reference).
    @inline(__always)
    mutating func parseBody(reference: ReferenceSpecifier?) throws(ParseError) -> VariantDescription {
        trace(.body)
        guard let letter = peek(), let system = CoordinateSystem(letter: letter), peek(1) == Byte.dot else {
            throw error(.coordinatePrefix)
        }
        index += 2
        self.system = system
        switch system {
        case .genomic, .mitochondrial, .circular:
            return VariantDescription(
                reference: reference,
                body: .genomic(system, try parseBodyTree(NucleotideVariant<GenomicPosition>.self)))
        case .coding, .noncoding, .rna:
            return VariantDescription(
                reference: reference,
                body: .transcript(system, try parseBodyTree(NucleotideVariant<TranscriptPosition>.self)))
        case .protein:
            return VariantDescription(reference: reference, body: .protein(try parseBodyTree(ProteinVariant.self)))
        }
    }

    /// rule: adjoined_transcript = reference ":" "r." r_range "::" [ rna_seq "::" ] reference ":" "r." r_range
    /// Looks for `ACC:r.a_b::` first; returns nil (cursor unchanged) when the text is not an adjoined transcript.
    mutating func parseAdjoinedIfPresent() throws(ParseError) -> VariantExpression? {
        guard hasDoubleColon() else { return nil }
        trace(.adjoinedTranscript)
        let save = index
        let saveWarnings = warnings.count
        let saveForm = form
        func restore(_ parser: inout Parser) {
            parser.index = save
            parser.warnings.removeSubrange(saveWarnings...)
            parser.form = saveForm
        }
        guard let reference = try? parseReference(), consume(Byte.colon), consume("r.") else {
            restore(&self)
            return nil
        }
        system = .rna
        guard let location = try? parseLocation(TranscriptPosition.self), location.isRange, lookingAt("::") else {
            restore(&self)
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
        return .adjoinedTranscripts(
            AdjoinedPartner(reference: reference, location: location), linker: linker,
            AdjoinedPartner(reference: secondReference, location: second))
    }

    /// Adjoined transcripts are r. descriptions joined by `::`: look for `:r.` then `::` (cheap for other text).
    func hasDoubleColon() -> Bool {
        var i = index
        while i < limit, bytes[i] != Byte.colon { i += 1 }
        guard i + 2 < limit, bytes[i + 1] == UInt8(ascii: "r"), bytes[i + 2] == Byte.dot else { return false }
        while i + 1 < limit {
            if bytes[i] == Byte.colon, bytes[i + 1] == Byte.colon { return true }
            i += 1
        }
        return false
    }

    /// A linker sequence; the spec's own example contains a `t` (`guaugauuuuuuaataa`), kept as written.
    mutating func scanSequenceAllowingT() -> NucleotideSequence? {
        let start = index
        while index < limit, Byte.isRNABase(bytes[index]) || bytes[index] == UInt8(ascii: "t") { index += 1 }
        return index > start ? NucleotideSequence(string(start, index)) : nil
    }
}
