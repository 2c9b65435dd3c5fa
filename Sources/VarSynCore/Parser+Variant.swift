// Variants and the allele structure around them (generic over nucleotide and protein variants).

/// A variant type the allele parser can read.
protocol ParsableVariant: Hashable & Sendable {
    static func parseVariant(_ parser: inout Parser) throws(ParseError) -> Self
    /// The same grammar as ``parseVariant(_:)``, building no variant (``HGVSParser/accepts(utf8:options:)``).
    static func readVariant(_ parser: inout Parser) throws(ParseError)
    var predicted: Bool { get set }
    var mosaicism: Mosaicism? { get set }
    /// True when the edit is a repeat or copy number (`Ala2[10]`), so `;[11]` may follow as a second allele count.
    var isRepeat: Bool { get }
}

extension Parser {
    /// `=/` (mosaic, returns false) or `=//` (chimeric, returns true); nil, consuming nothing, otherwise.
    @inline(__always)
    mutating func consumeMosaicSeparator() -> Bool? {
        guard peek() == Byte.equals, peek(1) == Byte.slash else { return nil }
        trace(.mosaic)
        index += 2
        return consume(Byte.slash)
    }
}

extension NucleotideVariant: ParsableVariant where Position: ParsablePosition {
    /// rule: variant = loc na_edit | loc "=" mos_sep na_edit | "=" mos_sep variant | loc "|" methyl
    static func parseVariant(_ parser: inout Parser) throws(ParseError) -> NucleotideVariant<Position> {
        let parts = try parseParts(&parser)
        return NucleotideVariant(location: parts.location, edit: parts.edit, mosaicism: parts.mosaicism)
    }

    static func readVariant(_ parser: inout Parser) throws(ParseError) {
        // The parts are dropped one by one: a location of trivial positions is trivial and the edit is not generic,
        // where dropping a whole NucleotideVariant<Position> went through generic value witnesses.
        _ = try parseParts(&parser)
    }

    /// rule: variant — its parts: location, edit, mosaicism.
    @inline(__always)
    static func parseParts(
        _ parser: inout Parser
    ) throws(ParseError) -> (location: Location<Position>, edit: NucleotideEdit, mosaicism: Mosaicism?) {
        parser.trace(.variant)
        if let chimeric = parser.consumeMosaicSeparator() {
            // rule: mosaic = ( "=/" | "=//" ) variant — the whole reference first: `r.=/6_8del`.
            let inner = try parseVariant(&parser)
            return (inner.location, inner.edit, Mosaicism(chimeric: chimeric, wholeReference: true))
        }
        let locationStart = parser.index
        var location = try parser.parseLocation(Position.self)
        if let chimeric = parser.consumeMosaicSeparator() {
            let edit = try parser.parseNucleotideEdit(Position.self)
            return (location, edit, Mosaicism(chimeric: chimeric, wholeReference: false))
        }
        let editStart = parser.index
        let edit = try parser.parseNucleotideEdit(Position.self)
        if case .insertion = edit {
            try parser.checkInsertionFlanks(&location, locationStart: locationStart, editStart: editStart)
        }
        return (location, edit, nil)
    }

    var isRepeat: Bool {
        switch edit {
        case .repeated, .copyNumber: true
        default: false
        }
    }
}

extension ProteinVariant: ParsableVariant {
    /// rule: p_variant = p_loc p_edit | p_loc "=" mos_sep p_edit | p_loc "(" aa ("^" aa)+ ")" fs
    static func parseVariant(_ parser: inout Parser) throws(ParseError) -> ProteinVariant {
        let parts = try parseParts(&parser)
        return ProteinVariant(location: parts.location, edit: parts.edit, mosaicism: parts.mosaicism)
    }

    static func readVariant(_ parser: inout Parser) throws(ParseError) {
        _ = try parseParts(&parser)
    }

    /// rule: p_variant — its parts: location, edit, mosaicism.
    @inline(__always)
    static func parseParts(
        _ parser: inout Parser
    ) throws(ParseError) -> (location: Location<ProteinPosition>, edit: ProteinEdit, mosaicism: Mosaicism?) {
        parser.trace(.proteinVariant)
        if let chimeric = parser.consumeMosaicSeparator() {
            // rule: mosaic = ( "=/" | "=//" ) variant — the whole reference first.
            let inner = try parseVariant(&parser)
            return (inner.location, inner.edit, Mosaicism(chimeric: chimeric, wholeReference: true))
        }
        let locationStart = parser.index
        let location = try parser.parseProteinLocation()
        if let chimeric = parser.consumeMosaicSeparator() {
            let edit = try parser.parseProteinEdit(location)
            return (location, edit, Mosaicism(chimeric: chimeric, wholeReference: false))
        }
        let edit = try parser.parseProteinEdit(location)
        if case .insertion = edit, !location.isRange, case .exact = location.start {
            throw ParseError(
                .insertionNeedsFlanks, start: locationStart, end: parser.index,
                detail: "an insertion names the two flanking residues (e.g. Lys2_Gly3insGln)")
        }
        return (location, edit, nil)
    }

    var isRepeat: Bool {
        if case .repeated = edit { return true }
        return false
    }
}

extension Parser {
    /// An insertion needs two flanking positions `a_b`, an uncertain span `(a_b)`, or `?_?`.
    /// In lenient mode a single position (`c.52insT`) reads as `c.52_53insT` with a warning; the shorthand
    /// reader adds the other reading, `c.51_52insT`.
    /// Called for insertions (the caller checks the edit).
    mutating func checkInsertionFlanks<P: ParsablePosition>(
        _ location: inout Location<P>, locationStart: Int, editStart: Int
    ) throws(ParseError) {
        guard !location.isRange, case .exact(let position) = location.start else { return }
        trace(.singlePositionInsertion)
        let fail = ParseError(
            .insertionNeedsFlanks, start: locationStart, end: editStart,
            detail: "an insertion names the two flanking positions (e.g. 123_124insA)")
        if options.strict { throw fail }
        // Only plain numbered positions can be widened.
        if let genomic = position as? GenomicPosition, case .base(let n) = genomic,
            let next = GenomicPosition.base(n + 1) as? P
        {
            location = Location(start: .exact(position), end: .exact(next))
        } else if let transcript = position as? TranscriptPosition, transcript.anchor == .start,
            !transcript.isIntronic, let n = transcript.base, n > 0,
            let next = TranscriptPosition(base: n + 1) as? P
        {
            location = Location(start: .exact(position), end: .exact(next))
        } else if let transcript = position as? TranscriptPosition, transcript.isIntronic,
            !transcript.looksLikeLegacyRange, let neighbour = transcript.offsetNeighbour(1), let next = neighbour as? P
        {
            // `c.1146+25insA` -> `c.1146+25_1146+26insA` (the other flank, `c.1146+24_1146+25`, is a second reading).
            location = Location(start: .exact(position), end: .exact(next))
        } else {
            throw fail
        }
        warn(.singlePositionInsertion, locationStart, editStart)
    }

    // MARK: Allele structure

    /// Can a structural separator or the end follow here? (`;` `]` `)` `^` `,` `(;)` `::` or end)
    func atSeparator() -> Bool {
        guard let b = peek() else { return true }
        switch b {
        case Byte.semicolon, Byte.closeBracket, Byte.closeParen, Byte.caret, Byte.comma: return true
        case Byte.openParen: return peek(1) == Byte.semicolon && peek(2) == Byte.closeParen
        case Byte.colon: return peek(1) == Byte.colon
        default: return false
        }
    }

    /// rule: body = alt_list — the top level of a body (outside brackets), where `;` joins alleles in trans.
    @inline(__always)
    mutating func parseBodyTree<V: ParsableVariant>(_: V.Type) throws(ParseError) -> AlleleTree<V> {
        // Fast path: one variant, nothing after it.
        let save = index
        let saveWarnings = warningCount
        if singleVariantMayFollow() {
            do {
                let variant = try V.parseVariant(&self)
                if atEnd { return .variant(variant) }
            } catch {}
            index = save
            dropWarnings(from: saveWarnings)
        }
        return try parseBodyTreeInFull(V.self)
    }

    /// rule: body = alt_list — as ``parseBodyTree(_:)`` (the same fast path, the same full grammar after it),
    /// building nothing for a single variant: what ``HGVSParser/accepts(utf8:options:)`` reads a body with.
    @inline(__always)
    mutating func readBodyTree<V: ParsableVariant>(_: V.Type) throws(ParseError) {
        let save = index
        let saveWarnings = warningCount
        if singleVariantMayFollow() {
            do {
                try V.readVariant(&self)
                if atEnd { return }
            } catch {}
            index = save
            dropWarnings(from: saveWarnings)
        }
        _ = try parseBodyTreeInFull(V.self)
    }

    /// Could the body be a single plain variant (the fast path)? Not when it starts like a bracket, a group or a
    /// special allele (`[`, `(`, `=`, `?`, `0`, `spl`).
    @inline(__always)
    func singleVariantMayFollow() -> Bool {
        guard let b = peek() else { return false }
        return b != Byte.openBracket && b != Byte.openParen && b != Byte.equals && b != Byte.question
            && b != UInt8(ascii: "0") && b != UInt8(ascii: "s")
    }

    /// rule: body = alt_list [ "sup" ] — the whole grammar of a body, after the fast path did not apply.
    @inline(never)
    mutating func parseBodyTreeInFull<V: ParsableVariant>(_: V.Type) throws(ParseError) -> AlleleTree<V> {
        var tree = try parseAltList(V.self, inBracket: false)
        if lookingAt("sup"), case .bracket = tree {
            trace(.supernumeraryAllele)
            index += 3
            tree = .supernumerary(tree)
        }
        return tree
    }

    /// rule: alt_list = phase_list ( "^" phase_list )*
    mutating func parseAltList<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V> {
        let first = try parsePhaseList(V.self, inBracket: inBracket)
        guard peek() == Byte.caret, !caretStartsDescription() else { return first }
        trace(.alternatives)
        var items = [first]
        while peek() == Byte.caret, !caretStartsDescription() {
            index += 1
            items.append(try parsePhaseList(V.self, inBracket: inBracket))
        }
        return items.count == 1 ? items[0] : .alternatives(items)
    }

    /// After `;`, does a whole new description (`ACC:`) follow? Then the body ends here.
    func semicolonStartsDescription() -> Bool { referenceFollows(minimumLength: 1) }

    /// After `^`, does a whole new description (`ACC:`) follow? Then the body ends here.
    func caretStartsDescription() -> Bool { referenceFollows(minimumLength: 1) }

    /// rule: phase_list = allele_list ( "(;)" allele_list )*
    mutating func parsePhaseList<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V> {
        let first = try parseSemicolonList(V.self, inBracket: inBracket)
        guard lookingAt("(;)") else { return first }
        trace(.unknownPhase)
        var items = [first]
        while lookingAt("(;)") {
            index += 3
            items.append(try parseSemicolonList(V.self, inBracket: inBracket))
        }
        return items.count == 1 ? items[0] : .unknownPhase(items)
    }

    /// rule: allele_list = allele ( ";" allele )* (trans, outside brackets) ; in_cis = in_tx ( ";" in_tx )* (cis).
    mutating func parseSemicolonList<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V>
    {
        let first = try parseCommaList(V.self, inBracket: inBracket)
        // Repeat-allele short form: `p.Ala2[10];[11]`.
        if !inBracket, case .variant(let variant) = first, variant.isRepeat, peek() == Byte.semicolon,
            peek(1) == Byte.openBracket
        {
            trace(.repeatAlleles)
            var counts: [RepeatCount] = []
            while peek() == Byte.semicolon, peek(1) == Byte.openBracket {
                index += 1
                counts.append(try parseBracketedCount())
            }
            return .repeatAlleles(variant, counts)
        }
        guard peek() == Byte.semicolon, !(inDescriptionList && !inBracket && semicolonStartsDescription()) else {
            return first
        }
        trace(.alleleList)
        var items = [first]
        while peek() == Byte.semicolon, !(inDescriptionList && !inBracket && semicolonStartsDescription()) {
            index += 1
            items.append(try parseCommaList(V.self, inBracket: inBracket))
        }
        if items.count == 1 { return first }
        return inBracket ? .cis(items) : .trans(items)
    }

    /// rule: in_tx = pvariant ( "," pvariant )* ; junction = pvariant ( "::" pvariant )+
    mutating func parseCommaList<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V> {
        let first = try parseJunction(V.self, inBracket: inBracket)
        guard inBracket, peek() == Byte.comma else { return first }
        trace(.products)
        var items = [first]
        while consume(Byte.comma) {
            items.append(try parseJunction(V.self, inBracket: inBracket))
        }
        return .products(items)
    }

    mutating func parseJunction<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V> {
        let first = try parseAllele(V.self, inBracket: inBracket)
        guard lookingAt("::"), V.self != ProteinVariant.self else { return first }
        trace(.junction)
        var items = [first]
        while lookingAt("::") {
            index += 2
            items.append(try parseAllele(V.self, inBracket: inBracket))
        }
        return .junction(items)
    }

    /// rule: allele = "[" in_alt "]" | pvariant
    mutating func parseAllele<V: ParsableVariant>(_: V.Type, inBracket: Bool) throws(ParseError) -> AlleleTree<V> {
        if peek() == Byte.openBracket {
            trace(.allele)
            let open = index
            index += 1
            if peek() == Byte.closeBracket {
                throw ParseError(
                    .invalidDescription, start: open, end: index + 1,
                    detail: "an allele may not be empty; describe it (e.g. [=] or [?])")
            }
            let inner = try parseAltList(V.self, inBracket: true)
            try expect(Byte.closeBracket, [.semicolon, .closeBracket])
            return .bracket(inner)
        }
        return try parsePVariant(V.self)
    }

    /// rule: pvariant = variant | "(" in_alt ")" | "=" | "?" | "0" | "0?" | "spl" | "spl?"
    mutating func parsePVariant<V: ParsableVariant>(_: V.Type) throws(ParseError) -> AlleleTree<V> {
        guard let b = peek() else { throw error(.text) }
        let start = index
        switch b {
        case Byte.equals where peek(1) != Byte.slash:
            trace(.special)
            index += 1
            if atSeparator() { return .unchanged }
            index = start
        case Byte.question:
            trace(.special)
            index += 1
            if atSeparator() { return .unknown }
            index = start
        case UInt8(ascii: "0"):
            trace(.special)
            index += 1
            if consume(Byte.question) { return .absent(uncertain: true) }
            if atSeparator() { return .absent(uncertain: false) }
            index = start
        case UInt8(ascii: "s") where V.self != ProteinVariant.self:
            if consume("spl") {
                trace(.special)
                return .splicing(uncertain: consume(Byte.question))
            }
        case Byte.openParen:
            // A predicted group `( … )`, or an uncertain location `(a_b)…`: try the group first.
            let saveWarnings = warningCount
            let groupError: ParseError
            trace(.predicted)
            do {
                index += 1
                let inner = try parseAltList(V.self, inBracket: true)
                try expect(Byte.closeParen, .closeParen)
                if atSeparator() {
                    if case .variant(var variant) = inner, !variant.predicted {
                        variant.predicted = true
                        return .variant(variant)
                    }
                    return .predicted(inner)
                }
                groupError = error(.edit)
            } catch {
                groupError = error
            }
            index = start
            dropWarnings(from: saveWarnings)
            do {
                return .variant(try V.parseVariant(&self))
            } catch {
                throw error.start >= groupError.start ? error : groupError
            }
        default:
            break
        }
        return .variant(try V.parseVariant(&self))
    }
}
