// The canonical printer: standard HGVS, three-letter amino acids by default.

/// How to print a syntax tree.
public struct PrintStyle: Hashable, Sendable {
    /// Amino acids as one-letter codes (`p.P165Q`) instead of three-letter (`p.Pro165Gln`).
    public var oneLetterAminoAcids: Bool

    @inlinable
    public init(oneLetterAminoAcids: Bool = false) { self.oneLetterAminoAcids = oneLetterAminoAcids }

    public static let threeLetter = PrintStyle()
    public static let oneLetter = PrintStyle(oneLetterAminoAcids: true)
}

extension VariantExpression {
    /// Canonical HGVS text.
    ///
    /// `try HGVSParser.parse("NP_003147.2:p.P165Q").expression.hgvs()` -> `"NP_003147.2:p.Pro165Gln"`;
    /// with `.oneLetter` -> `"NP_003147.2:p.P165Q"`.
    public func hgvs(_ style: PrintStyle = .threeLetter) -> String {
        var printer = HGVSPrinter(style: style)
        printer.write(self)
        return printer.output
    }
}

extension VariantDescription {
    /// Canonical HGVS text of one description: `NM_003156.4:c.494C>A`.
    public func hgvs(_ style: PrintStyle = .threeLetter) -> String {
        var printer = HGVSPrinter(style: style)
        printer.write(self)
        return printer.output
    }
}

/// Writes syntax trees as HGVS text. One function per tree node, mirroring the parser.
public struct HGVSPrinter {
    public var style: PrintStyle
    public private(set) var output: String = ""
    var system: CoordinateSystem = .genomic

    public init(style: PrintStyle = .threeLetter) {
        self.style = style
        output.reserveCapacity(32)
    }

    mutating func put(_ text: String) { output += text }
    mutating func put(byte: UInt8) { output.unicodeScalars.append(Unicode.Scalar(byte)) }
    mutating func put(_ number: Int) { output += String(number) }

    public mutating func write(_ expression: VariantExpression) {
        switch expression {
        case .description(let description):
            write(description)
        case .alternatives(let descriptions):
            for (k, description) in descriptions.enumerated() {
                if k > 0 { put("^") }
                write(description)
            }
        case .alleles(let alleles):
            for (k, allele) in alleles.enumerated() {
                if k > 0 { put(";") }
                put("[")
                for (j, member) in allele.enumerated() {
                    if j > 0 { put(";") }
                    write(member)
                }
                put("]")
            }
        case .adjoinedTranscripts(let first, let linker, let second):
            system = .rna
            write(first.reference)
            put(":r.")
            write(first.location)
            put("::")
            if let linker {
                put(linker.bases)
                put("::")
            }
            write(second.reference)
            put(":r.")
            write(second.location)
        case .dbSNP(let identifier):
            put(identifier.text)
            if let substitution = identifier.substitution {
                put(" ")
                put(byte: substitution.reference)
                put(">")
                put(byte: substitution.alternative)
            }
        }
    }

    public mutating func write(_ description: VariantDescription) {
        if let reference = description.reference {
            write(reference)
            put(":")
        }
        system = description.body.coordinateSystem
        put(system.letter)
        put(".")
        switch description.body {
        case .genomic(_, let tree): write(tree) { (p: inout HGVSPrinter, v) in p.write(v) }
        case .transcript(_, let tree): write(tree) { (p: inout HGVSPrinter, v) in p.write(v) }
        case .protein(let tree): write(tree) { (p: inout HGVSPrinter, v) in p.write(v) }
        }
    }

    mutating func write(_ reference: ReferenceSpecifier) {
        put(reference.accession.text)
        if let selector = reference.selector {
            put("(")
            put(selector.text)
            put(")")
        }
    }

    // MARK: Alleles

    mutating func write<V>(_ tree: AlleleTree<V>, _ variant: (inout HGVSPrinter, V) -> Void) {
        func join(_ items: [AlleleTree<V>], _ separator: String, _ p: inout HGVSPrinter) {
            for (k, item) in items.enumerated() {
                if k > 0 { p.put(separator) }
                p.write(item, variant)
            }
        }
        switch tree {
        case .variant(let v): variant(&self, v)
        case .bracket(let inner):
            put("[")
            write(inner, variant)
            put("]")
        case .predicted(let inner):
            put("(")
            write(inner, variant)
            put(")")
        case .cis(let items), .trans(let items): join(items, ";", &self)
        case .unknownPhase(let items): join(items, "(;)", &self)
        case .alternatives(let items): join(items, "^", &self)
        case .products(let items): join(items, ",", &self)
        case .junction(let items): join(items, "::", &self)
        case .supernumerary(let inner):
            write(inner, variant)
            put("sup")
        case .unchanged: put("=")
        case .unknown: put("?")
        case .absent(let uncertain): put(uncertain ? "0?" : "0")
        case .splicing(let uncertain): put(uncertain ? "spl?" : "spl")
        case .repeatAlleles(let v, let counts):
            variant(&self, v)
            for count in counts {
                put(";[")
                write(count)
                put("]")
            }
        }
    }

    // MARK: Nucleotide variants

    mutating func write<P: PrintablePosition>(_ variant: NucleotideVariant<P>) {
        writeVariant(variant.location, predicted: variant.predicted, mosaicism: variant.mosaicism) {
            $0.write(variant.edit)
        }
    }

    /// The frame shared by nucleotide and protein variants: `(…)` when predicted, `=/` or `=//` for mosaic or
    /// chimeric (before the location for a whole-reference form, `r.=/6_8del`; after it otherwise, `c.85=/T>C`).
    mutating func writeVariant<P: PrintablePosition>(
        _ location: Location<P>, predicted: Bool, mosaicism: Mosaicism?, edit: (inout HGVSPrinter) -> Void
    ) {
        if predicted { put("(") }
        if let mosaicism, mosaicism.wholeReference { put(mosaicism.chimeric ? "=//" : "=/") }
        write(location)
        if let mosaicism, !mosaicism.wholeReference { put(mosaicism.chimeric ? "=//" : "=/") }
        edit(&self)
        if predicted { put(")") }
    }

    mutating func write<P: PrintablePosition>(_ location: Location<P>) {
        write(location.start)
        if let end = location.end {
            put("_")
            write(end)
        }
    }

    mutating func write<P: PrintablePosition>(_ breakpoint: Breakpoint<P>) {
        switch breakpoint {
        case .exact(let p): p.print(&self)
        case .uncertain(let a, let b):
            put("(")
            a.print(&self)
            put("_")
            b.print(&self)
            put(")")
        case .parenthesized(let p):
            put("(")
            p.print(&self)
            put(")")
        }
    }

    mutating func write(_ edit: NucleotideEdit) {
        switch edit {
        case .substitution(let reference, let alternative):
            put(byte: reference)
            put(">")
            put(byte: alternative)
        case .identity(let sequence):
            if let sequence { put(sequence.bases) }
            put("=")
        case .deletion(let content):
            put("del")
            write(content)
        case .duplication(let content):
            put("dup")
            write(content)
        case .inversion(let content):
            put("inv")
            write(content)
        case .insertion(let insertion):
            put("ins")
            write(insertion)
        case .deletionInsertion(let deleted, let inserted):
            put("del")
            write(deleted)
            put("ins")
            write(inserted)
        case .conversion(let insertion):
            put("con")
            write(insertion)
        case .repeated(let units):
            for unit in units {
                put(unit.unit.bases)
                writeBracketed(unit.count)
            }
        case .copyNumber(let count):
            writeBracketed(count)
        case .methylation(let change):
            switch change {
            case .gain: put("|gom")
            case .loss: put("|lom")
            case .unchanged: put("|met=")
            }
        case .supernumerary:
            put("sup")
        }
    }

    mutating func write(_ content: StatedContent?) {
        switch content {
        case nil: break
        case .sequence(let s)?: put(s.bases)
        case .length(let n)?: put(n)
        case .unknown(let count)?:
            put(system == .rna ? "n" : "N")
            if let count { writeBracketed(count) }
        }
    }

    mutating func write(_ insertion: Insertion) {
        switch insertion {
        case .single(let item): write(item)
        case .list(let items): writeList(items)
        }
    }

    mutating func writeList(_ items: [InsertItem]) {
        put("[")
        for (k, item) in items.enumerated() {
            if k > 0 { put(";") }
            write(item)
        }
        put("]")
    }

    mutating func write(_ item: InsertItem) {
        switch item {
        case .sequence(let sequence, let count):
            put(sequence.bases)
            if let count { writeBracketed(count) }
        case .unknown(let count):
            put(system == .rna ? "n" : "N")
            if let count { writeBracketed(count) }
        case .length(let count):
            switch count {
            case .exactly(let n): put(n)
            default:
                put("(")
                write(count, parenthesized: false)
                put(")")
            }
        case .localRange(let location, let inverted):
            write(location)
            if inverted { put("inv") }
        case .remote(let reference, let remoteSystem, let location, let inverted):
            if let reference {
                write(reference)
                put(":")
            }
            let saved = system
            system = remoteSystem
            put(remoteSystem.letter)
            put(".")
            write(location)
            if inverted { put("inv") }
            system = saved
        case .nested(let items):
            writeList(items)
        }
    }

    mutating func write(_ location: NucleotideLocation) {
        switch location {
        case .genomic(let l): write(l)
        case .transcript(let l): write(l)
        }
    }

    /// `[14]`, `[?]`, `[(50_60)]`.
    mutating func writeBracketed(_ count: RepeatCount) {
        put("[")
        write(count)
        put("]")
    }

    mutating func write(_ count: RepeatCount, parenthesized: Bool = true) {
        switch count {
        case .exactly(let n): put(n)
        case .unknown: put("?")
        case .range(let low, let high):
            if parenthesized { put("(") }
            if let low { put(low) } else { put("?") }
            put("_")
            if let high { put(high) } else { put("?") }
            if parenthesized { put(")") }
        }
    }

    // MARK: Protein variants

    mutating func write(_ residue: AminoAcid) {
        if style.oneLetterAminoAcids {
            put(byte: residue.oneLetterCode)
        } else {
            put(residue.threeLetterCode)
        }
    }

    /// Stops print as `Ter` (three-letter) or `*` (one-letter).
    mutating func writeStop() {
        put(style.oneLetterAminoAcids ? "*" : "Ter")
    }

    mutating func write(_ variant: ProteinVariant) {
        writeVariant(variant.location, predicted: variant.predicted, mosaicism: variant.mosaicism) {
            $0.write(variant.edit)
        }
    }

    mutating func write(_ edit: ProteinEdit) {
        switch edit {
        case .substitution(let residue): write(residue)
        case .alternativeSubstitutions(let residues):
            for (k, residue) in residues.enumerated() {
                if k > 0 { put("^") }
                write(residue)
            }
        case .unknown: put("?")
        case .identity: put("=")
        case .deletion: put("del")
        case .duplication: put("dup")
        case .insertion(let insert):
            put("ins")
            write(insert)
        case .deletionInsertion(let insert):
            put("delins")
            write(insert)
        case .frameshift(let newResidue, let alternatives, let stop):
            if !alternatives.isEmpty {
                put("(")
                for (k, residue) in alternatives.enumerated() {
                    if k > 0 { put("^") }
                    write(residue)
                }
                put(")")
            } else if let newResidue {
                write(newResidue)
            }
            put("fs")
            if let stop { write(stop) }
        case .extension(let ext):
            switch ext {
            case .nTerminal(let upstream, let legacy):
                put("ext")
                if let legacy { write(legacy) }
                put("-")
                if let upstream { put(upstream) } else { put("?") }
            case .cTerminal(let newResidue, let stop):
                if let newResidue { write(newResidue) }
                put("ext")
                if let stop { write(stop) }
            }
        case .repeated(let count):
            writeBracketed(count)
        }
    }

    mutating func write(_ stop: StopDistance) {
        writeStop()
        switch stop {
        case .position(let n): put(n)
        case .unknown: put("?")
        }
    }

    mutating func write(_ insert: ProteinInsert) {
        switch insert {
        case .residues(let residues):
            for residue in residues { write(residue) }
        case .unknown(let count):
            put(style.oneLetterAminoAcids ? "X" : "Xaa")
            if let count { writeBracketed(count) }
        case .stopAt(let n):
            writeStop()
            put(n)
        case .copiedRange(let first, let last):
            first.print(&self)
            put("_")
            last.print(&self)
        }
    }
}

/// A position the printer can write.
protocol PrintablePosition: Hashable & Sendable {
    func print(_ printer: inout HGVSPrinter)
}

extension GenomicPosition: PrintablePosition {
    func print(_ printer: inout HGVSPrinter) {
        switch self {
        case .base(let n): printer.put(n)
        case .unknown: printer.put("?")
        case .pter: printer.put("pter")
        case .qter: printer.put("qter")
        case .centromere: printer.put("cen")
        }
    }
}

extension TranscriptPosition: PrintablePosition {
    func print(_ printer: inout HGVSPrinter) {
        switch anchor {
        case .start: break
        case .cdsEnd: printer.put("*")
        case .intron(let n):
            printer.put("IVS")
            printer.put(n)
        case .exon(let n):
            printer.put("EX")
            printer.put(n)
            return
        }
        if case .intron = anchor {
        } else if let base {
            printer.put(base)
        } else {
            printer.put("?")
        }
        switch offset {
        case .none: break
        case .downstream(let k):
            printer.put("+")
            if let k { printer.put(k) } else { printer.put("?") }
        case .upstream(let k):
            printer.put("-")
            if let k { printer.put(k) } else { printer.put("?") }
        }
    }
}

extension ProteinPosition: PrintablePosition {
    func print(_ printer: inout HGVSPrinter) {
        if residue == .ter { printer.writeStop() } else { printer.write(residue) }
        if let number { printer.put(number) }
    }
}
