// The shorthand front end (Grammars/shorthand.ebnf): the forms people write that are not standard HGVS,
// read into the same syntax tree, tagged with their form. Ambiguous text yields every reading, ranked.

/// A copy of (part of) the input with white space removed and typography normalized, with a map from each
/// compacted byte back to its original offset, so warnings and errors still point into the original text.
struct CompactedText {
    var bytes: [UInt8] = []
    /// `origin[i]` is the original offset of compacted byte `i`; `origin[count]` is the end.
    var origin: [Int] = []
    /// True when something besides plain ASCII text was changed (a typography warning is due).
    var changed = false

    init(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        bytes.reserveCapacity(range.count)
        origin.reserveCapacity(range.count + 1)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = input[i]
            if b == Byte.space || b == 0x09 {
                changed = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < end {
                let c = input[i + 1]
                if c == 0xA0 {  // no-break space
                    changed = true
                    i += 2
                    continue
                }
                if c == 0xAE {  // ® read for '>' (OCR damage)
                    append(Byte.greater, i, changed: true)
                    i += 2
                    continue
                }
            }
            if b == 0xE2, i + 2 < end {
                let c = input[i + 1], d = input[i + 2]
                // en dash, em dash, hyphen, non-breaking hyphen, figure dash -> '-'
                if c == 0x80, d == 0x93 || d == 0x94 || d == 0x90 || d == 0x91 || d == 0x92 {
                    append(Byte.minus, i, changed: true)
                    i += 3
                    continue
                }
                if c == 0x88, d == 0x92 {  // minus sign U+2212
                    append(Byte.minus, i, changed: true)
                    i += 3
                    continue
                }
                if c == 0x86, d == 0x92 {  // → U+2192
                    append(Byte.greater, i, changed: true)
                    i += 3
                    continue
                }
                if c == 0x80, d == 0x89 || d == 0x8A || d == 0xAF || d == 0x82 || d == 0x83 {  // thin/narrow spaces
                    changed = true
                    i += 3
                    continue
                }
            }
            append(b, i, changed: false)
            i += 1
        }
        origin.append(end)
    }

    private mutating func append(_ byte: UInt8, _ at: Int, changed: Bool) {
        bytes.append(byte)
        origin.append(at)
        if changed { self.changed = true }
    }

    func map(_ offset: Int) -> Int { origin[max(0, min(offset, origin.count - 1))] }

    func map(_ error: ParseError) -> ParseError {
        var e = error
        e.start = map(error.start)
        e.end = error.end > error.start ? map(error.end - 1) + 1 : map(error.end)
        return e
    }

    func map(_ warnings: [ParseWarning]) -> [ParseWarning] {
        warnings.map {
            ParseWarning($0.code, start: map($0.start), end: $0.end > $0.start ? map($0.end - 1) + 1 : map($0.end))
        }
    }
}

enum ShorthandReader {
    /// Readings the core parser's success implies: `X` as a legacy stop, and the other flank of a
    /// single-position insertion.
    static func addLegacyReadings(_ reading: inout Reading, _ others: inout [Reading], parser: Parser) {
        if parser.sawOneLetterX, let stop = replacingXaaWithTer(reading.expression) {
            let original = reading
            reading = Reading(
                expression: stop, form: .legacyStop,
                warnings: original.warnings + [ParseWarning(.stopAsX, start: 0, end: parser.limit)])
            others.append(original)
        }
        if let warning = parser.warnings.first(where: { $0.code == .frameshiftStopCodon }),
            let other = relativeFrameshiftStop(reading.expression, parser.bytes, warning)
        {
            others.append(Reading(expression: other, form: reading.form, warnings: reading.warnings))
        }
        if reading.warnings.contains(where: { $0.code == .singlePositionInsertion }),
            let other = shiftedInsertion(reading.expression)
        {
            others.append(Reading(expression: other, form: reading.form, warnings: reading.warnings))
        }
    }

    /// Parse text the core HGVS grammar rejected. Returns every reading, ranked; throws the error that got
    /// furthest (the HGVS error unless a shorthand reading got further).
    static func parse(_ input: UnsafeBufferPointer<UInt8>, hgvsError: ParseError) throws(ParseError) -> ParsedExpression
    {
        traceRule(.shorthand)
        var start = 0
        var end = input.count
        while start < end, isSpace(input[start]) { start += 1 }
        while end > start, isSpace(input[end - 1]) { end -= 1 }
        if start == end {
            throw ParseError(.empty, start: 0, end: input.count, expected: .text, detail: "the input is empty")
        }
        var collector = Collector(best: hgvsError)
        // A reference before the change: a gene symbol and a space or colon (`STIM1 P165Q`, `BRAF V600E`,
        // `STIM1:P165Q`), or an accession and a colon before a shorthand body (`NM_003156.3:c.EX2del`).
        var probe = Parser(input, options: .lenient, start: start, limit: end)
        if let reference = try? probe.parseReference(), probe.index < end,
            (reference.accession.kind == .geneSymbol && isSpace(input[probe.index]))
                || input[probe.index] == Byte.colon,
            reference.accession.kind != .chromosome
        {
            traceRule(.genePrefix)
            let separatorIsSpace = isSpace(input[probe.index])
            var restStart = probe.index + 1
            while restStart < end, isSpace(input[restStart]) { restStart += 1 }
            let before = collector.readings.count
            readBare(input, restStart..<end, reference: reference, into: &collector)
            if collector.readings.count > before, separatorIsSpace {
                for k in before..<collector.readings.count { collector.readings[k].form = .geneProtein }
            }
        }
        if collector.readings.isEmpty {
            readBare(input, start..<end, reference: nil, into: &collector)
        }
        guard let first = collector.readings.first else {
            // A complete HGVS description followed by junk: that is the clearest thing to say.
            if hgvsError.code == .trailingInput { throw hgvsError }
            throw collector.best
        }
        return ParsedExpression(reading: first, otherReadings: Array(collector.readings.dropFirst()))
    }

    struct Collector {
        var best: ParseError
        var readings: [Reading] = []

        /// Keep the error that got furthest; at the same offset, prefer a specific one over "expected ':'"
        /// (the HGVS reading never got past what it took for a reference).
        mutating func consider(_ error: ParseError) {
            let bestIsReferenceLevel = best.expected.contains(.colon)
            if error.start > reach(best)
                || (error.start == best.start
                    && (bestIsReferenceLevel || (error.code != .unexpected && best.code == .unexpected)))
            {
                best = error
            }
        }

        /// How far an error got: a rejected reference token covers its whole span (`NM_003156.4c.494C`).
        func reach(_ error: ParseError) -> Int {
            error.expected == .reference ? max(error.start, error.end - 1) : error.start
        }

        mutating func add(_ reading: Reading) {
            if !readings.contains(where: { $0.expression == reading.expression }) { readings.append(reading) }
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == Byte.space || b == 0x09 }

    /// Try every shorthand recognizer on `range` (compacted), in rank order.
    static func readBare(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, reference: ReferenceSpecifier?,
        into collector: inout Collector
    ) {
        let text = CompactedText(input, range)
        guard !text.bytes.isEmpty else { return }
        if text.changed { traceRule(.typography) }
        text.bytes.withUnsafeBufferPointer { buffer in
            runRecognizers(buffer, text, range, reference, &collector)
        }
    }

    static func runRecognizers(
        _ buffer: UnsafeBufferPointer<UInt8>, _ text: CompactedText, _ range: Range<Int>,
        _ reference: ReferenceSpecifier?, _ collector: inout Collector
    ) {
        for recognizer in Recognizer.allCases {
            var parser = Parser(buffer, options: .lenient)
            do {
                let results = try recognizer.read(&parser, reference)
                for (expression, form) in results {
                    var warnings = text.map(parser.warnings)
                    if text.changed {
                        warnings.append(ParseWarning(.typography, start: range.lowerBound, end: range.upperBound))
                    }
                    var reading = Reading(expression: expression, form: form, warnings: warnings)
                    var others: [Reading] = []
                    addLegacyReadings(&reading, &others, parser: parser)
                    collector.add(reading)
                    for other in others { collector.add(other) }
                }
            } catch {
                collector.consider(text.map(error))
            }
        }
    }

    /// The recognizers, in rank order.
    enum Recognizer: CaseIterable {
        case dbSNP, compactedDescription, prefixedBody, chromosomeForms, intronNumbering, exonLevel, delta,
            referencePositionAlternative,
            bareProtein, bareCoding

        func read(
            _ p: inout Parser, _ reference: ReferenceSpecifier?
        ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
            switch self {
            case .dbSNP: try ShorthandReader.readDBSNP(&p, reference)
            case .compactedDescription: try ShorthandReader.readCompactedDescription(&p, reference)
            case .prefixedBody: try ShorthandReader.readPrefixedBody(&p, reference)
            case .chromosomeForms: try ShorthandReader.readChromosomeForms(&p, reference)
            case .intronNumbering: try ShorthandReader.readIntronNumbering(&p, reference)
            case .exonLevel: try ShorthandReader.readExonLevel(&p, reference)
            case .delta: try ShorthandReader.readDelta(&p, reference)
            case .referencePositionAlternative: try ShorthandReader.readReferencePositionAlternative(&p, reference)
            case .bareProtein: try ShorthandReader.readBareProtein(&p, reference)
            case .bareCoding: try ShorthandReader.readBareCoding(&p, reference)
            }
        }
    }

    // MARK: Recognizers (each over the compacted text; each must consume it all)

    static func finish(_ parser: inout Parser) throws(ParseError) {
        if !parser.atEnd {
            throw ParseError(
                .trailingInput, start: parser.index, end: parser.limit, expected: .endOfInput,
                detail: "unexpected text after a complete description")
        }
    }

    static func description(_ reference: ReferenceSpecifier?, _ body: DescriptionBody) -> VariantExpression {
        .description(VariantDescription(reference: reference, body: body))
    }

    /// rule: rsid = "rs" digit+ [ ( ":" | " " ) base ">" base ]   — `rs74315465`, `rs2306220 T>C`
    static func readDBSNP(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.rsid)
        guard reference == nil, p.consume("rs") || p.consume("RS") || p.consume("Rs") else { throw p.error(.text) }
        let numberStart = p.index
        var number: UInt64 = 0
        while let b = p.peek(), Byte.isDigit(b) {
            guard number < UInt64.max / 10 - 9 else {
                throw ParseError(.numberTooLarge, start: numberStart, end: p.index + 1)
            }
            number = number * 10 + UInt64(b - 48)
            p.index += 1
        }
        guard p.index > numberStart, number > 0 else { throw p.error(.number) }
        var identifier = DBSNPIdentifier(number: number)
        if !p.atEnd {
            _ = p.consume(Byte.colon)
            p.system = .genomic
            guard let r = p.peek(), Byte.isDNABase(r), p.peek(1) == Byte.greater, let a = p.peek(2), Byte.isDNABase(a)
            else {
                throw p.error(.nucleotide)
            }
            p.index += 3
            identifier.substitution = (r, a)
        }
        try finish(&p)
        return [(.dbSNP(identifier), .dbSNP)]
    }

    /// rule: compacted_description = hgvs — a whole description once spaces and typography are mended
    /// (`NM_004006.2: c.76A>G`, `NM_004006.2:c.94–2A>G`).
    static func readCompactedDescription(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        guard reference == nil, let b = p.peek(), Byte.isUpper(b) else { throw p.error(.reference) }
        p.trace(.compactedDescription)
        let expression = try p.parseWholeExpression()
        return [(expression, p.form)]
    }

    /// rule: prefixed_body = coord_prefix "." body — `c.494C>A` after compaction (`c. 1663 C>A`, `p. K237N`).
    static func readPrefixedBody(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.prefixedBody)
        guard let b = p.peek(), CoordinateSystem(letter: b) != nil, p.peek(1) == Byte.dot else {
            throw p.error(.coordinatePrefix)
        }
        let description = try p.parseBody(reference: reference)
        try finish(&p)
        let form: NotationForm =
            p.form == .hgvs || p.form == .noReference ? (reference == nil ? .noReference : .geneReference) : p.form
        return [(.description(description), form)]
    }

    /// rule: chromosome_forms = chrom ":" [ "g." ] pos base ">" base | chrom ( "-" | ":" ) pos ( "-" | ":" ) seq ( "-" | ":" ) seq
    ///                        | accession ":" pos0 ":" ( seq | number ) ":" seq   (SPDI)
    static func readChromosomeForms(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.chromosomeForms)
        guard reference == nil else { throw p.error(.text) }
        let identifier = p.scanIdentifierNoDash()
        guard let (kind, versioned) = p.classifyIdentifier(identifier),
            kind == .chromosome || (kind == .refSeq && versioned)
        else { throw p.error(.reference, at: identifier.lowerBound) }
        guard let separator = p.peek(), separator == Byte.colon || separator == Byte.minus else {
            throw p.error(.colon)
        }
        p.index += 1
        p.system = .genomic
        let accession: Accession
        if kind == .chromosome {
            accession = Accession(ChromosomeName.canonical(p.bytes, identifier), kind: .chromosome)
        } else if kind == .refSeq, versioned, separator == Byte.colon {
            accession = Accession(p.string(identifier.lowerBound, identifier.upperBound), kind: .refSeq)
        } else {
            throw p.error(.reference, at: identifier.lowerBound)
        }
        let ref = ReferenceSpecifier(accession)
        // chr11:g.4055634C>A is read by the core grammar; here: chr11:4055634C>A (no prefix).
        var variantError: ParseError? = nil
        if kind == .chromosome, separator == Byte.colon, let b = p.peek(), Byte.isDigit(b) {
            let save = p.index
            do {
                let variant = try NucleotideVariant<GenomicPosition>.parseVariant(&p)
                try finish(&p)
                return [(description(ref, .genomic(.genomic, .variant(variant))), .chromosomeReference)]
            } catch {
                variantError = error
            }
            p.index = save
        }
        do {
            return try readVCFOrSPDI(&p, kind: kind, separator: separator, reference: ref)
        } catch {
            if let variantError, variantError.start >= error.start { throw variantError }
            throw error
        }
    }

    static func readVCFOrSPDI(
        _ p: inout Parser, kind: AccessionKind, separator: UInt8, reference ref: ReferenceSpecifier
    )
        throws(ParseError) -> [(VariantExpression, NotationForm)]
    {
        // VCF-like (1-based, anchored) or SPDI (0-based interbase).
        let positionStart = p.index
        p.trace(kind != .chromosome ? .spdi : .vcf)
        let position = try p.parseNumber(allowZero: kind != .chromosome)
        guard p.consume(separator) else { throw p.error(separator == Byte.colon ? .colon : .text) }
        let deleted = try p.vcfAllele(allowLength: kind != .chromosome)
        guard p.consume(separator) else { throw p.error(.text) }
        let inserted = try p.vcfAllele(allowLength: false, allowEmpty: kind != .chromosome)
        try finish(&p)
        let isSPDI = kind != .chromosome
        guard
            let variant = VCFConversion.variant(
                position: isSPDI ? position + 1 : position, deleted: deleted, inserted: inserted)
        else {
            throw ParseError(
                .invalidDescription, start: positionStart, end: p.index,
                detail: "reference and alternative alleles are both empty")
        }
        return [(description(ref, .genomic(.genomic, .variant(variant))), isSPDI ? .spdi : .vcf)]
    }

    /// rule: ivs = [ "c." ] "IVS" ( number | "-" roman "-" ) ( "+" | "-" )? number … edit
    /// — `IVS2+1G>A`, `IVS-II-1(G>A)`, `IVS34+39T>C`, `c.IVS2+1G>A`, `IVS8-5T` is not read.
    static func readIntronNumbering(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.intronNumbering)
        _ = p.consume("c.")
        guard p.consume("IVS") || p.consume("ivs") else { throw p.error(.text) }
        p.system = .coding
        var intron: Int
        var offset: IntronOffset
        if p.consume(Byte.minus) {
            // Thalassemia style: IVS-II-1, IVS-I-110 (position from the intron's 5' end).
            guard let roman = p.parseRoman() else { throw p.error(.number) }
            intron = roman
            try p.expect(Byte.minus, .offset)
            offset = .downstream(try p.parseNumber())
        } else {
            intron = try p.parseNumber()
            guard let sign = p.peek(), sign == Byte.plus || sign == Byte.minus else { throw p.error(.offset) }
            p.index += 1
            let distance = try p.parseNumber()
            offset = sign == Byte.plus ? .downstream(distance) : .upstream(distance)
        }
        let position = TranscriptPosition(anchor: .intron(intron), base: nil, offset: offset)
        let parenthesized = p.consume(Byte.openParen)
        let edit = try p.parseNucleotideEdit(TranscriptPosition.self)
        if parenthesized { try p.expect(Byte.closeParen, .closeParen) }
        try finish(&p)
        let variant = NucleotideVariant(location: Location(position), edit: edit)
        return [(description(reference, .transcript(.coding, .variant(variant))), .intronNumbering)]
    }

    /// rule: exon = [ "c." ] ( "EX" | "exon" ) number [ "_" number ] ( "del" | "dup" | "deletion" | "duplication" )
    static func readExonLevel(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.exonLevel)
        _ = p.consume("c.")
        guard p.consume("EX") || p.consume("exon") || p.consume("Exon") || p.consume("ex") else { throw p.error(.text) }
        p.system = .coding
        let first = try p.parseNumber()
        var last = first
        if p.consume(Byte.underscore) || p.consume(Byte.minus) { last = try p.parseNumber() }
        guard last >= first else {
            throw ParseError(.reversedRange, start: 0, end: p.index, detail: "exons run low to high")
        }
        let edit: NucleotideEdit
        if p.consume("deletion") || p.consume("del") {
            edit = .deletion(nil)
        } else if p.consume("duplication") || p.consume("dup") {
            edit = .duplication(nil)
        } else {
            throw p.error(.edit, detail: "expected del or dup after the exon number")
        }
        try finish(&p)
        let location =
            first == last
            ? Location(TranscriptPosition(anchor: .exon(first), base: nil))
            : Location(
                TranscriptPosition(anchor: .exon(first), base: nil), TranscriptPosition(anchor: .exon(last), base: nil))
        let variant = NucleotideVariant(location: location, edit: edit)
        return [(description(reference, .transcript(.coding, .variant(variant))), .exonLevel)]
    }

    /// rule: delta = ( "Δ" | "delta" | "del" ) aa number   — `ΔF508`, `delta F508`, `delF508`
    static func readDelta(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.delta)
        guard p.consume("\u{0394}") || p.consume("delta") || p.consume("Delta") || p.consume("del") else {
            throw p.error(.text)
        }
        p.system = .protein
        let position = try ProteinPosition.parse(&p)
        guard position.number != nil else { throw p.error(.number) }
        try finish(&p)
        let variant = ProteinVariant(location: Location(position), edit: .deletion)
        return [(description(reference, .protein(.variant(variant))), .deltaDeletion)]
    }

    /// rule: ref_pos_alt = [ "c." ] base [ "-" | "*" ] number base   — `C494A`, `G-395A`, `c.T1799A`;
    /// with letters that are also amino acids (`C677T`) the protein reading `p.Cys677Thr` follows.
    static func readReferencePositionAlternative(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.referencePositionAlternative)
        let prefixed = p.consume("c.")
        p.system = .coding
        // Only A, C, G, T: in `KRAS G12D` or `NRAS G13V` the letter after the number is an amino acid, not
        // an IUPAC ambiguity code (D = A/G/T, V = A/C/G) nobody writes in this shorthand.
        @inline(__always) func isACGT(_ b: UInt8) -> Bool {
            b == UInt8(ascii: "A") || b == UInt8(ascii: "C") || b == UInt8(ascii: "G") || b == UInt8(ascii: "T")
        }
        guard let r = p.peek(), isACGT(r) else { throw p.error(.nucleotide) }
        let start = p.index
        p.index += 1
        let position = try TranscriptPosition.parse(&p)
        guard let a = p.peek(), isACGT(a), a != r else { throw p.error(.nucleotide) }
        p.index += 1
        try finish(&p)
        var results: [(VariantExpression, NotationForm)] = []
        let variant = NucleotideVariant(location: Location(position), edit: .substitution(reference: r, alternative: a))
        results.append((description(reference, .transcript(.coding, .variant(variant))), .referencePositionAlternative))
        if !prefixed, position.anchor == .start, !position.isIntronic, let n = position.base, n > 0,
            let from = AminoAcid.fromOneLetter(r), let to = AminoAcid.fromOneLetter(a)
        {
            let protein = ProteinVariant(
                location: Location(ProteinPosition(residue: from, number: n)), edit: .substitution(to))
            results.append((description(reference, .protein(.variant(protein))), .proteinOneLetter))
        }
        _ = start
        return results
    }

    /// rule: bare_protein = p_variant   — `P165Q`, `Pro165Gln`, `V600E`, `R117*`, `F508del`, `E746_A750del`
    static func readBareProtein(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.bareProtein)
        p.system = .protein
        let start = p.index
        let variant = try ProteinVariant.parseVariant(&p)
        try finish(&p)
        let threeLetter = p.index - start >= 4 && Byte.isLower(p.bytes[start + 1])
        return [
            (description(reference, .protein(.variant(variant))), threeLetter ? .proteinThreeLetter : .proteinOneLetter)
        ]
    }

    /// rule: bare_coding = c_variant   — `494C>A`, `677C-->T`, `-308G>A`, `185delAG`, `3020insC`, `2393del9`
    static func readBareCoding(
        _ p: inout Parser, _ reference: ReferenceSpecifier?
    ) throws(ParseError) -> [(VariantExpression, NotationForm)] {
        p.trace(.bareCoding)
        p.system = .coding
        guard let b = p.peek(), Byte.isDigit(b) || b == Byte.minus || b == Byte.star else { throw p.error(.position) }
        var variant = try NucleotideVariant<TranscriptPosition>.parseVariant(&p)
        try finish(&p)
        var form: NotationForm = p.form == .arrow ? .arrow : .codingWithoutPrefix
        switch variant.edit {
        case .deletion(let content), .duplication(let content):
            form = .legacyIndel
            variant.location = VCFConversion.widen(variant.location, by: content)
        case .insertion, .deletionInsertion:
            form = .legacyIndel
        default:
            break
        }
        return [(description(reference, .transcript(.coding, .variant(variant))), form)]
    }

    // MARK: Derived readings

    /// `p.Arg117X` read with `X` as the legacy stop: `p.Arg117Ter`.
    static func replacingXaaWithTer(_ expression: VariantExpression) -> VariantExpression? {
        guard case .description(var description) = expression, case .protein(.variant(var variant)) = description.body,
            case .substitution(.xaa) = variant.edit
        else { return nil }
        variant.edit = .substitution(.ter)
        description.body = .protein(.variant(variant))
        return .description(description)
    }

    /// `p.T3708fs3769` read by the parser with 3769 as the codon of the new stop (`p.Thr3708fsTer62`); the other
    /// reading takes it as the HGVS count from the changed residue (`p.Thr3708fsTer3769`). Nil when the parser
    /// already read the count (the number is not past the changed residue) or the text has more than one variant.
    static func relativeFrameshiftStop(
        _ expression: VariantExpression, _ bytes: UnsafeBufferPointer<UInt8>, _ warning: ParseWarning
    ) -> VariantExpression? {
        var value = 0
        for i in warning.start..<min(warning.end, bytes.count) {
            let b = bytes[i]
            guard Byte.isDigit(b), value < TranscriptPosition.maximumMagnitude / 10 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        guard case .description(var description) = expression, case .protein(.variant(var variant)) = description.body,
            case .frameshift(let residue, let alternatives, .position(let count)) = variant.edit,
            let first = variant.location.start.first.number, value > first, count == value - first + 1
        else { return nil }
        variant.edit = .frameshift(newResidue: residue, alternatives: alternatives, stop: .position(value))
        description.body = .protein(.variant(variant))
        return .description(description)
    }

    /// `c.52insT` widened to `c.52_53insT` by the parser; the other reading is `c.51_52insT`.
    static func shiftedInsertion(_ expression: VariantExpression) -> VariantExpression? {
        guard case .description(var description) = expression else { return nil }
        switch description.body {
        case .transcript(let system, .variant(var variant)):
            guard case .exact(let first) = variant.location.start else { return nil }
            if first.isIntronic {
                // `c.1146+25insA` -> `c.1146+24_1146+25insA`; `c.357-3insA` -> `c.357-4_357-3insA`.
                guard let before = first.offsetNeighbour(-1) else { return nil }
                variant.location = Location(before, first)
            } else {
                guard let n = first.base, n > 1 else { return nil }
                variant.location = Location(TranscriptPosition(base: n - 1), first)
            }
            description.body = .transcript(system, .variant(variant))
        case .genomic(let system, .variant(var variant)):
            guard case .exact(.base(let n)) = variant.location.start, n > 1 else { return nil }
            variant.location = Location(GenomicPosition.base(n - 1), .base(n))
            description.body = .genomic(system, .variant(variant))
        default:
            return nil
        }
        return .description(description)
    }
}

/// VCF-style and SPDI alleles to HGVS edits, without a reference: shared flanks are trimmed; no 3' shift.
enum VCFConversion {
    enum Allele {
        case sequence([UInt8])
        case length(Int)
    }

    /// `11-4055634-C-A` -> `g.4055634C>A`; `1-55517991-C-CAT` -> `g.55517991_55517992insAT`.
    static func variant(position: Int, deleted: Allele, inserted: Allele) -> NucleotideVariant<GenomicPosition>? {
        guard case .sequence(var alt) = inserted else { return nil }
        var start = position
        switch deleted {
        case .length(let n):
            guard n > 0 || !alt.isEmpty else { return nil }
            if n == 0 {
                return NucleotideVariant(
                    location: Location(.base(start - 1), .base(start)),
                    edit: .insertion(
                        .single(.sequence(NucleotideSequence(String(decoding: alt, as: UTF8.self)), count: nil))))
            }
            let location = n == 1 ? Location(GenomicPosition.base(start)) : Location(.base(start), .base(start + n - 1))
            if alt.isEmpty { return NucleotideVariant(location: location, edit: .deletion(nil)) }
            return NucleotideVariant(
                location: location,
                edit: .deletionInsertion(
                    deleted: nil,
                    inserted: .single(.sequence(NucleotideSequence(String(decoding: alt, as: UTF8.self)), count: nil))))
        case .sequence(var ref):
            while let r = ref.first, let a = alt.first, r == a {
                ref.removeFirst()
                alt.removeFirst()
                start += 1
            }
            while let r = ref.last, let a = alt.last, r == a {
                ref.removeLast()
                alt.removeLast()
            }
            let text = { (bytes: [UInt8]) in NucleotideSequence(String(decoding: bytes, as: UTF8.self)) }
            switch (ref.count, alt.count) {
            case (0, 0):
                return NucleotideVariant(location: Location(.base(max(1, start - 1))), edit: .identity(nil))
            case (1, 1):
                return NucleotideVariant(
                    location: Location(.base(start)), edit: .substitution(reference: ref[0], alternative: alt[0]))
            case (0, _):
                return NucleotideVariant(
                    location: Location(.base(start - 1), .base(start)),
                    edit: .insertion(.single(.sequence(text(alt), count: nil))))
            case (let n, 0):
                let location =
                    n == 1 ? Location(GenomicPosition.base(start)) : Location(.base(start), .base(start + n - 1))
                return NucleotideVariant(location: location, edit: .deletion(nil))
            case (let n, _):
                let location =
                    n == 1 ? Location(GenomicPosition.base(start)) : Location(.base(start), .base(start + n - 1))
                return NucleotideVariant(
                    location: location,
                    edit: .deletionInsertion(deleted: nil, inserted: .single(.sequence(text(alt), count: nil))))
            }
        }
    }

    /// `185delAG` at 185 becomes `185_186del`; `2393del9` becomes `2393_2401del`.
    static func widen(
        _ location: Location<TranscriptPosition>, by content: StatedContent?
    ) -> Location<TranscriptPosition> {
        guard !location.isRange, case .exact(let position) = location.start, position.anchor == .start,
            !position.isIntronic, let base = position.base, base > 0
        else { return location }
        let length: Int
        switch content {
        case .sequence(let s)?: length = s.count
        case .length(let n)?: length = n
        default: return location
        }
        guard length > 1 else { return location }
        return Location(position, TranscriptPosition(base: base + length - 1))
    }
}

extension Parser {
    /// An identifier that stops at `-` (VCF-like `11-4055634-C-A`).
    mutating func scanIdentifierNoDash() -> Range<Int> {
        let start = index
        while index < limit {
            let b = bytes[index]
            if Byte.isAlphanumeric(b) || b == Byte.underscore || b == Byte.dot { index += 1 } else { break }
        }
        return start..<index
    }

    /// A VCF/SPDI allele: bases (upper or lower case, folded), or a length for SPDI deletions.
    mutating func vcfAllele(allowLength: Bool, allowEmpty: Bool = false) throws(ParseError) -> VCFConversion.Allele {
        if allowLength, let b = peek(), Byte.isDigit(b) {
            return .length(try parseNumber(allowZero: true))
        }
        var bases: [UInt8] = []
        while let b = peek(), Byte.isDNABase(b) || Byte.isDNABase(b & ~0x20) {
            bases.append(b & ~0x20)
            index += 1
        }
        // An empty allele is allowed only in SPDI (`NC_…:100::A`, `NC_…:100:C:`).
        if bases.isEmpty, !allowLength, !allowEmpty { throw error(.nucleotide) }
        return .sequence(bases)
    }

    /// Roman numerals I…XXX for thalassemia intron names (`IVS-II-1`).
    mutating func parseRoman() -> Int? {
        var value = 0
        var last = 1000
        let start = index
        while let b = peek() {
            let digit: Int
            switch b {
            case UInt8(ascii: "I"): digit = 1
            case UInt8(ascii: "V"): digit = 5
            case UInt8(ascii: "X"): digit = 10
            default: digit = 0
            }
            if digit == 0 { break }
            value += digit > last ? digit - 2 * last : digit
            last = digit
            index += 1
        }
        return index > start && value > 0 ? value : nil
    }
}
