import Foundation
import Testing

@testable import VarSynCore

/// biocommons/hgvs grammar_test.tsv: ~120 rules of the biocommons grammar, each with strings it accepts and
/// rejects. Each rule is mapped to the VarSyn construct that covers it (an internal entry point, or the
/// fragment wrapped into a whole description) and run in strict mode. Every disagreement is listed with its
/// reason and the lenient outcome in `biocommons-grammar-differences.tsv`.
@Suite struct BiocommonsGrammarTests {
    /// How a biocommons rule is checked: text = prefix + test string + suffix.
    struct Check {
        enum Kind {
            /// `HGVSParser.parse` on the whole text.
            case whole
            /// An internal parser entry point that must consume the whole text.
            case entry(CoordinateSystem, (inout Parser) throws(ParseError) -> Void)
        }
        var kind: Kind
        var prefix = ""
        var suffix = ""
    }

    struct Row {
        var rule: String
        var input: String
        var valid: Bool
    }

    static func rows() throws -> [Row] {
        var rows: [Row] = []
        for f in try TestPaths.tsvRows(TestPaths.sharedFile("conformance/biocommons/grammar_test.tsv")).dropFirst()
        where f.count >= 4 {
            let valid = f[2].lowercased() == "true"
            let inputs: [String]
            switch f[3] {
            case "list": inputs = f[1].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            case "string": inputs = f[1].map { String($0) }
            default: inputs = [f[1]]
            }
            rows += inputs.map { Row(rule: f[0], input: $0, valid: valid) }
        }
        return rows
    }

    static func fail(_ detail: String) -> ParseError {
        ParseError(.invalidDescription, start: 0, end: 0, detail: detail)
    }

    /// A nucleotide edit of the given kind (nil: any edit).
    static func nucleotideEdit<P: ParsablePosition>(
        _: P.Type, _ system: CoordinateSystem, _ kind: ((NucleotideEdit) -> Bool)? = nil
    ) -> Check {
        Check(
            kind: .entry(system) { (p: inout Parser) throws(ParseError) in
                let edit = try p.parseNucleotideEdit(P.self)
                if let kind, !kind(edit) { throw fail("another kind of edit") }
            })
    }

    /// A protein edit of the given kind after a placeholder position (`Trp24`, used by no test string).
    static func proteinEdit(_ kind: ((ProteinEdit) -> Bool)? = nil) -> Check {
        Check(
            kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                let edit = try p.parseProteinEdit(Location(ProteinPosition(residue: .trp, number: 24)))
                if let kind, !kind(edit) { throw fail("another kind of edit") }
            })
    }

    static func position<P: ParsablePosition>(
        _: P.Type, _ system: CoordinateSystem, prefix: String = "", suffix: String = ""
    )
        -> Check
    {
        Check(
            kind: .entry(system) { (p: inout Parser) throws(ParseError) in _ = try P.parse(&p) }, prefix: prefix,
            suffix: suffix)
    }

    static func location<P: ParsablePosition>(_: P.Type, _ system: CoordinateSystem) -> Check {
        Check(kind: .entry(system) { (p: inout Parser) throws(ParseError) in _ = try p.parseLocation(P.self) })
    }

    /// A residue: `letters` 1 or 3 (nil: either); `stop` true: only a stop (`X` read as stop leniently).
    static func residue(letters: Int?, stop: Bool = false) -> Check {
        Check(
            kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                let start = p.index
                guard let residue = p.parseAminoAcid() else { throw fail("not a residue") }
                if let letters, p.index - start != letters { throw fail("wrong code length") }
                if stop, residue != .ter, !(residue == .xaa && !p.options.strict) { throw fail("not a stop") }
            })
    }

    /// A run of residues: `letters` 1 or 3 (nil: either).
    static func residues(letters: Int?) -> Check {
        Check(
            kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                let start = p.index
                let insert = try p.parseProteinInsert()
                let count: Int
                switch insert {
                case .residues(let r): count = r.count
                case .unknown(count: nil): count = 1
                default: throw fail("not a run of residues")
                }
                if let letters, p.index - start != count * letters { throw fail("wrong code length") }
            })
    }

    static func sequence(_ system: CoordinateSystem) -> Check {
        Check(
            kind: .entry(system) { (p: inout Parser) throws(ParseError) in
                guard p.scanSequence() != nil else { throw fail("not a sequence") }
            })
    }

    /// `ACC:c.1` — a reference and a position without an edit; `systems` the prefixes the rule allows.
    static func hgvsPosition(_ systems: [CoordinateSystem]) -> Check {
        Check(
            kind: .entry(.genomic) { (p: inout Parser) throws(ParseError) in
                _ = try p.parseReference()
                try p.expect(Byte.colon, .colon)
                guard let letter = p.peek(), let system = CoordinateSystem(letter: letter), p.peek(1) == Byte.dot,
                    systems.contains(system)
                else { throw p.error(.coordinatePrefix) }
                p.index += 2
                p.system = system
                switch system {
                case .genomic, .mitochondrial, .circular: _ = try p.parseLocation(GenomicPosition.self)
                case .coding, .noncoding, .rna: _ = try p.parseLocation(TranscriptPosition.self)
                case .protein: _ = try p.parseProteinLocation()
                }
            })
    }

    static func makeChecks() -> [String: Check] {
        var c: [String: Check] = [:]
        let whole = Check(kind: .whole)
        c["accn"] = Check(kind: .entry(.genomic) { (p: inout Parser) throws(ParseError) in _ = try p.parseReference() })
        c["gene_symbol"] = c["accn"]
        c["opt_gene_expr"] = Check(kind: .whole, prefix: "NM_000001.1", suffix: ":c.1A>G")
        c["paren_gene"] = c["opt_gene_expr"]
        // residues
        c["aa1"] = residue(letters: 1)
        c["aat1"] = residue(letters: 1)
        c["aa3"] = residue(letters: 3)
        c["aat3"] = residue(letters: 3)
        c["aa13"] = residue(letters: nil)
        c["aat13"] = residue(letters: nil)
        c["term1"] = residue(letters: 1, stop: true)
        c["term3"] = residue(letters: 3, stop: true)
        c["term13"] = residue(letters: nil, stop: true)
        c["aa1_seq"] = residues(letters: 1)
        c["aat1_seq"] = residues(letters: 1)
        c["aa3_seq"] = residues(letters: 3)
        c["aat3_seq"] = residues(letters: 3)
        c["aa13_seq"] = residues(letters: nil)
        c["aat13_seq"] = residues(letters: nil)
        // extension and frameshift tails
        c["aa13_ext"] = Check(
            kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                _ = try p.parseExtensionTail(newResidue: nil)
            })
        c["aa13_fs"] = Check(
            kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                _ = try p.parseStopDistance(optional: false)
            })
        c["fsext_offset"] = Check(kind: .whole, prefix: "p.Arg97Profs*")
        // numbers: a c. position carries them (`-123`, `10+123`, `76-1`)
        c["num"] = Check(
            kind: .entry(.genomic) { (p: inout Parser) throws(ParseError) in
                _ = try p.parseNumber(allowZero: true)
            })
        c["nnum"] = Check(
            kind: .entry(.coding) { (p: inout Parser) throws(ParseError) in
                guard p.peek() == Byte.minus else { throw fail("not negative") }
                let position = try TranscriptPosition.parse(&p)
                if position.isIntronic { throw fail("not a number") }
            })
        c["base"] = position(TranscriptPosition.self, .coding)
        c["snum"] = position(TranscriptPosition.self, .coding, prefix: "10")
        c["offset"] = position(TranscriptPosition.self, .coding, prefix: "76")
        c["pm"] = position(TranscriptPosition.self, .coding, prefix: "76", suffix: "1")
        // sequences
        for rule in ["dna", "dna_iupac", "dna_seq", "na_iupac"] { c[rule] = sequence(.genomic) }
        for rule in ["rna", "rna_iupac", "rna_seq"] { c[rule] = sequence(.rna) }
        // positions and intervals
        for rule in ["c_pos", "def_c_pos"] { c[rule] = position(TranscriptPosition.self, .coding) }
        for rule in ["n_pos", "def_n_pos"] { c[rule] = position(TranscriptPosition.self, .noncoding) }
        for rule in ["r_pos", "def_r_pos"] { c[rule] = position(TranscriptPosition.self, .rna) }
        for rule in ["g_pos", "def_g_pos"] { c[rule] = position(GenomicPosition.self, .genomic) }
        for rule in ["m_pos", "def_m_pos"] { c[rule] = position(GenomicPosition.self, .mitochondrial) }
        for rule in ["p_pos", "def_p_pos"] {
            c[rule] = Check(
                kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                    _ = try ProteinPosition.parse(&p)
                })
        }
        for rule in ["c_interval", "def_c_interval", "uncertain_c_interval"] {
            c[rule] = location(TranscriptPosition.self, .coding)
        }
        for rule in ["n_interval", "def_n_interval", "uncertain_n_interval"] {
            c[rule] = location(TranscriptPosition.self, .noncoding)
        }
        for rule in ["r_interval", "def_r_interval"] { c[rule] = location(TranscriptPosition.self, .rna) }
        for rule in ["g_interval", "def_g_interval", "uncertain_g_interval"] {
            c[rule] = location(GenomicPosition.self, .genomic)
        }
        for rule in ["m_interval", "def_m_interval"] { c[rule] = location(GenomicPosition.self, .mitochondrial) }
        for rule in ["p_interval", "def_p_interval"] {
            c[rule] = Check(
                kind: .entry(.protein) { (p: inout Parser) throws(ParseError) in
                    _ = try p.parseProteinLocation()
                })
        }
        // nucleotide edits, by kind
        let kinds: [(String, (NucleotideEdit) -> Bool)] = [
            ("subst", { if case .substitution = $0 { true } else { false } }),
            ("del", { if case .deletion = $0 { true } else { false } }),
            ("dup", { if case .duplication = $0 { true } else { false } }),
            ("ins", { if case .insertion = $0 { true } else { false } }),
            ("inv", { if case .inversion = $0 { true } else { false } }),
            ("delins", { if case .deletionInsertion = $0 { true } else { false } }),
            ("con", { if case .conversion = $0 { true } else { false } }),
            ("ident", { if case .identity = $0 { true } else { false } }),
            ("copy", { _ in true }), ("edit", { _ in true }), ("edit_mu", { _ in true }),
        ]
        for (name, kind) in kinds {
            c["dna_" + name] = nucleotideEdit(GenomicPosition.self, .genomic, kind)
            c["rna_" + name] = nucleotideEdit(TranscriptPosition.self, .rna, kind)
        }
        // protein edits, by kind
        let proteinKinds: [(String, (ProteinEdit) -> Bool)] = [
            (
                "subst",
                {
                    switch $0 {
                    case .substitution, .unknown: true
                    default: false
                    }
                }
            ),
            ("del", { if case .deletion = $0 { true } else { false } }),
            ("dup", { if case .duplication = $0 { true } else { false } }),
            ("ins", { if case .insertion = $0 { true } else { false } }),
            ("delins", { if case .deletionInsertion = $0 { true } else { false } }),
            ("fs", { if case .frameshift = $0 { true } else { false } }),
            ("ext", { if case .extension = $0 { true } else { false } }),
            ("ident", { if case .identity = $0 { true } else { false } }),
            ("edit", { _ in true }), ("edit_mu", { _ in true }),
        ]
        for (name, kind) in proteinKinds { c["pro_" + name] = proteinEdit(kind) }
        c["fs"] = proteinEdit { if case .frameshift = $0 { true } else { false } }
        c["ext"] = proteinEdit { if case .extension = $0 { true } else { false } }
        // whole descriptions
        for letter in ["c", "g", "m", "n", "r", "p"] {
            c[letter + "_posedit"] = Check(kind: .whole, prefix: letter + ".")
            c[letter + "_typed_posedit"] = whole
            c[letter + "_variant"] = whole
        }
        c["p_posedit_special"] = Check(kind: .whole, prefix: "p.")
        c["hgvs_variant"] = whole
        c["hgvs_position"] = hgvsPosition(CoordinateSystem.allCases)
        c["c_hgvs_position"] = hgvsPosition([.coding])
        c["g_hgvs_position"] = hgvsPosition([.genomic])
        c["m_hgvs_position"] = hgvsPosition([.mitochondrial])
        c["n_hgvs_position"] = hgvsPosition([.noncoding])
        c["p_hgvs_position"] = hgvsPosition([.protein])
        c["r_hgvs_position"] = hgvsPosition([.rna])
        return c
    }

    /// The strings of rules checked as whole descriptions, wrapped as they are parsed (for the round-trip suite).
    static func wholeDescriptions() throws -> [String] {
        let checks = makeChecks()
        return try rows().compactMap { row in
            guard let check = checks[row.rule], case .whole = check.kind else { return nil }
            return check.prefix + row.input + check.suffix
        }
    }

    static func accepts(_ check: Check, _ input: String, _ options: ParserOptions) -> Bool {
        let text = check.prefix + input + check.suffix
        switch check.kind {
        case .whole: return (try? HGVSParser.parse(text, options: options)) != nil
        case .entry(let system, let body): return runEntryPoint(text, system: system, options: options, body) == nil
        }
    }

    @Test func everyRuleAgreesOrDifferenceIsListed() throws {
        let rows = try Self.rows()
        var listed: [String: (lenient: String, reason: String)] = [:]
        for f in try TestPaths.fixtureColumns("biocommons-grammar-differences.tsv") where f.count >= 4 {
            listed[f[0] + "\t" + f[1]] = (f[2], f[3])
        }
        let checks = Self.makeChecks()
        var unmapped = Set<String>()
        var perRule: [String: (agree: Int, total: Int)] = [:]
        var unlisted: [String] = []
        var staleListing: [String] = []
        var wrongLenient: [String] = []
        var differences = 0
        var validAccepted = 0, validCount = 0, invalidRejected = 0, invalidCount = 0
        for row in rows {
            guard let check = checks[row.rule] else {
                unmapped.insert(row.rule)
                continue
            }
            let strict = Self.accepts(check, row.input, .strict)
            let lenient = Self.accepts(check, row.input, .lenient)
            let agree = strict == row.valid
            if row.valid {
                validCount += 1
                if strict { validAccepted += 1 }
            } else {
                invalidCount += 1
                if !strict { invalidRejected += 1 }
            }
            perRule[row.rule, default: (0, 0)].total += 1
            let key = row.rule + "\t" + row.input
            if agree {
                perRule[row.rule]!.agree += 1
                if listed[key] != nil { staleListing.append(key) }
                continue
            }
            differences += 1
            guard let entry = listed[key] else {
                unlisted.append(
                    "\(key)\tbiocommons \(row.valid ? "valid" : "invalid"); strict \(strict ? "accepts" : "rejects"); lenient \(lenient ? "accepts" : "rejects")"
                )
                continue
            }
            if entry.lenient != (lenient ? "accepts" : "rejects") {
                wrongLenient.append("\(key)\tlisted lenient \(entry.lenient), is \(lenient ? "accepts" : "rejects")")
            }
        }
        let agreeing = perRule.values.reduce(0) { $0 + $1.agree }
        let total = perRule.values.reduce(0) { $0 + $1.total }
        print(
            "biocommons grammar_test: \(perRule.count) rules, \(total) strings; strict agrees on \(agreeing) of \(total); valid accepted \(validAccepted) of \(validCount), invalid rejected \(invalidRejected) of \(invalidCount); \(differences) differences, \(differences - unlisted.count) listed with reasons in biocommons-grammar-differences.tsv"
        )
        for rule in perRule.keys.sorted() {
            let r = perRule[rule]!
            print("  \(rule): \(r.agree)/\(r.total)\(r.agree == r.total ? "" : " (differences listed)")")
        }
        for u in unlisted { print("  unlisted difference: \(u)") }
        for s in staleListing { print("  listed but agrees now (remove from fixture): \(s)") }
        for w in wrongLenient { print("  lenient outcome changed: \(w)") }
        if !unmapped.isEmpty { print("  rules without a VarSyn construct: \(unmapped.sorted())") }
        #expect(unmapped.isEmpty)
        #expect(unlisted.isEmpty)
        #expect(staleListing.isEmpty)
        #expect(wrongLenient.isEmpty)
        #expect(total > 700)
    }
}
