// The top level: descriptions, multi-reference alleles, alternatives, adjoined transcripts.
//
// The functions here are generic over an ``ExpressionBuilder``: what the top levels make of what they read. One
// grammar, two specializations: ``TreeBuilder`` builds the syntax tree (``HGVSParser/parse(utf8:options:)``),
// ``AcceptBuilder`` builds nothing (``HGVSParser/accepts(utf8:options:)``, `varsyn parse --count`), which saves
// assembling, copying and destroying the description and expression around each parsed body. Below the
// description level the builder decides too: the reference is read as a trivial ``ReferenceToken`` (only
// ``TreeBuilder`` makes a ``ReferenceSpecifier`` of it), and a body that is one plain variant is read with
// ``ParsableVariant/readVariant(_:)``, which builds no variant value. Locations and edits are built in both (the
// grammar inspects them: `c.52insT` widens a location, `p.Ala2[10];[11]` needs a repeat), and any other body
// goes through the one allele-tree grammar, building its tree.

/// What the top levels of the parser make of a description body once it has been read.
///
/// `NM_003156.4:c.494C>A`: ``TreeBuilder`` makes `.description(VariantDescription(…))`, ``AcceptBuilder`` `()`.
protocol ExpressionBuilder {
    associatedtype Reference
    associatedtype Description
    associatedtype Expression
    /// The reference of a description from its token (`NM_003156.4` in `NM_003156.4:c.494C>A`).
    static func reference(_ token: ReferenceToken, _ bytes: UnsafeBufferPointer<UInt8>) -> Reference
    /// A description from its reference (nil without one) and its body (`g.`, `m.`, `o.`), read from `parser`
    /// after the prefix.
    static func genomic(
        _ parser: inout Parser, _ reference: __owned Reference?, _ system: CoordinateSystem
    ) throws(ParseError) -> Description
    /// A description with a `c.`, `n.` or `r.` body.
    static func transcript(
        _ parser: inout Parser, _ reference: __owned Reference?, _ system: CoordinateSystem
    ) throws(ParseError) -> Description
    /// A description with a `p.` body.
    static func protein(_ parser: inout Parser, _ reference: __owned Reference?) throws(ParseError) -> Description
    /// One description as a whole expression.
    static func single(_ description: __owned Description) -> Expression
    /// `A^B^…`: alternative descriptions.
    static func alternatives(_ descriptions: __owned [Description]) -> Expression
    /// An expression built as a tree on a rarer path (multi-reference alleles, adjoined transcripts).
    static func tree(_ expression: __owned VariantExpression) -> Expression
}

/// A builder of the syntax tree, from references given as `Reference`.
protocol SyntaxTreeBuilder: ExpressionBuilder
where Description == VariantDescription, Expression == VariantExpression {
    /// The syntax-tree reference; called once the body has been read.
    static func specifier(_ reference: __owned Reference, _ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceSpecifier
}

extension SyntaxTreeBuilder {
    // The reference is made into a ReferenceSpecifier only after the body: held across the body's parse (which can
    // throw), a built specifier was copied into the description and the original destroyed.
    @inline(__always)
    static func genomic(
        _ parser: inout Parser, _ reference: __owned Reference?, _ system: CoordinateSystem
    ) throws(ParseError) -> VariantDescription {
        let tree = try parser.parseBodyTree(NucleotideVariant<GenomicPosition>.self)
        return VariantDescription(
            reference: reference.map { specifier($0, parser.bytes) }, body: .genomic(system, tree))
    }
    @inline(__always)
    static func transcript(
        _ parser: inout Parser, _ reference: __owned Reference?, _ system: CoordinateSystem
    ) throws(ParseError) -> VariantDescription {
        let tree = try parser.parseBodyTree(NucleotideVariant<TranscriptPosition>.self)
        return VariantDescription(
            reference: reference.map { specifier($0, parser.bytes) }, body: .transcript(system, tree))
    }
    @inline(__always)
    static func protein(
        _ parser: inout Parser, _ reference: __owned Reference?
    ) throws(ParseError) -> VariantDescription {
        let tree = try parser.parseBodyTree(ProteinVariant.self)
        return VariantDescription(reference: reference.map { specifier($0, parser.bytes) }, body: .protein(tree))
    }
    @inline(__always)
    static func single(_ description: __owned VariantDescription) -> VariantExpression { .description(description) }
    @inline(__always)
    static func alternatives(_ descriptions: __owned [VariantDescription]) -> VariantExpression {
        .alternatives(descriptions)
    }
    @inline(__always)
    static func tree(_ expression: __owned VariantExpression) -> VariantExpression { expression }
}

/// Builds the syntax tree: what ``HGVSParser/parse(utf8:options:)`` returns. References travel as their trivial
/// ``ReferenceToken`` until the description is assembled.
enum TreeBuilder: SyntaxTreeBuilder {
    @inline(__always)
    static func reference(_ token: ReferenceToken, _ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceToken { token }
    @inline(__always)
    static func specifier(
        _ reference: __owned ReferenceToken, _ bytes: UnsafeBufferPointer<UInt8>
    )
        -> ReferenceSpecifier
    {
        reference.specifier(bytes)
    }
}

/// Builds the syntax tree around a reference built beforehand (the shorthand reader's `GENE c.…`).
enum SpecifiedReferenceTreeBuilder: SyntaxTreeBuilder {
    @inline(__always)
    static func reference(_ token: ReferenceToken, _ bytes: UnsafeBufferPointer<UInt8>) -> ReferenceSpecifier {
        token.specifier(bytes)
    }
    @inline(__always)
    static func specifier(
        _ reference: __owned ReferenceSpecifier, _ bytes: UnsafeBufferPointer<UInt8>
    )
        -> ReferenceSpecifier
    {
        reference
    }
}

/// Builds nothing: only whether the text reads (``HGVSParser/accepts(utf8:options:)``).
enum AcceptBuilder: ExpressionBuilder {
    @inline(__always)
    static func reference(_ token: ReferenceToken, _ bytes: UnsafeBufferPointer<UInt8>) {}
    @inline(__always)
    static func genomic(
        _ parser: inout Parser, _ reference: __owned Void?, _ system: CoordinateSystem
    )
        throws(ParseError)
    {
        try parser.readBodyTree(NucleotideVariant<GenomicPosition>.self)
    }
    @inline(__always)
    static func transcript(
        _ parser: inout Parser, _ reference: __owned Void?, _ system: CoordinateSystem
    )
        throws(ParseError)
    {
        try parser.readBodyTree(NucleotideVariant<TranscriptPosition>.self)
    }
    @inline(__always)
    static func protein(_ parser: inout Parser, _ reference: __owned Void?) throws(ParseError) {
        try parser.readBodyTree(ProteinVariant.self)
    }
    @inline(__always)
    static func single(_ description: __owned Void) {}
    @inline(__always)
    static func alternatives(_ descriptions: __owned [Void]) {}
    @inline(__always)
    static func tree(_ expression: __owned VariantExpression) {}
}

extension Parser {
    /// rule: hgvs = description ( "^" description )* | multi_ref_alleles | adjoined_transcript
    ///
    /// The whole input must be consumed; trailing text is an error. Builds the syntax tree.
    @inline(__always)
    mutating func parseWholeExpression() throws(ParseError) -> VariantExpression {
        try parseWholeExpression(TreeBuilder.self)
    }

    /// rule: hgvs — as ``parseWholeExpression()``, making of it what `builder` makes.
    @inline(__always)
    mutating func parseWholeExpression<B: ExpressionBuilder>(_ builder: B.Type) throws(ParseError) -> B.Expression {
        trace(.hgvs)
        if atEnd {
            throw ParseError(.empty, start: index, end: index, expected: .text, detail: "the input is empty")
        }
        if peek() == Byte.openBracket, bracketStartsDescription() {
            let alleles = try parseMultiReferenceAlleles()
            try expectEnd()
            return B.tree(.alleles(alleles))
        }
        let expression = try parseDescriptionOrAdjoined(B.self)
        try expectEnd()
        return expression
    }

    /// The whole input must be consumed: trailing text after a complete description is an error.
    @inline(__always)
    func expectEnd() throws(ParseError) {
        if !atEnd {
            throw ParseError(
                .trailingInput, start: index, end: limit, expected: .endOfInput,
                detail: "unexpected text after a complete description")
        }
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
    mutating func parseDescriptionOrAdjoined<B: ExpressionBuilder>(_: B.Type) throws(ParseError) -> B.Expression {
        let start = index
        let startWarnings = warningCount
        let startForm = form
        var readFirst = false
        do {
            return try parseDescriptionAndAlternatives(B.self, readFirst: &readFirst)
        } catch {
            // Errors after the first description propagate. `A:r.a_b::B:r.c_d` fails as a plain description at
            // `::`; only then look for an adjoined transcript.
            if readFirst { throw error }
            index = start
            dropWarnings(from: startWarnings)
            form = startForm
            if let adjoined = try parseAdjoinedIfPresent() { return B.tree(adjoined) }
            throw error
        }
    }

    /// rule: hgvs = description ( "^" description )* — sets `readFirst` once the first description has been read.
    @inline(never)
    mutating func parseDescriptionAndAlternatives<B: ExpressionBuilder>(
        _: B.Type, readFirst: inout Bool
    ) throws(ParseError) -> B.Expression {
        let description = try parseDescription(B.self)
        // No write to memory between reading the description and handing it on (with one, the optimizer copied
        // and destroyed the whole description per parse); the flag matters only for errors after the first one.
        if peek() != Byte.caret { return B.single(consume description) }
        readFirst = true
        var items = [consume description]
        try parseAlternativeDescriptions(B.self, &items)
        return B.alternatives(items)
    }

    /// rule: hgvs = description ( "^" description )+ — after the first description, at `^`.
    mutating func parseAlternativeDescriptions<B: ExpressionBuilder>(
        _: B.Type, _ items: inout [B.Description]
    ) throws(ParseError) {
        trace(.alternativeDescriptions)
        while consume(Byte.caret) {
            items.append(try parseDescription(B.self))
        }
    }

    /// rule: description = [ reference ":" ] body
    @inline(__always)
    mutating func parseDescription() throws(ParseError) -> VariantDescription {
        try parseDescription(TreeBuilder.self)
    }

    /// rule: description — as ``parseDescription()``, making of it what `builder` makes.
    @inline(__always)
    mutating func parseDescription<B: ExpressionBuilder>(_: B.Type) throws(ParseError) -> B.Description {
        trace(.description)
        var reference: B.Reference? = nil
        let start = index
        if let b = peek(), let _ = CoordinateSystem(letter: b), peek(1) == Byte.dot {
            // No reference: `c.494C>A`.
            if form == .hgvs { form = .noReference }
        } else {
            reference = B.reference(try scanReference(), bytes)
            guard consume(Byte.colon) else {
                throw error(.colon, detail: start == index ? "" : "expected ':' after the reference")
            }
        }
        return try parseBody(B.self, reference: reference)
    }

    /// rule: body = coord_prefix "." … — the part after `ACC:` (or the whole text when there is no reference).
    @inline(__always)
    mutating func parseBody(reference: ReferenceSpecifier?) throws(ParseError) -> VariantDescription {
        try parseBody(SpecifiedReferenceTreeBuilder.self, reference: reference)
    }

    /// rule: body — as ``parseBody(reference:)``, making of it what `builder` makes.
    @inline(__always)
    mutating func parseBody<B: ExpressionBuilder>(
        _: B.Type, reference: B.Reference?
    ) throws(ParseError) -> B.Description {
        trace(.body)
        guard let letter = peek(), let system = CoordinateSystem(letter: letter), peek(1) == Byte.dot else {
            throw error(.coordinatePrefix)
        }
        index += 2
        self.system = system
        switch system {
        case .genomic, .mitochondrial, .circular:
            return try B.genomic(&self, reference, system)
        case .coding, .noncoding, .rna:
            return try B.transcript(&self, reference, system)
        case .protein:
            return try B.protein(&self, reference)
        }
    }

    /// rule: adjoined_transcript = reference ":" "r." r_range "::" [ rna_seq "::" ] reference ":" "r." r_range
    /// Looks for `ACC:r.a_b::` first; returns nil (cursor unchanged) when the text is not an adjoined transcript.
    mutating func parseAdjoinedIfPresent() throws(ParseError) -> VariantExpression? {
        guard hasDoubleColon() else { return nil }
        trace(.adjoinedTranscript)
        let save = index
        let saveWarnings = warningCount
        let saveForm = form
        func restore(_ parser: inout Parser) {
            parser.index = save
            parser.dropWarnings(from: saveWarnings)
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
