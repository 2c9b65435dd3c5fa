import Foundation
import Testing

@testable import VarSynReference

@Suite struct DefaultTableTests {
    @Test func opensQuickly() throws {
        let table = try ReferenceTable.embeddedDefault()
        #expect(table.origin == "embedded default")
        #expect(table.verifyChecksum())
        // A fresh open of the same bytes as the embedded default is opened (structural checks) is well under 10 ms;
        // the checksum over its 3 MB adds about 1 ms.
        let bytes = UnsafeRawBufferPointer(start: table.base, count: table.byteCount)
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try ReferenceTable(staticBytes: bytes, origin: "again", verifyChecksum: false)
        }
        #expect(elapsed < .milliseconds(10))
    }

    @Test func stim1Resolves() throws {
        let table = try ReferenceTable.embeddedDefault()
        let r = try #require(table.transcript(accession: "NM_003156.3"))
        #expect(r.match == .exact)
        let t = r.record
        #expect(t.gene == "STIM1")
        #expect(t.hgncID == 11386)
        #expect(t.proteinAccession == "NP_003147.2")
        #expect(t.exons.count == 12)
        let cds = try #require(t.cds)
        #expect(cds == TranscriptInterval(hgvsStart: 569, hgvsEnd: 2626))
        #expect(t.sequence((cds.start + 492)..<(cds.start + 495)) == "CCA")
        #expect(t.alignment(on: .grch38)?.genomicPosition(ofTranscriptPosition: cds.start + 493) == 4_055_633)
        #expect(t.alignment(on: .grch37)?.genomicPosition(ofTranscriptPosition: cds.start + 493) == 4_076_863)
        #expect(table.transcript(accession: "LRG_164t1")?.record == t)
        #expect(table.transcript(protein: "NP_003147.2") == t)
        #expect(table.transcripts(overlapping: 4_055_633, on: "NC_000011.10").contains(t))
        #expect(table.transcripts(overlapping: 4_055_633, on: "chr11", assembly: .grch38).contains(t))
        #expect(table.transcripts(overlapping: 4_076_863, on: "11", assembly: .grch37).contains(t))
        #expect(table.gene(symbol: "STIM1")?.maneRefSeq == "NM_001382567.1")
        #expect(table.segment(accession: "LRG_164")?.length == 244_508)
    }

    @Test func newerStim1VersionResolvesThroughTheOlderWithAWarning() throws {
        let table = try ReferenceTable.embeddedDefault()
        let r = try #require(table.transcript(accession: "NM_003156.4"))
        #expect(r.match == .equivalentVersion)
        #expect(r.record.accession == "NM_003156.3")
        let warning = try #require(r.warning(requested: "NM_003156.4"))
        #expect(warning.contains("NM_003156.3") && warning.contains("same protein NP_003147.2"))
    }

    @Test func holdsAllLRGTranscriptsAndXMLGenes() throws {
        let table = try ReferenceTable.embeddedDefault()
        for t in Fixtures.utaData.transcripts {
            let lrg = t.alternateAccessions.first ?? t.accession
            #expect(table.transcript(accession: lrg) != nil, "\(lrg)")
        }
        for gene in ["STIM1", "ORAI1", "TP53", "HBB", "KRAS", "MTHFR", "F5", "BRCA1", "BRAF", "CFTR"] {
            #expect(!table.transcripts(gene: gene).isEmpty, "\(gene)")
        }
        #expect(table.segmentCount == 10)
        #expect(table.chromosome("chr11", assembly: .grch37)?.accession == "NC_000011.9")
        #expect(table.chromosome("NC_000011.10")?.length == 135_086_622)
        #expect(table.geneCount >= 19_363)
    }

    @Test func carriesRSIDsOfItsGenes() throws {
        let table = try ReferenceTable.embeddedDefault()
        #expect(table.alleles(rsid: 184_479_614).map(\.allele.string).contains("NM_032790.3:c.-111C>T"))
        #expect(table.rsids(allele: "NM_032790.3:c.-111C>T").map(\.rsid) == [184_479_614])
    }

    /// The committed default equals what the recipe builds from ../shared today.
    @Test func committedDefaultIsReproducible() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let conformance = Fixtures.shared + "/../conformance/biocommons"
        var rsids = [conformance + "/exemplars.vcf.gz"]
        let gcp = conformance + "/gcp"
        rsids += ((try? FileManager.default.contentsOfDirectory(atPath: gcp)) ?? []).filter { $0.contains("dbSNP") }
            .sorted()
            .map { gcp + "/" + $0 }
        let data = try DefaultTableRecipe(
            dataDirectory: Fixtures.shared,
            equivalencesPath: root.appendingPathComponent("Data/version-equivalences.tsv").path, rsidSources: rsids
        ).build()
        let bytes = try TableWriter().serialize(data)
        let committed = try Data(contentsOf: root.appendingPathComponent("Sources/CVarSynDefaultTable/default.vstable"))
        #expect(bytes.count == committed.count)
        #expect(bytes == [UInt8](committed))
    }
}
