// Nucleotide edits: substitution, del, dup, ins, delins, inv, con, repeats, =, methylation, sup.

extension Parser {
    /// Is `b` a base in the alphabet of the current system (DNA upper case; RNA lower case)?
    @inline(__always) func isBase(_ b: UInt8) -> Bool {
        system == .rna ? Byte.isRNABase(b) : Byte.isDNABase(b)
    }

    /// Is `b` a base of the other case, read leniently (`c.76a>g`, `r.76A>G`, `t` in RNA)?
    @inline(__always) func isFoldableBase(_ b: UInt8) -> Bool {
        if system == .rna {
            return Byte.isDNABase(b) || b == UInt8(ascii: "t") || b == UInt8(ascii: "T") || b == UInt8(ascii: "U")
        }
        return Byte.isRNABase(b) || b == UInt8(ascii: "t")
    }

    /// Fold a base into the system's case (`a` -> `A` for DNA; `T`/`t` -> `u` for RNA).
    @inline(__always) func foldBase(_ b: UInt8) -> UInt8 {
        if system == .rna {
            let lower = Byte.isUpper(b) ? b | 0x20 : b
            return lower == UInt8(ascii: "t") ? UInt8(ascii: "u") : lower
        }
        let upper = Byte.isLower(b) ? b & ~0x20 : b
        return upper == UInt8(ascii: "U") ? UInt8(ascii: "T") : upper
    }

    /// rule: dna_seq = dna_base+ ; rna_seq = rna_base+
    ///
    /// Reads a run of bases. In lenient mode a run in the other case is folded with a warning; keywords in
    /// RNA (`del`, `dup`, `ins`, `inv`) end a run (longest match on keywords first).
    mutating func scanSequence() -> NucleotideSequence? {
        trace(.sequence)
        let start = index
        var folded = false
        while index < limit {
            let b = bytes[index]
            if system == .rna, atRNAKeyword() { break }
            if isBase(b) {
                index += 1
            } else if !options.strict, isFoldableBase(b) {
                folded = true
                index += 1
            } else {
                break
            }
        }
        guard index > start else { return nil }
        if folded {
            warn(.caseFolded, start, index)
            var text = ""
            text.reserveCapacity(index - start)
            for k in start..<index { text.unicodeScalars.append(Unicode.Scalar(foldBase(bytes[k]))) }
            return NucleotideSequence(text)
        }
        return NucleotideSequence(bytes: slice(start, index))
    }

    /// In r. text, bases and keywords share lower case: `del`, `dup`, `ins`, `inv`, `con`, `spl`, `sup` win.
    func atRNAKeyword() -> Bool {
        lookingAt("del") || lookingAt("dup") || lookingAt("ins") || lookingAt("inv") || lookingAt("con")
            || lookingAt("sup") || lookingAt("spl")
    }

    /// rule: count = number | "?" | "(" (number | "?") "_" (number | "?") ")"   — inside brackets `[count]`.
    mutating func parseBracketedCount() throws(ParseError) -> RepeatCount {
        try expect(Byte.openBracket, .openBracket)
        let count = try parseCount()
        try expect(Byte.closeBracket, .closeBracket)
        return count
    }

    mutating func parseCount() throws(ParseError) -> RepeatCount {
        trace(.count)
        if consume(Byte.question) { return .unknown }
        if consume(Byte.openParen) {
            let low: Int? = consume(Byte.question) ? nil : try parseNumber(allowZero: true)
            try expect(Byte.underscore, .underscore)
            let high: Int? = consume(Byte.question) ? nil : try parseNumber(allowZero: true)
            try expect(Byte.closeParen, .closeParen)
            if let low, let high, low > high {
                throw ParseError(.reversedRange, start: index - 1, end: index, detail: "a count range runs low to high")
            }
            return .range(low, high)
        }
        guard let b = peek(), Byte.isDigit(b) else { throw error(.count) }
        return .exactly(try parseNumber(allowZero: true))
    }

    /// rule: stated = dna_seq | number | "N" [ "[" count "]" ]   — what may follow del/dup/inv.
    /// Non-standard notation: an error in strict mode, a warning over `start..<end` in lenient mode.
    mutating func nonStandard(_ code: ParseWarning.Code, _ start: Int, _ end: Int, detail: String) throws(ParseError) {
        if options.strict { throw ParseError(.notStandard, start: start, end: end, detail: detail) }
        warn(code, start, end)
    }

    mutating func parseStatedContent() throws(ParseError) -> StatedContent? {
        guard let b = peek() else { return nil }
        if Byte.isDigit(b) || isBase(b) || isFoldableBase(b) { trace(.statedContent) }
        let start = index
        if Byte.isDigit(b) {
            let length = try parseNumber()
            try nonStandard(
                .redundantLength, start, index, detail: "a length after the edit is not HGVS; give the range start_end")
            return .length(length)
        }
        let unknownBase = system == .rna ? UInt8(ascii: "n") : UInt8(ascii: "N")
        if b == unknownBase || b == UInt8(ascii: "N"), peek(1) == Byte.openBracket {
            index += 1
            return .unknown(try parseBracketedCount())
        }
        if b == unknownBase, !(peek(1).map(isBase) ?? false) {
            index += 1
            return .unknown(nil)
        }
        if let sequence = scanSequence() {
            try nonStandard(
                .redundantSequence, start, index,
                detail: "the affected bases are not written after the edit (discouraged)")
            return .sequence(sequence)
        }
        return nil
    }

    /// rule: na_edit = subst | del | dup | inv | ins | delins | con | repeat | "=" | methyl | "sup"
    mutating func parseNucleotideEdit<P: ParsablePosition>(_: P.Type) throws(ParseError) -> NucleotideEdit {
        trace(.edit)
        guard let b = peek() else { throw error(.edit) }
        let start = index
        switch b {
        case UInt8(ascii: "d"):
            if consume("delins") {
                trace(.deletionInsertion)
                return .deletionInsertion(deleted: nil, inserted: try parseInsertion(P.self))
            }
            if consume("del") {
                trace(.deletion)
                let content = try parseStatedContent()
                if consume("ins") {
                    trace(.deletionInsertion)
                    if content != nil, !options.strict {
                        // `delGAGinsC`: the warning for the deleted bases was recorded by parseStatedContent.
                    }
                    return .deletionInsertion(deleted: content, inserted: try parseInsertion(P.self))
                }
                return .deletion(content)
            }
            if consume("dup") {
                trace(.duplication)
                if lookingAt("inv") {
                    throw ParseError(
                        .invalidDescription, start: start, end: index + 3,
                        detail: "'dupinv' is not used; write ins<range>inv")
                }
                return .duplication(try parseStatedContent())
            }
        case UInt8(ascii: "i"):
            if consume("ins") {
                trace(.insertion)
                return .insertion(try parseInsertion(P.self))
            }
            if consume("inv") {
                trace(.inversion)
                return .inversion(try parseStatedContent())
            }
        case UInt8(ascii: "c"):
            if lookingAt("con") {
                trace(.conversion)
                index += 3
                try nonStandard(.conversion, start, index, detail: "'con' was retired (SVD-WG009); write delins")
                // `conNG_012232.1:g.9456_10011`: the retired form names its source without brackets.
                if let c = peek(), Byte.isLetter(c) {
                    let save = index
                    let identifier = scanIdentifier()
                    let namesReference = peek() == Byte.colon && classifyIdentifier(identifier) != nil
                    index = save
                    if namesReference {
                        let reference = try parseReference()
                        try expect(Byte.colon, .colon)
                        return .conversion(.list([try parseRemoteRange(reference)]))
                    }
                }
                return .conversion(try parseInsertion(P.self))
            }
        case UInt8(ascii: "s"):
            if consume("sup") {
                trace(.supernumerary)
                return .supernumerary
            }
        case Byte.equals:
            trace(.identity)
            index += 1
            return .identity(nil)
        case Byte.pipe:
            trace(.methylation)
            index += 1
            if consume("gom") { return .methylation(.gain) }
            if consume("lom") { return .methylation(.loss) }
            if consume("met=") { return .methylation(.unchanged) }
            throw error(.keyword, detail: "expected gom, lom or met= after '|'")
        case Byte.openBracket:
            trace(.copyNumber)
            return .copyNumber(try parseBracketedCount())
        default:
            break
        }
        // Base-led edits: substitution X>Y, identity A=, repeat CAG[23], multi-base GC>TT (lenient).
        if isBase(b) || (!options.strict && isFoldableBase(b)) {
            return try parseBaseLedEdit(start)
        }
        if system == .rna, Byte.isDNABase(b) || b == UInt8(ascii: "U") {
            throw error(.edit, detail: "r. descriptions write bases in lower case (a, c, g, u)")
        }
        throw error(.edit)
    }

    /// rule: subst = base ">" base ; repeat = ( seq "[" count "]" )+ ; identity = seq "="
    mutating func parseBaseLedEdit(_ start: Int) throws(ParseError) -> NucleotideEdit {
        guard let first = scanSequence() else { throw error(.nucleotide) }
        let afterSequence = index
        if consume(Byte.greater) || consumeArrow(start: afterSequence) {
            trace(.substitution)
            let altStart = index
            guard let alternative = scanSequence() else {
                throw error(.nucleotide, detail: "expected the new base after '>'")
            }
            if first.count == 1, alternative.count == 1 {
                let reference = first.first ?? 0
                let alt = alternative.first ?? 0
                if reference == alt {
                    throw ParseError(
                        .identicalSubstitution, start: start, end: index,
                        detail: "a substitution changes the base; no change is written '='")
                }
                return .substitution(reference: reference, alternative: alt)
            }
            if options.strict {
                throw ParseError(
                    .invalidDescription, start: start, end: index,
                    detail: "a substitution is one base to one base; use delins")
            }
            warn(.multiBaseSubstitution, start, index)
            _ = altStart
            return .deletionInsertion(deleted: .sequence(first), inserted: .single(.sequence(alternative, count: nil)))
        }
        if peek() == Byte.slash, let c = peek(1), isBase(c) || isFoldableBase(c), first.count == 1, !options.strict {
            trace(.slashAllele)
            index += 1
            guard let alternative = scanSequence(), alternative.count == 1 else { throw error(.nucleotide) }
            warn(.slashSubstitution, start, index)
            let reference = first.first ?? 0
            let alt = alternative.first ?? 0
            if reference == alt { throw ParseError(.identicalSubstitution, start: start, end: index) }
            return .substitution(reference: reference, alternative: alt)
        }
        if consume(Byte.equals) {
            trace(.identity)
            // The recommendations use `c.123G=` and `r.109u=`; SVD-WG001 discourages it. Accepted; warned.
            if !options.strict { warn(.referenceBeforeIdentity, start, afterSequence) }
            return .identity(first)
        }
        if peek() == Byte.openBracket {
            trace(.repeatUnits)
            var units = [RepeatUnit(unit: first, count: try parseBracketedCount())]
            while let b = peek(), isBase(b) {
                guard let unit = scanSequence() else { break }
                units.append(RepeatUnit(unit: unit, count: try parseBracketedCount()))
            }
            return .repeated(units)
        }
        throw error([.greaterThan, .openBracket, .equals], detail: "expected '>' and a base, or a repeat count")
    }

    /// Lenient arrows for `>`: `->`, `-->`, `→` (U+2192). Records a typography warning.
    mutating func consumeArrow(start: Int) -> Bool {
        guard !options.strict else { return false }
        let at = index
        if consume("-->") || consume("->") || consume("\u{2192}") {
            trace(.arrow)
            warn(.typography, at, index)
            if form == .hgvs || form == .noReference { form = .arrow }
            return true
        }
        return false
    }

    /// rule: insert = insert_item | "[" insert_item ( ";" insert_item )* "]"
    mutating func parseInsertion<P: ParsablePosition>(_: P.Type) throws(ParseError) -> Insertion {
        trace(.insert)
        if peek() == Byte.openBracket {
            return .list(try parseInsertList(P.self))
        }
        return .single(try parseInsertItem(P.self, bracketed: false))
    }

    mutating func parseInsertList<P: ParsablePosition>(_: P.Type) throws(ParseError) -> [InsertItem] {
        trace(.insertList)
        try expect(Byte.openBracket, .openBracket)
        var items: [InsertItem] = []
        repeat {
            if peek() == Byte.openBracket {
                items.append(.nested(try parseInsertList(P.self)))
            } else {
                items.append(try parseInsertItem(P.self, bracketed: true))
            }
        } while consume(Byte.semicolon)
        try expect(Byte.closeBracket, [.semicolon, .closeBracket])
        return items
    }

    /// rule: insert_item = seq [ "[" count "]" ] | "N" [ "[" count "]" ] | local_range [ "inv" ]
    ///                   | reference ":" coord_prefix loc [ "inv" ] | coord_prefix loc
    mutating func parseInsertItem<P: ParsablePosition>(_: P.Type, bracketed: Bool) throws(ParseError) -> InsertItem {
        trace(.insertItem)
        guard let b = peek() else { throw error(.insertedSequence) }
        let start = index
        // Another reference: ACC:g.a_b (only inside brackets), or a prefix-only range `c.5448+1_5448+66`.
        if bracketed, Byte.isLetter(b) {
            let save = index
            let identifier = scanIdentifier()
            if peek() == Byte.colon || peek() == Byte.openParen, classifyIdentifier(identifier) != nil {
                index = save
                let reference = try parseReference()
                try expect(Byte.colon, .colon)
                return try parseRemoteRange(reference)
            }
            index = save
            if peek(1) == Byte.dot, CoordinateSystem(letter: b) != nil {
                return try parseRemoteRange(nil)
            }
        }
        let unknownBase = system == .rna ? UInt8(ascii: "n") : UInt8(ascii: "N")
        if b == unknownBase, !(peek(1).map { isBase($0) } ?? false) {
            index += 1
            if peek() == Byte.openBracket { return .unknown(count: try parseBracketedCount()) }
            return .unknown(count: nil)
        }
        if isBase(b) || (!options.strict && isFoldableBase(b) && !Byte.isDigit(b)) {
            guard let sequence = scanSequence() else { throw error(.insertedSequence) }
            if peek() == Byte.openBracket {
                return .sequence(sequence, count: try parseBracketedCount())
            }
            return .sequence(sequence, count: nil)
        }
        // `(5)`, `(5_10)`: legacy lengths; `(a_b)_(c_d)`: an uncertain copied range.
        if b == Byte.openParen {
            let save = index
            index += 1
            if let first = peek(), Byte.isDigit(first) {
                let low = try parseNumber()
                var high: Int? = nil
                if consume(Byte.underscore) { high = try parseNumber() }
                if consume(Byte.closeParen), peek() != Byte.underscore {
                    trace(.legacyLength)
                    try nonStandard(
                        .insertionLength, start, index, detail: "an inserted length is written N[n] (e.g. insN[6])")
                    return .length(high.map { .range(low, $0) } ?? .exactly(low))
                }
            }
            index = save
        }
        if P.canStart(b, system: system) || b == Byte.openParen {
            let location = try parseLocation(P.self)
            if !location.isRange, case .exact = location.start {
                // A lone number after ins is a legacy length (`ins6`), not a position.
                if case .genomic(let g) = P.wrap(location), case .exact(.base(let n)) = g.start {
                    return try legacyLength(n, start)
                }
                if case .transcript(let t) = P.wrap(location), case .exact(let p) = t.start,
                    p.anchor == .start, let n = p.base, n > 0, !p.isIntronic
                {
                    return try legacyLength(n, start)
                }
            }
            let inverted = consume("inv")
            return .localRange(P.wrap(location), inverted: inverted)
        }
        throw error(.insertedSequence)
    }

    mutating func legacyLength(_ n: Int, _ start: Int) throws(ParseError) -> InsertItem {
        trace(.legacyLength)
        try nonStandard(.insertionLength, start, index, detail: "an inserted length is written N[n] (e.g. insN[\(n)])")
        return .length(.exactly(n))
    }

    /// rule: remote = [ reference ":" ] coord_prefix loc [ "inv" ]
    mutating func parseRemoteRange(_ reference: ReferenceSpecifier?) throws(ParseError) -> InsertItem {
        trace(.remoteRange)
        guard let letter = peek(), let remoteSystem = CoordinateSystem(letter: letter), peek(1) == Byte.dot,
            remoteSystem != .protein
        else {
            throw error(.coordinatePrefix)
        }
        index += 2
        let saved = system
        system = remoteSystem
        allowReversedRange = true
        defer {
            system = saved
            allowReversedRange = false
        }
        let location: NucleotideLocation
        if remoteSystem.isGenomic {
            location = .genomic(try parseLocation(GenomicPosition.self))
        } else {
            location = .transcript(try parseLocation(TranscriptPosition.self))
        }
        let inverted = consume("inv")
        return .remote(reference, remoteSystem, location, inverted: inverted)
    }
}

extension CoordinateSystem {
    /// The system for a prefix letter (`g` -> `.genomic`), or nil.
    init?(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "g"): self = .genomic
        case UInt8(ascii: "m"): self = .mitochondrial
        case UInt8(ascii: "o"): self = .circular
        case UInt8(ascii: "c"): self = .coding
        case UInt8(ascii: "n"): self = .noncoding
        case UInt8(ascii: "r"): self = .rna
        case UInt8(ascii: "p"): self = .protein
        default: return nil
        }
    }
}
