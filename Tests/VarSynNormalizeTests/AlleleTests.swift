import Testing

@testable import VarSynNormalize
@testable import VarSynReference

/// Alleles, positions past a transcript's ends and r. on the spliced RNA, on the real RefSeqGene records of the
/// mutalyzer set (each record served as a sequence of its own, its transcripts placed on it).
@Suite struct AlleleTests {
    static func normalizer(_ record: String) throws -> Normalizer<InMemoryReferenceProvider> {
        try MutalyzerRegressionTests.normalizer(record)
    }

    static func code(_ text: String, _ n: Normalizer<InMemoryReferenceProvider>) -> NormalizeError.Code? {
        do {
            _ = try n.normalize(text)
            return nil
        } catch {
            return error.code
        }
    }

    /// Adjacent changes are one delins, and the allele has that delins' key (so `dedupe` groups the two spellings).
    @Test func adjacentChangesMergeIntoOneDelins() throws {
        let n = try Self.normalizer("NG_012337.1")
        let allele = try n.normalize("NG_012337.1:g.[7109T>A;7110del]")
        let single = try n.normalize("NG_012337.1:g.7109_7110delinsA")
        #expect(allele.hgvsG == "NG_012337.1:g.7109_7110delinsA")
        #expect(allele.key != nil && allele.key == single.key)
        #expect(allele.phase == .cis && allele.alleles.map(\.count) == [1])
        // Insertions on both sides of a deleted base, in any order: one delins.
        var keys: Set<String> = []
        for order in [
            "104_105insA;105del;105_106insC", "105_106insC;104_105insA;105del", "105del;105_106insC;104_105insA",
        ] {
            let v = try n.normalize("NG_012337.1:g.[\(order)]")
            #expect(v.hgvsG == "NG_012337.1:g.105delinsAC", "\(order)")
            keys.insert(v.key ?? "")
        }
        #expect(keys.count == 1)
        // An insertion next to a deleted base that restores it: a substitution (c. on the minus strand).
        #expect(try n.normalize("NG_012337.1(NM_012459.2):c.[8del;7_8insC]").hgvsC == "NM_012459.2:c.8A>C")
        // `=` members drop out.
        #expect(try n.normalize("NG_012337.1(NM_003002.2):c.[274=;275del]").hgvsC == "NM_003002.2:c.275del")
    }

    /// Changes separated by unchanged bases stay separate, each 3'-shifted; the c. list follows the transcript's
    /// order (minus strand: reverse of the g. order).
    @Test func separateChangesAreShiftedIndividually() throws {
        let n = try Self.normalizer("NG_012337.1")
        let v = try n.normalize("NG_012337.1(NM_012459.2):c.[10del;23_25del;36_37insAAT]")
        #expect(v.hgvsC == "NM_012459.2:c.[10del;23_25del;37_38insATA]")
        #expect(v.hgvsG == "NG_012337.1:g.[4886_4887insATT;4898_4900del;4913del]")
        #expect(v.alleles.first?.count == 3)
        let key = try #require(v.key)
        #expect(key.hasPrefix("[") && key.split(separator: ";").count == 3)
        // Written in another order, or with 5' placements: the same key.
        let other = try n.normalize("NG_012337.1(NM_012459.2):c.[36_37insAAT;10del;23_25del]")
        #expect(other.key == key)

        let s = try Self.normalizer("NG_017013.2")
        let a = try s.normalize("NG_017013.2:g.[16985A>T;17011_17012del]")
        #expect(a.hgvsG == "NG_017013.2:g.[16985A>T;17013_17014del]")
        #expect(a.key == (try s.normalize("NG_017013.2:g.[16985A>T;17013_17014del]")).key)
    }

    /// A delins replacing bases one for one with an unchanged base inside is the same haplotype as its
    /// substitutions written as an allele: one key (mutalyzer writes both as `g.[17415C>G;17417A>G]`).
    @Test func substitutionBlocksShareTheAllelesKey() throws {
        let n = try Self.normalizer("NG_017013.2")
        let delins = try n.normalize("NG_017013.2:g.17415_17417delinsGCG")
        let allele = try n.normalize("NG_017013.2:g.[17415C>G;17417A>G]")
        #expect(delins.hgvsG == "NG_017013.2:g.17415_17417delinsGCG")
        #expect(delins.spdi == "NG_017013.2:17414:CCA:GCG")
        #expect(delins.key == "[NG_017013.2:17414:C:G;NG_017013.2:17416:A:G]")
        #expect(allele.key == delins.key)
        // Adjacent substitutions are one block: the delins' own SPDI.
        let adjacent = try n.normalize("NG_017013.2:g.[17415C>G;17416C>T]")
        #expect(adjacent.key == adjacent.spdi && adjacent.hgvsG == "NG_017013.2:g.17415_17416delinsGT")
    }

    /// A change that the genome's 3' rule slides onto a neighbour merges with it even when the transcript's 3' rule
    /// keeps them apart (TP53, minus strand, c.98_102 is CCCCC): one description and one key on both references,
    /// and changes that cancel out leave the range unchanged (they were written as the first one, a dup).
    @Test func changesMergeWhenEitherOrientationJoinsThem() throws {
        let n = Normalizer(table: try ReferenceTable.embeddedDefault())
        let allele = try n.normalize("NM_000546.5:c.[98C>T;102del]")
        let delins = try n.normalize("NM_000546.5:c.98_99delinsT")
        #expect(allele.hgvsC == "NM_000546.5:c.98_99delinsT")
        #expect(allele.hgvsG == "NC_000017.11:g.7676270_7676271delinsA")
        #expect(allele.key != nil && allele.key == delins.key)
        let cancelled = try n.normalize("NM_000546.5:c.[102dup;100del]")
        #expect(cancelled.hgvsC == "NM_000546.5:c.100_102=")
        // Two deletions in the run are one two-base deletion.
        #expect(
            try n.normalize("NM_000546.5:c.[100del;102del]").key == (try n.normalize("NM_000546.5:c.101_102del")).key)
    }

    /// The p. of a cis allele is the consequence of its changes together; r. is one predicted allele.
    @Test func cisAlleleProteinAndRNA() throws {
        let n = try Self.normalizer("NG_012337.1")
        let v = try n.normalize("NG_012337.1(NM_003002.2):c.[274G>T;278A>G]")
        #expect(v.hgvsC == "NM_003002.2:c.[274G>T;278A>G]")
        #expect(v.hgvsG == "NG_012337.1:g.[7125G>T;7129A>G]")
        #expect(v.hgvsP == "NP_002993.1:p.(Asp92_Tyr93delinsTyrCys)")
        #expect(v.hgvsR == "NM_003002.2:r.([274g>u;278a>g])")
        #expect(v.alleles.first?.map(\.hgvsP) == ["NP_002993.1:p.(Asp92Tyr)", "NP_002993.1:p.(Tyr93Cys)"])
    }

    /// p. of a cis allele: a UTR change has no effect of its own, changes far apart are listed, and nothing after a
    /// frameshift is in the protein.
    @Test func cisAlleleProteinGroupsChangesByCodon() throws {
        let n = try Self.normalizer("NG_012337.1")
        let utr = try n.normalize("NG_012337.1(NM_003002.2):c.[274G>T;*120del]")
        #expect(utr.hgvsC == "NM_003002.2:c.[274G>T;*120del]" && utr.hgvsP == "NP_002993.1:p.(Asp92Tyr)")
        let cache = MutalyzerAgreementTests.Cache()
        let alone = try MutalyzerAgreementTests.context(for: "NM_003002.2:c.1del", cache)
        let t = Normalizer(provider: alone.provider, protein: ProteinMapper(alone.provider))
        let apart = try t.normalize("NM_003002.2:c.[274G>T;278A>G]")
        #expect(apart.hgvsP == "NP_002993.1:p.(Asp92_Tyr93delinsTyrCys)")
        #expect(apart.key == "[NM_003002.2:334:G:T;NM_003002.2:338:A:G]")
        let shifted = try t.normalize("NM_003002.2:c.[100del;274G>T]")
        #expect(shifted.hgvsC == "NM_003002.2:c.[102del;274G>T]")
        #expect(shifted.hgvsP == "NP_002993.1:p.(Leu35PhefsTer51)")
    }

    /// A copy that is unknown (`[?]`) or absent (`[0]`) keeps its symbol in every form and in the key.
    @Test func unknownAndAbsentCopies() throws {
        let n = try Self.normalizer("NG_012337.1")
        let unknown = try n.normalize("NG_012337.1(NM_003002.2):c.[274G>T];[?]")
        #expect(unknown.hgvsC == "NM_003002.2:c.[274G>T];[?]" && unknown.hgvsG == "NG_012337.1:g.[7125G>T];[?]")
        #expect(unknown.hgvsP == "NP_002993.1:p.[(Asp92Tyr)];[?]")
        #expect(unknown.key == "[?];[NG_012337.1:7124:G:T]")
        #expect(try n.normalize("NG_012337.1(NM_003002.2):c.[274G>T];[0]").key == "[0];[NG_012337.1:7124:G:T]")
    }

    /// Overlapping changes are refused (mutalyzer EOVERLAP), as are stated bases that differ from the reference.
    @Test func overlappingChangesAreInvalid() throws {
        let n = try Self.normalizer("NG_012337.1")
        #expect(Self.code("NG_012337.1:g.[4_5insT;4_5insA]", n) == .invalid)
        #expect(Self.code("NG_012337.1(NM_003002.2):c.[274_275delinsT;274_275insA]", n) == .invalid)
        #expect(Self.code("NG_012337.1:g.[7125del;7125_7126del]", n) == .invalid)
        #expect(Self.code("NG_012337.1(NM_003002.2):c.[274A>T;278A>G]", n) == .referenceMismatch)
        // An insertion at the edge of a deletion is not an overlap.
        #expect(Self.code("NG_012337.1(NM_003002.2):c.[273_274insT;274G>T;274_275insA]", n) == nil)
    }

    /// Trans and unknown-phase keys do not depend on the order written, and differ from the cis key.
    @Test func phaseIsPartOfTheKey() throws {
        let n = try Self.normalizer("NG_012337.1")
        let trans = try n.normalize("NG_012337.1:g.[7125G>T];[7129A>G]")
        let swapped = try n.normalize("NG_012337.1:g.[7129A>G];[7125G>T]")
        let cis = try n.normalize("NG_012337.1:g.[7125G>T;7129A>G]")
        let unknown = try n.normalize("NG_012337.1:g.[7129A>G(;)7125G>T]")
        #expect(trans.phase == .trans && trans.alleles.count == 2)
        #expect(trans.hgvsG == "NG_012337.1:g.[7125G>T];[7129A>G]")
        #expect(trans.key != nil && trans.key == swapped.key)
        let unknownSwapped = try n.normalize("NG_012337.1:g.[7125G>T(;)7129A>G]")
        #expect(unknown.phase == .unknown && unknown.key == unknownSwapped.key)
        #expect(Set([trans.key, cis.key, unknown.key]).count == 3)
        // An unchanged copy is `=` in the key however it is written.
        let written = try n.normalize("NG_012337.1:g.[7125G>T];[7125=]")
        let bare = try n.normalize("NG_012337.1:g.[7125G>T];[=]")
        #expect(written.key != nil && written.key == bare.key)
    }

    /// Alleles whose members name their own reference, `[ACC:c.a];[ACC:c.b]`, are the same alleles in trans; p. of
    /// alleles in trans lists each copy's prediction.
    @Test func perReferenceAllelesAreInTrans() throws {
        let n = try Self.normalizer("NG_012337.1")
        let written = try n.normalize("[NG_012337.1(NM_003002.2):c.274G>T];[NG_012337.1(NM_003002.2):c.278A>G]")
        let shared = try n.normalize("NG_012337.1(NM_003002.2):c.[274G>T];[278A>G]")
        #expect(written.phase == .trans && written.key != nil && written.key == shared.key)
        #expect(written.hgvsC == "NM_003002.2:c.[274G>T];[278A>G]")
        #expect(shared.hgvsP == "NP_002993.1:p.[(Asp92Tyr)];[(Tyr93Cys)]")
        #expect(shared.hgvsR == "NM_003002.2:r.([274g>u];[278a>g])")
    }

    /// r. is on the spliced RNA: the 3' rule crosses the exon junction (c.568 and c.569, the first base of the next
    /// exon, are the same base), while c. stays in its exon; r. predicted from DNA is parenthesized.
    @Test func rnaShiftsAcrossTheExonJunction() throws {
        let n = try Self.normalizer("NG_008835.1")
        let v = try n.normalize("NG_008835.1(NM_022153.2):c.568del")
        #expect(v.hgvsC == "NM_022153.2:c.568del")
        #expect(v.hgvsR == "NM_022153.2:r.(569del)")
        // Observed RNA input keeps its r. unparenthesized.
        #expect(try n.normalize("NG_008835.1(NM_022153.2):r.569del").hgvsR == "NM_022153.2:r.569del")
    }

    /// Positions past a transcript's ends are placed on the genome the transcript lies on (`c.*3668`, `c.-19364`,
    /// `n.616+3443`), listed for the transcripts of a genomic record, and refused clearly without a genome.
    @Test func positionsPastTheTranscriptEnds() throws {
        let n = try Self.normalizer("NG_012337.1")
        let inside = try n.normalize("NG_012337.1(NM_012459.2):c.129G>T")
        #expect(inside.candidates.contains("NM_001082969.1:c.*3668C>A"))
        let past = try n.normalize("NG_012337.1(NM_001082969.1):c.*3668C>A")
        #expect(past.hgvsG == inside.hgvsG && past.key == inside.key)
        #expect(past.hgvsP == "NP_001076438.1:p.(=)")

        let c = try Self.normalizer("NG_007485.1")
        let coding = try c.normalize("NG_007485.1(NM_000077.4):c.161_162insATC")
        #expect(coding.candidates.contains("NR_024274.1:n.616+3443_616+3444insGAT"))
        let noncoding = try c.normalize("NG_007485.1(NR_024274.1):n.616+3443_616+3444insGAT")
        #expect(noncoding.hgvsG == coding.hgvsG)

        // A transcript record without a genome: a clear error naming the transcript's span.
        let cache = MutalyzerAgreementTests.Cache()
        let alone = try MutalyzerAgreementTests.context(for: "NM_003002.2:c.1del", cache)
        let t = Normalizer(provider: alone.provider)
        do {
            let v = try t.normalize("NM_003002.2:c.*900del")
            Issue.record("accepted as \(v.hgvsC ?? "?")")
        } catch {
            #expect(error.code == .outOfBounds)
            #expect(error.message.contains("spans c.-61_*841"), "\(error.message)")
        }
    }
}
