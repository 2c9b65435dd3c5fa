import Testing

@testable import VarSynReference

@Suite struct CDotImporterTests {
    @Test func brca1TranscriptsOnBothAssemblies() throws {
        let data = try CDotImporter(path: Fixtures.data("cdot/cdot-0.2.21.refseq.grch37_grch38.brca1.json")).load()
        #expect(data.transcripts.count == 388)
        let t = try #require(data.transcripts.first { $0.accession == "NM_007294.3" })
        #expect(t.gene == "BRCA1")
        #expect(t.cds == TranscriptInterval(hgvsStart: 233, hgvsEnd: 5824))
        #expect(t.exons.count == 23)
        #expect(t.alignment(on: .grch37)?.chromosome == "NC_000017.10")
        #expect(t.alignment(on: .grch38)?.strand == .minus)
        // Transcript order: exon 1 first, at the highest genomic position on the minus strand.
        #expect(t.alignment(on: .grch38)?.exons.first?.transcript.start == 0)
        // Same exons as the LRG XML for BRCA1 (LRG_292t1 = NM_007294.3) on GRCh38.
        let xml = try LRGXMLImporter(path: Fixtures.data("lrg-xml/LRG_292.xml")).load()
        let x = try #require(xml.transcripts.first)
        #expect(x.exons == t.exons)
        #expect(x.alignment(on: .grch38)?.exons.map(\.genomic) == t.alignment(on: .grch38)?.exons.map(\.genomic))
        #expect(x.alignment(on: .grch37)?.exons.map(\.genomic) == t.alignment(on: .grch37)?.exons.map(\.genomic))
    }

    @Test func gappedAlignmentAndSequences() throws {
        let data = try CDotImporter(
            path: Fixtures.data("cdot/sacgf_cdot.refseq.grch37.json"),
            sequences: Fixtures.data("cdot/sacgf_transcript_sequences.json")
        ).load()
        let t = try #require(data.transcripts.first { $0.accession == "NM_001637.3" })
        let gapped = try #require(t.alignment(on: .grch37)?.exons.last)
        #expect(gapped.cigar == "196M1I61M1I181M")
        #expect(gapped.transcript.length == gapped.genomic.length + 2)
        let cds = try #require(t.cds)
        #expect(String(decoding: t.sequence[cds.start..<(cds.start + 3)], as: UTF8.self) == "ATG")
        let table = try Fixtures.roundTrip(data, name: "cdot.vstable")
        #expect(
            table.transcript(exactly: "NM_001637.3")?.alignment(on: .grch37)?.exons.last?.cigar == "196M1I61M1I181M")
    }
}

@Suite struct GFFImporterTests {
    @Test func refSeqGFF3WithCDNAMatchGaps() throws {
        let data = try GFFImporter(
            path: Fixtures.data("gff-gtf-excerpts/refseq_test.GRCh38.p13_genomic.109.20210514.gff")
        ).load()
        let alms1 = try #require(data.transcripts.first { $0.accession == "NM_015120.4" })
        #expect(alms1.gene == "ALMS1")
        #expect(alms1.hgncID == 428)
        #expect(alms1.exons.count == 23)
        let a = try #require(alms1.alignment(on: .grch38))
        #expect(a.chromosome == "NC_000002.12")
        #expect(a.exons.contains { !$0.cigar.isEmpty })
        // BRCA1 NM_007294.4 from GFF3 and NM_007294.3 from the LRG XML share the coding exons' genomic positions.
        let brca1 = try #require(data.transcripts.first { $0.accession == "NM_007294.4" })
        #expect(brca1.proteinAccession == "NP_009225.1")
        let xml = try #require(try LRGXMLImporter(path: Fixtures.data("lrg-xml/LRG_292.xml")).load().transcripts.first)
        #expect(
            brca1.alignment(on: .grch38)?.exons.dropFirst().map(\.genomic)
                == xml.alignment(on: .grch38)?.exons.dropFirst().map(\.genomic))
        #expect(brca1.cds?.length == xml.cds?.length)
    }

    @Test func ensemblGTFMatchesMANEExons() throws {
        let data = try GFFImporter(path: Fixtures.data("gff-gtf-excerpts/ensembl_test.GRCh38.111.gtf")).load()
        let t = try #require(data.transcripts.first { $0.accession == "ENST00000641515.2" })
        #expect(t.gene == "OR4F5")
        #expect(t.alignment(on: .grch38)?.chromosome == "NC_000001.11")
        #expect(
            t.alignment(on: .grch38)?.exons.map(\.genomic) == [
                GenomicInterval(hgvsStart: 65419, hgvsEnd: 65433), GenomicInterval(hgvsStart: 65520, hgvsEnd: 65573),
                GenomicInterval(hgvsStart: 69037, hgvsEnd: 71585),
            ])
        #expect(t.cds?.length.isMultiple(of: 3) == true)
        #expect(t.proteinAccession.hasPrefix("ENSP"))
    }

    @Test func refSeqGeneRecordWithFASTA() throws {
        let data = try GFFImporter(
            path: Fixtures.data("mutalyzer-refs/NG_012337.1.gff3"),
            fasta: [Fixtures.data("mutalyzer-refs/NG_012337.1.fasta")]
        ).load()
        #expect(data.segments.map(\.accession) == ["NG_012337.1"])
        let t = try #require(data.transcripts.first { $0.accession == "NM_003002.2" })
        #expect(t.gene == "SDHD")
        let cds = try #require(t.cds)
        #expect(String(decoding: t.sequence[cds.start..<(cds.start + 3)], as: UTF8.self) == "ATG")
    }

    /// `NG_012337.1(NM_003002.2):c.274G>T` needs the transcript's exons in the NG_ record's own coordinates.
    @Test func refSeqGeneRecordKeepsTheTranscriptPlacementOnTheRecord() throws {
        let data = try GFFImporter(
            path: Fixtures.data("mutalyzer-refs/NG_012337.1.gff3"),
            fasta: [Fixtures.data("mutalyzer-refs/NG_012337.1.fasta")]
        ).load()
        let sdhd = try #require(data.transcripts.first { $0.accession == "NM_003002.2" })
        let placement = try #require(sdhd.recordPlacement)
        #expect(sdhd.genomicReference == "NG_012337.1" && placement.strand == .plus)
        #expect(
            placement.exons.map(\.genomic) == [
                GenomicInterval(hgvsStart: 5001, hgvsEnd: 5113), GenomicInterval(hgvsStart: 6011, hgvsEnd: 6127),
                GenomicInterval(hgvsStart: 7021, hgvsEnd: 7165), GenomicInterval(hgvsStart: 12959, hgvsEnd: 13948),
            ])
        // c.274 is n.335 (CDS from n.62): exon 3 starts at n.287 = g.7021, so c.274 = g.7125 (mutalyzer's answer).
        let exon3 = placement.exons[2]
        #expect(exon3.genomic.start + (334 - exon3.transcript.start) == 7124)
        let genome = try #require(data.segments.first { $0.accession == "NG_012337.1" })
        #expect(genome.sequence[7124] == UInt8(ascii: "G") && sdhd.sequence[334] == UInt8(ascii: "G"))
        // Minus strand: TIMM8B exon 1 is the higher one.
        let timm8b = try #require(data.transcripts.first { $0.accession == "NM_012459.2" })
        #expect(timm8b.recordPlacement?.strand == .minus)
        #expect(timm8b.recordPlacement?.exons.first?.genomic == GenomicInterval(hgvsStart: 4794, hgvsEnd: 4952))
        // The Splign `gbkey=exon` features hanging off gene-TIMM8B are not a transcript of their own.
        #expect(!data.transcripts.contains { $0.accession == "TIMM8B" || $0.accession == "gene-TIMM8B" })
    }

    @Test func transcriptRecordAnnotatedOnItself() throws {
        let data = try GFFImporter(
            path: Fixtures.data("mutalyzer-refs/NM_003002.4.gff3"),
            fasta: [Fixtures.data("mutalyzer-refs/NM_003002.4.fasta")]
        ).load()
        let t = try #require(data.transcripts.first)
        #expect(t.accession == "NM_003002.4")
        #expect(t.cds == TranscriptInterval(hgvsStart: 36, hgvsEnd: 515))
        #expect(String(decoding: t.sequence[35..<38], as: UTF8.self) == "ATG")
    }

    @Test func badLineNamesFileLineAndField() throws {
        let path = Fixtures.temporaryPath("bad.gff")
        try "##gff-version 3\nNC_000001.11\tRefSeq\texon\tten\t20\t.\t+\t.\tParent=rna-X\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect { _ = try GFFImporter(path: path).load() } throws: { error in
            guard let e = error as? ReferenceError else { return false }
            return e.line == 2 && e.field == "start"
        }
    }
}

@Suite struct GeneIndexImporterTests {
    @Test func maneSummaryAndAssemblies() throws {
        let mane = try MANESummaryImporter(path: Fixtures.data("mane/MANE.GRCh38.v1.5.summary.txt.gz")).load()
        #expect(mane.genes.count == 19_363)
        let stim1 = try #require(mane.genes.first { $0.symbol == "STIM1" })
        #expect(stim1.hgncID == 11386 && stim1.maneRefSeq == "NM_001382567.1")
        let grch37 = try AssemblyImporter(path: Fixtures.data("assemblies/GRCh37.p13.json.gz")).load()
        #expect(grch37.chromosomes.first { $0.name == "11" }?.accession == "NC_000011.9")
        #expect(Assembly.grch38.chromosomeAccession(name: "chr11") == "NC_000011.10")
        for c in grch37.chromosomes where c.name != "MT" {
            #expect(Assembly.grch37.chromosomeAccession(name: c.name) == c.accession)
            #expect(Assembly(chromosomeAccession: c.accession) == .grch37)
        }
        let grch38 = try AssemblyImporter(path: Fixtures.data("assemblies/GRCh38.p14.json.gz")).load()
        for c in grch38.chromosomes where c.name != "MT" {
            #expect(Assembly.grch38.chromosomeAccession(name: c.name) == c.accession)
        }
    }

    @Test func maneExonsAgreeWithLRGWhereTheTranscriptIsTheSame() throws {
        let mane = try MANEExonsImporter(path: Fixtures.data("lrg-derived/mane_grch38_exons.tsv.gz")).load()
        #expect(mane.transcripts.count >= 19_035)
        // BRCA1 MANE Select is NM_007294.4; its coding exons 2..23 match the LRG XML's NM_007294.3 on GRCh38.
        let brca1 = try #require(mane.transcripts.first { $0.accession == "NM_007294.4" })
        let xml = try #require(try LRGXMLImporter(path: Fixtures.data("lrg-xml/LRG_292.xml")).load().transcripts.first)
        #expect(
            brca1.alignment(on: .grch38)?.exons.dropFirst().dropLast().map(\.genomic)
                == xml.alignment(on: .grch38)?.exons.dropFirst().dropLast().map(\.genomic))
    }

    @Test func gencodeExonsAgreeWithMANEAndGTF() throws {
        let gencode = try GencodeExonImporter(
            exons: Fixtures.data("gencode-mane/hg38_exons.bed.gz"),
            genes: Fixtures.data("gencode-mane/hg38_genes.tsv.gz")
        ).load()
        #expect(gencode.transcripts.count == 19_061)
        let stim1 = try #require(gencode.transcripts.first { $0.accession == "ENST00000526596.2" })
        #expect(stim1.exons.count == 13)
        #expect(stim1.alignment(on: .grch38)?.strand == .plus)
        let mane = try MANEExonsImporter(path: Fixtures.data("lrg-derived/mane_grch38_exons.tsv.gz")).load()
        let maneSTIM1 = try #require(mane.transcripts.first { $0.accession == "ENST00000526596.2" })
        #expect(maneSTIM1.alignment(on: .grch38)?.exons == stim1.alignment(on: .grch38)?.exons)
        let gtf = try GFFImporter(path: Fixtures.data("gff-gtf-excerpts/ensembl_test.GRCh38.111.gtf")).load()
        let or4f5 = try #require(gtf.transcripts.first { $0.accession == "ENST00000641515.2" })
        #expect(
            gencode.transcripts.first { $0.accession == "ENST00000641515.2" }?.alignment(on: .grch38)?.exons.map(
                \.genomic)
                == or4f5.alignment(on: .grch38)?.exons.map(\.genomic))
    }

    @Test func rsidSources() throws {
        let gcp = try RSIDImporter(path: Fixtures.shared + "/../conformance/biocommons/gcp/ORAI1-dbSNP.tsv").load()
        #expect(gcp.contains(RSIDAllele(rsid: 184_479_614, allele: "NM_032790.3:c.-111C>T")))
        let vcf = try RSIDImporter(path: Fixtures.shared + "/../conformance/biocommons/exemplars.vcf.gz").load()
        #expect(vcf.contains(RSIDAllele(rsid: 267_598_747, allele: "NC_000001.10:g.883516G>A")))
        #expect(vcf.contains(RSIDAllele(rsid: 267_598_747, allele: "1:g.883516G>A")))
    }
}
