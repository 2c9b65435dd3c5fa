// The rules of Grammars/hgvs.ebnf and Grammars/shorthand.ebnf, as the parser names them. In debug builds the
// parser records each rule it enters so a test can prove every rule is exercised; release builds compile the
// recording away.

/// A rule of the normative grammar. The raw value is the rule's name in the EBNF files.
enum GrammarRule: String, CaseIterable, Sendable {
    // hgvs.ebnf — top level
    case hgvs, description, multiReferenceAlleles = "multi_ref_alleles", adjoinedTranscript = "adjoined_transcript"
    case alternativeDescriptions = "alternative_descriptions"
    // references
    case reference, accession, selector
    // bodies and alleles
    case body, alternatives, unknownPhase = "unknown_phase", alleleList = "allele_list", products, junction, allele
    case predicted, special, repeatAlleles = "repeat_alleles", supernumeraryAllele = "supernumerary_allele"
    // nucleotide variants and locations
    case variant, mosaic, location, range, uncertainSpan = "uncertain_span", genomicPosition = "g_pos"
    case transcriptPosition = "c_pos", utrPosition = "utr_pos", offset, number
    // nucleotide edits
    case edit = "na_edit", substitution = "subst", deletion = "del", duplication = "dup", inversion = "inv"
    case insertion = "ins", deletionInsertion = "delins", conversion = "con", repeatUnits = "repeat"
    case copyNumber = "copy_number", identity, methylation, supernumerary = "sup", statedContent = "stated"
    case insert, insertList = "insert_list", insertItem = "insert_item", remoteRange = "remote_range", count
    case sequence = "seq"
    // protein
    case proteinVariant = "p_variant", proteinLocation = "p_loc", proteinPosition = "p_pos", aminoAcid = "aa"
    case proteinEdit = "p_edit", proteinSubstitution = "p_subst", proteinAlternatives = "p_alternatives"
    case proteinUnknown = "p_unknown", proteinIdentity = "p_identity", proteinDeletion = "p_del"
    case proteinDuplication = "p_dup", proteinInsertion = "p_ins", proteinDeletionInsertion = "p_delins"
    case frameshift = "fs", stop = "ter", proteinExtension = "ext", proteinInsert = "p_insert"
    case proteinRepeat = "p_repeat"
    // shorthand.ebnf
    case shorthand, genePrefix = "gene_prefix", typography, arrow, slashAllele = "slash_allele"
    case legacyStop = "legacy_stop", legacyLength = "legacy_length", singlePositionInsertion = "single_position_ins"
    case legacyFrameshiftStop = "legacy_fs_stop"
    case rsid, compactedDescription = "compacted_description", prefixedBody = "prefixed_body", chromosomeForms =
        "chromosome_forms", vcf, spdi
    case intronNumbering = "ivs", exonLevel = "exon_level", delta, referencePositionAlternative = "ref_pos_alt"
    case bareProtein = "bare_protein", bareCoding = "bare_coding"
}

#if DEBUG
    /// Records the grammar rules the parser enters (debug builds only). Set with `RuleTrace.$current.withValue`.
    final class RuleTrace: @unchecked Sendable {
        var entered = Set<GrammarRule>()
        @TaskLocal static var current: RuleTrace?
    }
#endif

extension Parser {
    /// Record that the parser entered `rule` (debug builds; nothing in release builds).
    @inline(__always)
    func trace(_ rule: GrammarRule) {
        #if DEBUG
            RuleTrace.current?.entered.insert(rule)
        #endif
    }
}

/// Record a rule outside a parser instance.
@inline(__always)
func traceRule(_ rule: GrammarRule) {
    #if DEBUG
        RuleTrace.current?.entered.insert(rule)
    #endif
}
