import Foundation
import Testing

@testable import VarSynReference

/// import -> binary table -> decode equals the import, for every importer on the real files.
@Suite struct RoundTripTests {
    static func sources() throws -> [(String, ReferenceData)] {
        var xml = ReferenceData()
        for name in LRGXMLImporterTests.files {
            xml.merge(try LRGXMLImporter(path: Fixtures.data("lrg-xml/\(name).xml")).load())
        }
        var mutalyzerLRG = ReferenceData()
        for name in ["LRG_1", "LRG_24", "LRG_303", "LRG_199"] {
            mutalyzerLRG.merge(try LRGXMLImporter(path: Fixtures.data("mutalyzer-refs/\(name)")).load())
        }
        var gff = ReferenceData()
        for name in [
            "refseq_test.GRCh38.p13_genomic.109.20210514.gff", "refseq_test.GRCh38.p14_genomic.RS_2023_03.gff",
            "refseq_test.historical_RS_2024_08.gff", "refseq_grch38.p14_mt.gff", "ensembl_test.GRCh38.104.gtf",
            "ensembl_test.GRCh38.111.gtf",
        ] {
            gff.merge(try GFFImporter(path: Fixtures.data("gff-gtf-excerpts/\(name)")).load())
        }
        return [
            ("UTA", Fixtures.utaData),
            ("LRG XML", xml),
            ("mutalyzer LRG XML", mutalyzerLRG),
            ("cdot", try CDotImporter(path: Fixtures.data("cdot/cdot-0.2.21.refseq.grch37_grch38.brca1.json")).load()),
            ("GFF/GTF", gff),
        ]
    }

    @Test func everyImporterRoundTrips() throws {
        for (name, source) in try Self.sources() {
            #expect(!source.transcripts.isEmpty, "\(name)")
            let table = try Fixtures.roundTrip(source, name: "roundtrip-\(name.filter(\.isLetter)).vstable")
            let decoded = table.referenceData()
            let expected = source.transcripts.map { t -> TranscriptModel in
                var t = t
                t.alternateAccessions = t.alternateAccessions.filter { $0 != t.accession }.sorted()
                t.recordPlacement = nil  // in memory only, not in the binary table
                return t
            }.sorted { $0.accession < $1.accession }
            let actual = decoded.transcripts.sorted { $0.accession < $1.accession }
            #expect(actual.count == expected.count, "\(name)")
            for (a, e) in zip(actual, expected) { #expect(a == e, "\(name) \(e.accession)") }
            #expect(decoded.segments.count == source.segments.count, "\(name)")
            for s in source.segments {
                let r = try #require(table.segment(accession: s.accession))
                #expect(r.length == s.sequence.count)
                #expect(Array(r.sequence(0..<r.length).utf8) == s.sequence, "\(s.accession)")
            }
            // Every transcript is found through its accession, protein and genomic position.
            for t in source.transcripts {
                #expect(table.transcript(exactly: t.accession) != nil, "\(name) \(t.accession)")
                for a in t.alignments {
                    let mid = a.exons[a.exons.count / 2].genomic.start
                    #expect(
                        table.transcripts(overlapping: mid, on: a.chromosome, assembly: a.assembly)
                            .contains { $0.accession == t.accession }, "\(name) \(t.accession) \(a.assembly)")
                }
            }
        }
    }
}

/// Scale: build time grows linearly, open time does not grow, bytes per transcript stays flat.
/// The full 200,000-transcript measurement is `varsyn table bench` (docs/README-table.md).
@Suite struct ScaleTests {
    @Test func syntheticTablesScale() throws {
        var figures: [(n: Int, bytesPerTranscript: Int, open: Duration)] = []
        for n in [1_000, 4_000] {
            let dir = Fixtures.temporaryPath("scale-\(n)")
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let inputs = try SyntheticReference.writeUTAInputs(count: n, to: dir)
            let data = try UTAImporter(
                sequences: inputs.sequences, exonSet: inputs.exonSet,
                transcriptInfo: inputs.transcriptInfo, assembly: .grch38
            ).load()
            #expect(data.transcripts.count == n)
            let path = dir + "/t.vstable"
            try TableWriter().write(data, to: path)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
            let clock = ContinuousClock()
            let open =
                try clock.measure { for _ in 0..<10 { _ = try ReferenceTable(path: path, verifyChecksum: false) } } / 10
            let table = try ReferenceTable(path: path)
            #expect(table.transcript(accession: "NM_\(900_000 + n - 1).1") != nil)
            figures.append((n, size / n, open))
            try? FileManager.default.removeItem(atPath: dir)
        }
        // Same bytes per transcript (within 5%), opening a 4x larger table is not 4x slower (mmap, no parsing).
        #expect(abs(figures[0].bytesPerTranscript - figures[1].bytesPerTranscript) * 20 < figures[0].bytesPerTranscript)
        #expect(figures[1].open < .milliseconds(5))
    }
}
