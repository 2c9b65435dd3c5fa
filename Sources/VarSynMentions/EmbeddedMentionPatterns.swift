// Generated from Grammars/mentions.pcre2 by the command in Grammars/README-mentions.md; do not edit.
// A test checks this copy equals the file.

/// The text of `Grammars/mentions.pcre2`, compiled into the product so scanning needs no file at run time.
let embeddedMentionPatterns = ####"""
    # VarSyn mention patterns (PCRE2, UTF-8 mode, extended syntax). Normative source; see README-mentions.md.
    #
    # Format: `define NAME = fragment` (one line, no trailing comment) makes a macro used as {NAME};
    # `pattern name` starts a named pattern whose body is the indented lines that follow (whitespace is ignored,
    # `#` starts a comment: write a literal space as {SP}, \x20 or [ ]).
    # All patterns become one alternation `{SCAN_PREFIX}(?:(?<name1>…)|(?<name2>…)|…)`: the leftmost match wins, and
    # at one start the first pattern in this file wins, so specific/long forms come before short ones.
    # Candidates are only proposals: the core parser confirms them later, knowing the form from the pattern name.
    # Named groups inside a pattern (`(?<pos>…)`, see README-mentions.md) tell the mention reader the parts of a form the
    # parser does not read (prose, slash alleles): it rebuilds a standard description from them (`C to T transition at
    # nucleotide 677` -> `c.677C>T`) and the parser confirms that. The scanner compiles them as non-capturing groups; a
    # name may occur more than once in one pattern (in different alternatives).

    # ---------------------------------------------------------------------------------------------------------------
    # Character classes and typography
    # ---------------------------------------------------------------------------------------------------------------
    # space-like: space, no-break space, thin space, narrow no-break space
    define SP = [\x20\x{A0}\x{2009}\x{202F}]
    define OSP = {SP}{0,2}
    # between the words of prose: a space-like character or a line break (reports wrap lines), with the next line's indent
    define WS = (?:[\x20\x{A0}\x{2009}\x{202F}]|\r?\n[\x20\t]{0,8})
    # hyphen-like: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign
    define DASH = [\-\x{2010}\x{2011}\x{2012}\x{2013}\x{2014}\x{2212}]
    define SIGN = (?:[+*]|{DASH})
    # "becomes": > (and its HTML/OCR/typographic look-alikes ® ! › ＞), ASCII and Unicode arrows
    define GT = (?:&gt;|[>\x{AE}!\x{203A}\x{FF1E}])
    define ARROW = (?:{DASH}{1,2}{GT}|{GT}|={1,2}>|[\x{2192}\x{27F6}\x{21D2}])
    # a DNA/RNA base (upper case) and the same allowing lower case
    define NT = [ACGTU]
    define NTL = [ACGTUacgtu]
    # one-letter amino acids; the alternate side may also be a stop (X or *)
    define AA1 = [ACDEFGHIKLMNPQRSTVWY]
    define AA1X = [ACDEFGHIKLMNPQRSTVWYX*]
    define AA3 = (?:A(?:la|rg|s[npx])|Cys|Gl[nuyx]|His|Ile|L(?:eu|ys)|Met|P(?:he|ro|yl)|Se[rc]|T(?:hr|rp|yr)|Val|Xaa|A(?:LA|RG|S[NP])|CYS|GL[NUY]|HIS|ILE|L(?:EU|YS)|MET|P(?:HE|RO)|SER|T(?:HR|RP|YR)|VAL)
    define STOP = (?:Ter|TER|Stop|stop|STOP|X|\*)
    define AA3X = (?:{AA3}|{STOP})
    define AANAME = (?:[Aa]lanine|[Aa]rginine|[Aa]sparagine|[Aa]spartic{SP}acid|[Aa]spartate|[Cc]ysteine|[Gg]lutamine|[Gg]lutamic{SP}acid|[Gg]lutamate|[Gg]lycine|[Hh]istidine|[Ii]soleucine|[Ll]eucine|[Ll]ysine|[Mm]ethionine|[Pp]henylalanine|[Pp]roline|[Ss]erine|[Tt]hreonine|[Tt]ryptophan|[Tt]yrosine|[Vv]aline)
    define AANAMEX = (?:{AANAME}|[Ss]top(?:{SP}codon)?|[Tt]ermination(?:{SP}codon)?)
    # a residue written any way (longest spellings first)
    define AAANY = (?:{AANAME}|{AA3})
    define AAANYX = (?:{AANAMEX}|{AA3X})
    # positions: a number without leading zero; a coding position with sign and intronic offset, spaces allowed
    define NUM = [1-9][0-9]{0,6}
    define CPOS = (?:{SIGN}?{NUM}(?:{OSP}{SIGN}{OSP}[0-9]{1,6})?)
    define CRANGE = (?:{CPOS}(?:{OSP}[_/]{OSP}{CPOS})?)
    # an edit on DNA after a position
    define BASES = (?:{NT}{1,60}|N{1,3})
    define LENGTH = (?:[0-9]{1,6}(?:{OSP}(?:bp|nt|kb|base{SP}pairs?|nucleotides?))?)
    define DELINS = (?:del(?:{BASES}|{LENGTH})?ins(?:{BASES}|{LENGTH})|(?:del|dup|ins|inv)(?:{OSP}(?:{BASES}|\({BASES}\)|{LENGTH}))?(?![a-z]))
    define DNASUB = (?:(?<ref>{NTL}{1,3}){OSP}{ARROW}{OSP}(?<alt>{NTL}{1,3}))
    # Where a candidate may start (checked once per position, before any pattern). The scanner's Swift start filter
    # (StartFilter.swift) accepts a superset of this: keep the two in step. A start is a sign/dash/delta (which may
    # follow a gene name: FOXP3-924A/G, CCR5Δ32), or a word start with a trigger (digit, >, /, ®, arrow) within 16
    # characters, or a word followed by " to ", or "substitution of", "replacement of", "del/dup/ins" + bases.
    # The filter also knows the first words of the patterns below (StartFilter.mayStartPattern and
    # positionMayStartPattern): a pattern starting with a new word needs a rule there, and its examples quoted in a
    # comment here (tests scan every quoted example with and without the filter).
    define SCAN_PREFIX = (?:(?<![A-Za-z0-9])(?=[^\n]{0,16}?[0-9>/\x{AE}\x{203A}\x{FF1E}\x{2192}\x{27F6}\x{21D2}]|[A-Za-z]{1,14}{SP}to{SP}|(?:substitution|replacement){SP}of|(?:del|dup|ins)[ACGT]{3})|(?=[\-+\x{2013}\x{2212}][0-9]|[\x{394}\x{2206}]|(?<=[0-9])[Dd]elta))

    # ---------------------------------------------------------------------------------------------------------------
    # Natural-language changes (before the short forms they contain)
    # ---------------------------------------------------------------------------------------------------------------
    define NTCHANGE = (?:(?<ref>{NTL}{1,3}){OSP}(?:{ARROW}|{SP}to{SP}){OSP}(?<alt>{NTL}{1,3}))
    # "C to T transition at nucleotide 677", "(G --> C) substitution at position 1201", "G>T substitution at nucleotide
    # c.898", "A > G at nucleotide 313", "G>A substitution at nucleotide +1 of intron 2", "GTT-->GCT transition at codon 23"
    pattern nucleotide_change_at_position
        (?<![A-Za-z0-9])
        (?: \( {NTCHANGE} \) | {NTCHANGE} )
        (?: {WS} (?:transitions?|transversions?|substitutions?|changes?|mutations?|polymorphisms?) )?
        {WS} (?:at|in) {WS} (?:the{WS})?
        (?: (?:nucleotide|nt|cDNA{WS}base|base|position|(?<codon>codon))s? {WS} (?:position{WS})? )?
        (?:(?<coord>[cg])\.)? (?<pos>{SIGN}? {NUM}) (?![0-9A-Za-z'\x{2019}\x{2032}])
        (?: {WS}position | {WS}of{WS}(?:the{WS})?intron{WS}(?<intron>[0-9]{1,3}) | {WS}of{WS}(?:the{WS})?exon{WS}(?<exon>[0-9]{1,3}) )?

    # "Phe-->Ser at codon 15", "Ser-->Cys substitution at the codon 326", "methionine-->valine substitution at codon 404"
    pattern residue_change_at_codon
        (?<![A-Za-z0-9])
        (?<aref>{AAANY}) {OSP} (?:{ARROW}|{WS}to{WS}) {OSP} (?<aalt>{AAANYX})
        (?: {WS} (?:amino{WS}acid{WS})? (?:substitutions?|changes?|replacements?|mutations?) )?
        {WS} at {WS} (?:the{WS})? (?:codon|position|residue|amino{WS}acid(?:{WS}position)?) {WS}? (?<pos>{NUM}) (?![0-9A-Za-z])

    # "substitution of proline for glutamine at codon 165", "replacement of arginine by histidine at position 72".
    # "X by/with/to Y" is X -> Y. "substitution of X for Y" is read both ways (X -> Y first, then Y -> X): authors use it
    # both ways (tmVar1: "valine for glutamate (V1188E)", "lysine for glutamic acid at amino acid 325 (E325K)").
    pattern substitution_of_residue
        (?<![A-Za-z0-9])
        (?:substitution|replacement) {WS} of {WS} (?:an?{WS})?
        (?<aref>{AAANYX}) {WS} (?:(?<for>for)|by|with|to) {WS} (?:an?{WS})? (?<aalt>{AAANYX})
        (?: {WS} (?:at|in) {WS} (?:the{WS})? (?:codon|position|residue|amino{WS}acid(?:{WS}position)?) {WS}? (?<pos>{NUM}) (?![0-9A-Za-z]) )?

    # "leucine 269 to phenylalanine", "Thr154 to Met", "Glu 272 to stop", "Ile(146)-->Leu", "Asp 300 Val", "arginine 72 proline",
    # "arginine 124-to-cysteine", "glycine-594-valine"
    pattern residue_position_to_residue
        (?<![A-Za-z0-9])
        (?: (?<aref>{AANAME})
            (?: (?:{SP}|{DASH}) (?<pos>{NUM}) {DASH} (?:to{DASH})?
              | {OSP} \(? (?<pos>{NUM}) \)? {OSP} (?:{ARROW}|{SP}to{SP}|{SP}) {OSP} )
            (?<aalt>{AANAMEX})
          | (?<aref>{AA3}) {OSP} \(? (?<pos>{NUM}) \)? {OSP} (?:{ARROW}|{SP}to{SP}) {OSP} (?<aalt>{AAANYX})
          | (?<aref>{AA3}) {SP} (?<pos>{NUM}) {SP} (?<aalt>{AA3X}) )
        (?![A-Za-z0-9])

    # ---------------------------------------------------------------------------------------------------------------
    # HGVS-like descriptions with a coordinate prefix (stray spaces, arrows, legacy suffixes tolerated)
    # ---------------------------------------------------------------------------------------------------------------
    # optional reference: NM_004006.2: / NM_000492.3(CFTR): / chr11: / LRG_1t1:
    define REFSEQ = (?:(?:[ANXYW][MRPCGTW]_[0-9]{4,9}(?:\.[0-9]{1,3})?|ENS[TGP][0-9]{11}(?:\.[0-9]{1,3})?|LRG_[0-9]{1,5}(?:[tp][0-9]{1,2})?|chr(?:[0-9]{1,2}|[XYM]))(?:\([A-Za-z0-9\-]{1,15}\))?{OSP}:{OSP})

    # "c.1517A>G", "c. 1663 C>A", "c.33 + 2 T-->C", "NM_004006.2:c.76_78delACT", "c.2153_2155delinsTCCTGGTTTA",
    # "g.80_87delT CGCGAAG", "c.304ins(GCG)", "c.T1799A" (ANNOVAR), "c.3849+10kbC>T", "c2403T --> C"
    pattern hgvs_nucleotide
        (?<![A-Za-z0-9])
        (?<refseq>{REFSEQ})? (?:(?<coord>[cgmnr])\.{OSP} | (?<coord>c)(?=[0-9]))
        (?: {NT} {CPOS} {NT} (?![A-Za-z0-9])
          | \(? (?<pos>{CRANGE}) (?:kb)? \)? {OSP}
            (?: (?<ref>{NTL}{1,3}) {OSP} (?:{ARROW}|/) {OSP} (?<alt>{NTL}{1,3})
              | (?<edit>{DELINS}) (?:{SP}?{NT}{1,40}(?![A-Za-z]))?
              | \[ [0-9]{1,3} \]
              | = )
            (?: {SP}? \( [0-9]{1,3} \) )? )

    # "p.Asp506Gly", "p. K237N", "p.(Trp24Cys)", "p.Cys817Valfs X15", "p.S124fsX127", "p.E947stop", "p.T540del",
    # "p.G204_K247del", "p.R97[R,X]", "NP_003997.1:p.P165Q"
    define PAA = (?:{AA3}|{AA1})
    define PTAIL = (?:fs{OSP}(?:{STOP}{OSP})?[0-9]{0,5}|del(?:{AA1}{1,20}(?![a-z]))?|dup|ins(?:{AA3}|{AA1})*|delins(?:{AA3}|{AA1})+|ext{DASH}?{STOP}?[0-9]{0,4}|=|\[{AA1X}(?:,{AA1X})+\])
    define PCHANGE = (?:{PAA}{NUM}(?:_{PAA}{NUM})?(?:(?:{AA3X}|{AA1X}){PTAIL}?|{PTAIL})|=|0\??|\?)
    pattern hgvs_protein
        (?<![A-Za-z0-9])
        {REFSEQ}? p\.{OSP}
        (?: \( {PCHANGE} \) | {PCHANGE} )
        (?![A-Za-z0-9])

    # ---------------------------------------------------------------------------------------------------------------
    # Legacy intron (IVS) notation and "intron N, +5G>A"
    # ---------------------------------------------------------------------------------------------------------------
    define IVSNUM = (?:{DASH}?(?:[0-9]{1,3}|[IVX]{1,5}))
    define IVSEDIT = (?:\({DNASUB}\)|{DNASUB}|(?<ref>{NTL}){OSP}/{OSP}(?<alt>{NTL})|(?<ref>{NTL}){OSP}{DASH}{1,2}{OSP}(?<alt>{NTL})(?![A-Za-z0-9])|{DELINS}|{NT}(?![A-Za-z0-9]))
    # "IVS8+4 A>G", "IVS51 + 1G-->A", "IVS-II-1(G>A)", "IVS10+1, g-->t", "IVS21-2delAG", "IVS1-23T", "IVS9+459, A/G"
    pattern ivs_intron
        (?<![A-Za-z0-9])
        (?:c\.)? IVS {OSP} (?<intron>{IVSNUM}) {OSP} (?<offset>{SIGN} {OSP} [0-9]{1,5}) (?:,?{OSP}) {IVSEDIT}

    # "intron 2, -352G-->A", "intron 9, +15G-->T"
    pattern intron_offset_change
        (?<![A-Za-z0-9])
        intron {SP} (?<intron>[0-9]{1,3}) ,? {SP} (?<offset>{SIGN} [0-9]{1,5}) {OSP} (?:{DNASUB}|(?<ref>{NTL}){OSP}/{OSP}(?<alt>{NTL}))

    # ---------------------------------------------------------------------------------------------------------------
    # Deletion shorthands
    # ---------------------------------------------------------------------------------------------------------------
    # "ΔF508", "delta F508", "DeltaF508", "Delta32", "DeltaG91", "delF508", "Δ32"
    pattern delta_deletion
        (?: (?<![A-Za-z]) (?:[Dd]elta|DELTA) | [\x{394}\x{2206}] )
        {OSP} {DASH}? (?:{AA1}|{NT})? {OSP} [0-9]{1,5}
        (?: {OSP}(?:bp|nt) )?
        (?![A-Za-z0-9])

    # "del F508", "delF508" (residue named after del)
    pattern del_residue
        (?<![A-Za-z0-9])
        del {OSP} {AA1} {NUM} (?![A-Za-z0-9])

    # Before the one-letter protein form: when every letter is a base, the nucleotide reading is the likelier one.
    # An unsigned position has two digits or more, as in protein_one_letter: `C4A` (a gene), `C3G` are names.
    # "C677T", "A3243G", "G-395A", "T-189C", "A 1166C", "C-344 T", "G22 5A", "G6410 by T", "G-1A"
    pattern nucleotide_ref_pos_alt
        (?<![A-Za-z0-9])
        (?: (?<ref>{NT}) (?<pos>{SIGN}? {NUM}) {SP} by {SP} (?<alt>{NT})
          | {NT} (?: (?:{SIGN}{NUM}|[1-9][0-9]{1,6}) (?:{SIGN}[0-9]{1,5})? {SP}? {NT} | {SP} {SIGN}? [1-9][0-9]{1,6} {NT} ) )
        (?![A-Za-z0-9])

    define ALLELECHANGE = (?:(?<ref>{NTL}{1,3}){OSP}(?:{ARROW}|/|{SP}to{SP}){OSP}(?<alt>{NTL}{1,3}))
    # ---------------------------------------------------------------------------------------------------------------
    # Protein changes without p. (three-letter before one-letter; one-letter is the most ambiguous form)
    # ---------------------------------------------------------------------------------------------------------------
    # "Asp506Gly", "Arg72Pro", "Glu23ValfsX16", "Ile262fs", "Arg117Ter", "Val624-Val625del", "Pro165->Gln"
    pattern protein_three_letter
        (?<![A-Za-z0-9])
        (?<pfirst>{AA3} {NUM})
        (?: {DASH}? _? (?<plast>{AA3} {NUM}) (?<pedit>del|dup|ins{AA3}*|delins{AA3}+)
          | {OSP}{ARROW}{OSP} {AA3X}
          | {AA3X} {PTAIL}?
          | {PTAIL} )
        (?![A-Za-z0-9])

    # "V600E", "R117X", "E947stop", "C105Vfs114X", "Y329fs", "F471del", "D201ins", "E746_A750del", "R-2Q"
    pattern protein_one_letter
        (?<![A-Za-z0-9])
        {AA1} {DASH}? [1-9][0-9]{1,6}
        (?: _ {AA1} {NUM} (?:del(?:{AA1}{1,20})?|dup|ins{AA1}{1,20}|delins{AA1}{1,20})
          | (?:{AA1X}|[Ss]top|Ter) (?:fs{OSP}(?:{STOP}{OSP})?[0-9]{0,5}(?:X|\*)?)?
          | fs{OSP}(?:{STOP}{OSP})?[0-9]{0,5}
          | del | ins | dup )
        (?![A-Za-z0-9])

    # ---------------------------------------------------------------------------------------------------------------
    # Nucleotide changes without c. (position and alleles in any order)
    # ---------------------------------------------------------------------------------------------------------------
    # "677 C-->T", "-308 G>A", "1858C/T", "-491 A to T", "+3100 T/G", "-9, A/G", "-369 (C>G)", "-603/604 (GA>AG)",
    # "33 + 2 T-->C", "962 G-A", "IVS-less intronic 267-61 G>C", "-611 (-T)", "-6054 deletion/ATT", "-866 promoter (G/A)"
    pattern position_change
        (?: (?<![A-Za-z0-9.]) | (?={DASH}[0-9]) )
        (?<pos>{CRANGE}) ,? {OSP}
        (?: \( {ALLELECHANGE} \) | {ALLELECHANGE}
          | promoter {OSP} \( {ALLELECHANGE} \)
          | (?<ref>{NT}) {OSP} {DASH} {OSP} (?<alt>{NT})
          | \( {DASH} (?<deleted>{NT}{1,10}) \)
          | (?:deletion|insertion) / {NT}{1,20} )
        (?![A-Za-z0-9])

    # "2393del9", "657del5", "313delT", "1009 delA", "267-61 del 8 bp", "1067-1068 ins 5 bp", "783insG", "899dupC",
    # "1308_1316 dup9", "-134delA", "-652 6N del", "-652 6N ins/del", "AFF344-345ins"
    pattern position_indel
        (?<![A-Za-z0-9.])
        (?:[A-Z]{1,3}(?=[0-9]))? (?<pos>{CRANGE}) {OSP}
        (?: [0-9]N {SP} (?:ins/del|del/ins|del|ins|indel)
          | (?<edit>{DELINS}) (?:{SP}{NT}{1,40}(?![A-Za-z]))? )
        (?![A-Za-z0-9])

    # "del 92 nucleotide -19/+73", "del14b_17b" (exon numbering)
    pattern del_length_at
        (?<![A-Za-z0-9])
        del {OSP} [0-9]{1,5} {OSP} (?:bp|nt|nucleotides?|bases?)? {OSP} {CRANGE}
        (?![A-Za-z0-9])

    # "dup24bp", "del5bp", "ins/del 6 bp", "delTTCA", "-AAGC at -222 to -225"
    pattern length_or_bases_indel
        (?<![A-Za-z0-9])
        (?: (?:del|dup|ins|ins/del|del/ins|indel) {OSP} [0-9]{1,4} {OSP} bp
          | (?:del|dup|ins) {NT}{3,40}
          | {DASH}{NT}{2,40} {SP} at {SP} {SIGN}?{NUM} (?:{SP}to{SP}{SIGN}?{NUM})? )
        (?![A-Za-z0-9])

    # ---------------------------------------------------------------------------------------------------------------
    # Alleles without a position: only with an arrow, or before a word saying what they are
    # ---------------------------------------------------------------------------------------------------------------
    # "codon 787 CAG/CAA", "codon 12 GGT>GAT", "codon 26, GAG-->GCG", "codon (CD)26 GAG-->GAA", "codon 9 (GAC-->TAT)"
    define CODONCHANGE = (?:(?<ref>{NT}{3}){OSP}(?:/|{ARROW}){OSP}(?<alt>{NT}{3}))
    pattern codon_alleles
        (?<![A-Za-z0-9])
        (?<codon>codon) {SP} (?:\(CD\){OSP})? (?<pos>{NUM}) ,? {OSP} (?: \( {CODONCHANGE} \) | {CODONCHANGE} )
        (?![A-Za-z0-9])

    # "T/C704", "A/C1166", "T/C-344" (alleles before the position)
    pattern alleles_then_position
        (?<![A-Za-z0-9])
        (?<ref>{NT}) / (?<alt>{NT}) (?<pos>{SIGN}? {NUM})
        (?![A-Za-z0-9])

    # "C-->T", "G --> C", "AAG-->GAG", "Val-->Ala", "C>T"
    pattern bare_change_with_arrow
        (?<![A-Za-z0-9])
        (?: {NTL}{1,3} {OSP} {ARROW} {OSP} {NTL}{1,3} | {AA3} {OSP} {ARROW} {OSP} {AA3X} )
        (?![A-Za-z0-9])

    # "G/A polymorphism", "C/T substitution", "A/G single nucleotide polymorphism", "AGCTCCTCCTTCTC/-"
    pattern bare_slash_alleles
        (?<![A-Za-z0-9/])
        (?: {NT} / {NT} (?=,?{SP}(?:single{SP}nucleotide|SNP|substitution|polymorphism|transition|transversion|variant|allele|genotype|change|mutation|in{SP}exon|resulting))
          | {NT}{4,40} / {DASH} )
        (?![A-Za-z0-9/])

    # ---------------------------------------------------------------------------------------------------------------
    # Database identifiers and genomic shorthands
    # ---------------------------------------------------------------------------------------------------------------
    # "rs1801133", "rs 1801133", "reference SNP no. 4646"
    pattern rs_id
        (?<![A-Za-z0-9])
        (?: rs {SP}? [0-9]{3,12} | reference{SP}SNP{SP}(?:no\.|number|ID){OSP}[0-9]{3,12} )
        (?![0-9])

    # "chr11:4000000C>A", "chr11:4,000,000 C>T", "11-4000000-C-A" (gnomAD), "11:4000000:C:A",
    # "NC_000011.10:4000000:1:A" (SPDI)
    pattern genomic_shorthand
        (?<![A-Za-z0-9])
        (?: chr(?:[0-9]{1,2}|[XYM]) : [0-9]{1,3}(?:,[0-9]{3})+ {OSP} {NT}+ {OSP} {ARROW} {OSP} {NT}+
          | chr(?:[0-9]{1,2}|[XYM]) : {NUM}[0-9]{0,3} {OSP} {NT}+ {OSP} {ARROW} {OSP} {NT}+
          | (?:chr)?(?:[0-9]{1,2}|[XYM]) - {NUM}[0-9]{0,3} - {NT}{1,50} - {NT}{1,50}
          | (?:chr)?(?:[0-9]{1,2}|[XYM]) : {NUM}[0-9]{0,3} : {NT}{1,50} : {NT}{1,50}
          | N[CTW]_[0-9]{6,9}\.[0-9]{1,3} : [0-9]{1,10} : (?:[0-9]{1,6}|{NT}{1,50}) : {NT}{0,50} )
        (?![A-Za-z0-9])
    """####
