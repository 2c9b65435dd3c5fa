// Protein edits: substitution, =, ?, del, dup, ins, delins, fs, ext, repeats.

extension Parser {
    /// rule: p_edit = aa_alt ( "^" aa_alt )* | "=" | "?" | "del" | "dup" | "ins" p_insert | "delins" p_insert
    ///              | fs | ext | "[" count "]"
    mutating func parseProteinEdit(_ location: Location<ProteinPosition>) throws(ParseError) -> ProteinEdit {
        trace(.proteinEdit)
        guard let b = peek() else { throw error(.proteinEdit) }
        let start = index
        switch b {
        case Byte.equals:
            trace(.proteinIdentity)
            index += 1
            return .identity
        case Byte.question:
            trace(.proteinUnknown)
            index += 1
            return .unknown
        case Byte.openBracket:
            trace(.proteinRepeat)
            return .repeated(try parseBracketedCount())
        case UInt8(ascii: "d"):
            if consume("delins") {
                trace(.proteinDeletionInsertion)
                return .deletionInsertion(try parseProteinInsert())
            }
            if consume("del") {
                trace(.proteinDeletion)
                try rejectStatedResidues(start)
                return .deletion
            }
            if consume("dup") {
                trace(.proteinDuplication)
                try rejectStatedResidues(start)
                return .duplication
            }
        case UInt8(ascii: "i"):
            if consume("ins") {
                trace(.proteinInsertion)
                return .insertion(try parseProteinInsert())
            }
        case UInt8(ascii: "f"):
            if consume("fs") {
                trace(.frameshift)
                return try parseFrameshiftTail(newResidue: nil, alternatives: [], at: location)
            }
        case UInt8(ascii: "e"):
            if consume("ext") {
                trace(.proteinExtension)
                return try parseExtensionTail(newResidue: nil)
            }
        case Byte.openParen:
            // `Gly719(Ala^Ser)fsTer23`
            index += 1
            var residues: [AminoAcid] = []
            repeat {
                guard let residue = parseAminoAcid() else { throw error(.aminoAcid) }
                residues.append(residue)
            } while consume(Byte.caret)
            try expect(Byte.closeParen, [.closeParen])
            trace(.frameshift)
            guard consume("fs") else { throw error(.keyword, detail: "expected 'fs' after the alternative residues") }
            return try parseFrameshiftTail(newResidue: nil, alternatives: residues, at: location)
        default:
            break
        }
        let residueStart = index
        if lookingAt("Stop") || lookingAt("STOP") || lookingAt("stop") {
            if options.strict { throw error(.aminoAcid, detail: "the stop is written Ter or *") }
            index += 4
            markLegacyStop(residueStart)
            return .substitution(.ter)
        }
        guard let residue = parseAminoAcid() else {
            if let b = peek(), Byte.isUpper(b) {
                throw ParseError(
                    .unknownAminoAcid, start: index, end: min(index + 3, limit), expected: .aminoAcid,
                    detail: "not an amino acid code")
            }
            throw error(.proteinEdit)
        }
        if consume("fs") {
            trace(.frameshift)
            return try parseFrameshiftTail(newResidue: residue, alternatives: [], at: location)
        }
        if consume("ext") {
            trace(.proteinExtension)
            return try parseExtensionTail(newResidue: residue)
        }
        if peek() == Byte.caret {
            trace(.proteinAlternatives)
            var residues = [residue]
            while consume(Byte.caret) {
                guard let next = parseAminoAcid() else { throw error(.aminoAcid) }
                residues.append(next)
            }
            return .alternativeSubstitutions(residues)
        }
        trace(.proteinSubstitution)
        if residue == location.start.first.residue, !location.isRange {
            if options.strict {
                throw ParseError(
                    .invalidDescription, start: residueStart, end: index,
                    detail: "an unchanged residue is written '=' (e.g. p.Leu54=)")
            }
            warn(.synonymousAsSubstitution, residueStart, index)
            return .identity
        }
        if residue == .xaa, sawOneLetterX, !options.strict {
            // `R117X`: legacy text means stop; HGVS reads unknown. The shorthand reader offers both.
        }
        return .substitution(residue)
    }

    /// `p.Val7delVal` is not HGVS; reject residues after del/dup.
    mutating func rejectStatedResidues(_ start: Int) throws(ParseError) {
        if let b = peek(), Byte.isUpper(b) {
            let save = index
            if parseAminoAcid() != nil {
                if options.strict {
                    throw ParseError(
                        .notStandard, start: save, end: index,
                        detail: "the deleted residues are not written after the edit")
                }
                while parseAminoAcid() != nil {}
                warn(.redundantSequence, save, index)
            }
        }
    }

    mutating func markLegacyStop(_ start: Int) {
        trace(.legacyStop)
        warn(.stopAsX, start, index)
        if form == .hgvs || form == .noReference { form = .legacyStop }
    }

    /// rule: fs = [ aa ] "fs" [ ter ( number | "?" ) ]
    mutating func parseFrameshiftTail(
        newResidue: AminoAcid?, alternatives: [AminoAcid], at location: Location<ProteinPosition>
    ) throws(ParseError) -> ProteinEdit {
        let stop: StopDistance?
        if !options.strict, let b = peek(), Byte.isDigit(b) || b == UInt8(ascii: "X") {
            stop = try parseLegacyFrameshiftStop(at: location)
        } else {
            stop = try parseStopDistance(optional: true)
        }
        if newResidue == .ter {
            throw ParseError(
                .invalidDescription, start: index - 1, end: index,
                detail: "an immediate stop is a nonsense substitution (e.g. p.Tyr4Ter), not a frameshift")
        }
        return .frameshift(newResidue: newResidue, alternatives: alternatives, stop: stop)
    }

    /// rule: legacy_fs_stop = "fs" ( "X" | number [ "X" | "*" | "Ter" | "stop" ] )   (lenient only)
    ///
    /// `p.Ser119fsX` (no stop given) reads as the short form `p.Ser119fs`. `p.T3708fs3769` and `C105Vfs114X`
    /// give the codon of the new stop (the absolute reading, first when the number is past the changed residue:
    /// `p.Thr3708fsTer62`); the shorthand reader adds the HGVS relative reading (`p.Thr3708fsTer3769`). `fsX12`
    /// (X before the number) keeps the HGVS meaning, `fsTer12`.
    mutating func parseLegacyFrameshiftStop(at location: Location<ProteinPosition>) throws(ParseError) -> StopDistance?
    {
        let start = index
        if peek() == UInt8(ascii: "X") {
            if let next = peek(1), Byte.isDigit(next) || next == Byte.question {
                return try parseStopDistance(optional: true)
            }
            index += 1
            guard atSeparator() else {
                index = start
                return try parseStopDistance(optional: true)
            }
            trace(.legacyFrameshiftStop)
            markLegacyStop(start)
            return nil
        }
        trace(.legacyFrameshiftStop)
        let value = try parseNumber()
        let numberEnd = index
        _ = consume(UInt8(ascii: "X")) || consume(Byte.star) || consume("Ter") || consume("stop") || consume("Stop")
        guard atSeparator() else { throw error(.endOfInput) }
        warn(.frameshiftStopCodon, start, numberEnd)
        if form == .hgvs || form == .noReference || form == .legacyStop { form = .legacyFrameshiftStop }
        // Past the changed residue, the number can be the codon of the new stop: counted from the changed
        // residue (position 1) that is `value - first + 1`.
        if let first = location.start.first.number, value > first {
            return .position(value - first + 1)
        }
        if value == 1 {
            throw ParseError(
                .invalidDescription, start: start, end: numberEnd,
                detail: "a frameshift with a stop at 1 is a nonsense substitution")
        }
        return .position(value)
    }

    /// rule: ter ( number | "?" ) — `Ter23`, `*23`, `Ter?`, `*?`, and leniently `X23`.
    mutating func parseStopDistance(optional: Bool) throws(ParseError) -> StopDistance? {
        trace(.stop)
        let start = index
        if consume("Ter") || consume(Byte.star) {
        } else if !options.strict, peek() == UInt8(ascii: "X"), let next = peek(1),
            Byte.isDigit(next) || next == Byte.question
        {
            index += 1
            markLegacyStop(start)
        } else {
            if optional { return nil }
            throw error(.stop)
        }
        if consume(Byte.question) { return .unknown }
        guard let b = peek(), Byte.isDigit(b) else { throw error([.number, .questionMark]) }
        let at = index
        let value = try parseNumber()
        if value == 1, optional {
            throw ParseError(
                .invalidDescription, start: at, end: index,
                detail: "a frameshift with a stop at 1 is a nonsense substitution")
        }
        return .position(value)
    }

    /// rule: ext = "ext" "-" number | "ext" aa "-" number (legacy) | aa "ext" ter ( number | "?" )
    mutating func parseExtensionTail(newResidue: AminoAcid?) throws(ParseError) -> ProteinEdit {
        // `p.Met1Valext-12`: the pre-2016 N-terminal form, the new residue before ext.
        if let newResidue, peek() == Byte.minus {
            if options.strict {
                throw ParseError(
                    .notStandard, start: index - 3, end: index + 1,
                    detail: "the N-terminal extension is written ext-N (e.g. p.Met1ext-5)")
            }
            index += 1
            let upstream = try parseNumber()
            return .extension(.nTerminal(upstream: upstream, legacyResidue: newResidue))
        }
        if newResidue == nil, consume(Byte.minus) {
            let upstream = try parseNumber()
            return .extension(.nTerminal(upstream: upstream, legacyResidue: nil))
        }
        if newResidue == nil, let b = peek(), Byte.isUpper(b), b != UInt8(ascii: "T") || peek(1) != UInt8(ascii: "e") {
            let save = index
            if let legacy = parseAminoAcid(), consume(Byte.minus) {
                if options.strict {
                    throw ParseError(
                        .notStandard, start: save, end: index,
                        detail: "the N-terminal extension is written ext-N (e.g. p.Met1ext-5)")
                }
                let upstream = try parseNumber()
                return .extension(.nTerminal(upstream: upstream, legacyResidue: legacy))
            }
            index = save
        }
        let stop = try parseStopDistance(optional: false)
        return .extension(.cTerminal(newResidue: newResidue, stop: stop))
    }

    /// rule: p_insert = aa_seq | "Xaa" [ "[" count "]" ] | ter number | p_pos "_" p_pos
    mutating func parseProteinInsert() throws(ParseError) -> ProteinInsert {
        trace(.proteinInsert)
        let start = index
        // Ter12 / *63: a stop at a position of the insert.
        if lookingAt("Ter") || peek() == Byte.star {
            let save = index
            if consume("Ter") || consume(Byte.star), let b = peek(), Byte.isDigit(b) {
                return .stopAt(try parseNumber())
            }
            index = save
        }
        if lookingAt("Xaa"), peek(3) == Byte.openBracket {
            index += 3
            return .unknown(count: try parseBracketedCount())
        }
        var residues: [AminoAcid] = []
        var threeLetter: Bool? = nil
        while index < limit {
            let before = index
            guard let residue = parseAminoAcid() else { break }
            let isThree = index - before == 3
            if let style = threeLetter, style != isThree {
                throw ParseError(
                    .invalidDescription, start: before, end: index,
                    detail: "one- and three-letter amino acid codes are not mixed in one run")
            }
            threeLetter = isThree
            // A residue followed by a number starts a copied range: insGly4_Ser6.
            if residues.isEmpty, let b = peek(), Byte.isDigit(b) {
                index = before
                let first = try ProteinPosition.parse(&self)
                try expect(Byte.underscore, .underscore)
                let last = try ProteinPosition.parse(&self)
                return .copiedRange(first, last)
            }
            residues.append(residue)
            if residue == .ter { break }
        }
        guard !residues.isEmpty else { throw error(.aminoAcid, at: start) }
        if residues == [.xaa] { return .unknown(count: nil) }
        return .residues(residues)
    }
}
