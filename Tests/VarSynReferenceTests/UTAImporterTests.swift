import Testing

@testable import VarSynReference

@Suite struct UTAImporterTests {
    @Test func importsAll481LRGTranscripts() throws {
        let data = try Fixtures.utaImporter.load()
        #expect(data.transcripts.count == 481)
        #expect(Set(data.transcripts.map(\.gene)).count == 427)
        #expect(data.transcripts.allSatisfy { $0.alignment(on: .grch37) != nil })
    }

    @Test func stim1FromUTA() throws {
        let data = try Fixtures.utaImporter.load()
        let stim1 = try #require(data.transcripts.first { $0.accession == "NM_003156.3" })
        #expect(stim1.alternateAccessions == ["LRG_164t1"])
        #expect(stim1.proteinAccession == "NP_003147.2")
        #expect(stim1.genomicReference == "NG_016277.1")
        #expect(stim1.exons.count == 12)
        #expect(stim1.cds == TranscriptInterval(hgvsStart: 569, hgvsEnd: 2626))
        #expect(stim1.length == 4038)
        let grch37 = try #require(stim1.alignment(on: .grch37))
        #expect(grch37.chromosome == "NC_000011.9")
        #expect(grch37.exons[3].genomic == GenomicInterval(hgvsStart: 4_076_756, hgvsEnd: 4_076_867))
    }

    @Test func badRecordNamesFileLineAndField() throws {
        let path = Fixtures.temporaryPath("bad-txinfo.tsv")
        try "origin\tac\thgnc\tcds_se_i\texons_se_i\nLRG\tLRG_164t1\tSTIM1\t568-2626\t0,707\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        let importer = UTAImporter(
            sequences: Fixtures.data("uta-lrg/lrg.sequences.fasta.bgz"),
            exonSet: Fixtures.data("uta-lrg/lrg.exonset.gz"), transcriptInfo: path)
        #expect {
            _ = try importer.load()
        } throws: { error in
            guard let e = error as? ReferenceError else { return false }
            return e.file == path && e.line == 2 && e.field == "cds_se_i" && e.code == .badRecord
        }
    }

    @Test func grch38LiftSkipsContradictedGenes() throws {
        let (alignments, skipped) = try LRGDerivedImporter(path: Fixtures.data("lrg-derived/lrg_transcripts.tsv"))
            .grch38Alignments()
        #expect(alignments["LRG_164t1"]?.chromosome == "NC_000011.10")
        #expect(alignments["LRG_62t1"] == nil)  // FOXP3
        #expect(skipped["LRG_62t1"]?.contains("ClinVar") == true)
        #expect(alignments.count + skipped.count == 481)
    }
}
