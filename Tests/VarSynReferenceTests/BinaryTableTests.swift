import Foundation
import Testing

@testable import VarSynReference

@Suite struct BinaryTableTests {
    @Test func everyTranscriptRoundTrips() throws {
        let data = Fixtures.utaData
        let table = try Fixtures.roundTrip(data, name: "uta.vstable")
        #expect(table.transcriptCount == data.transcripts.count)
        for t in data.transcripts {
            let r = try #require(table.transcript(exactly: t.accession), "\(t.accession)")
            #expect(r.accession == t.accession)
            #expect(r.gene == t.gene)
            #expect(r.proteinAccession == t.proteinAccession)
            #expect(r.cds == t.cds)
            #expect(r.length == t.length)
            #expect(r.exons.map(\.interval) == t.exons)
            #expect(r.sequence(0..<r.length) == String(decoding: t.sequence, as: UTF8.self), "\(t.accession)")
            for a in t.alignments {
                let ra = try #require(r.alignment(on: a.assembly))
                #expect(ra.chromosome == a.chromosome)
                #expect(ra.strand == a.strand)
                #expect(ra.exons.map(\.genomic) == a.exons.map(\.genomic))
                #expect(ra.exons.map(\.transcript) == a.exons.map(\.transcript))
            }
            for alt in t.alternateAccessions { #expect(table.transcript(accession: alt)?.record == r) }
        }
    }

    @Test func versionlessAndOtherVersions() throws {
        var data = Fixtures.utaData
        data.equivalences.append(
            VersionEquivalence(
                accession: "NM_003156.4", servedBy: "NM_003156.3",
                note: "same protein NP_003147.2, same CDS"))
        let table = try Fixtures.roundTrip(data, name: "versions.vstable")
        let versionless = try #require(table.transcript(accession: "NM_003156"))
        #expect(versionless.match == .highestVersion)
        #expect(versionless.record.accession == "NM_003156.3")
        let newer = try #require(table.transcript(accession: "NM_003156.4"))
        #expect(newer.match == .equivalentVersion)
        #expect(newer.warning(requested: "NM_003156.4")?.contains("NM_003156.3") == true)
        let unknown = try #require(table.transcript(accession: "NM_003156.9"))
        #expect(unknown.match == .otherVersion)
        #expect(table.transcript(accession: "NM_999999.1") == nil)
        #expect(table.transcript(protein: "NP_003147.2")?.accession.string == "NM_003156.3")
        #expect(table.transcript(protein: "NP_003147")?.accession.string == "NM_003156.3")
        #expect(table.transcripts(gene: "stim1").map(\.accession.string) == ["NM_003156.3"])
    }

    @Test func genomicPositionLookup() throws {
        let table = try Fixtures.roundTrip(Fixtures.utaData, name: "positions.vstable")
        let hits = table.transcripts(overlapping: 4_076_863, on: "NC_000011.9")
        #expect(hits.map(\.accession.string) == ["NM_003156.3"])
        #expect(table.transcripts(overlapping: 4_076_863, on: "NC_000011.10").isEmpty)
    }

    @Test func truncatedTableIsAClearError() throws {
        let path = Fixtures.temporaryPath("good.vstable")
        try TableWriter().write(Fixtures.utaData, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for cut in [0, 10, 63, 64, 200, bytes.count / 2, bytes.count - 1] {
            let truncated = Fixtures.temporaryPath("cut-\(cut).vstable")
            try bytes.prefix(cut).write(to: URL(fileURLWithPath: truncated))
            #expect {
                _ = try ReferenceTable(path: truncated)
            } throws: { ($0 as? ReferenceError)?.code == .badTable }
        }
    }

    @Test func corruptedTableIsAClearError() throws {
        let path = Fixtures.temporaryPath("good2.vstable")
        try TableWriter().write(Fixtures.utaData, to: path)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count / 3] ^= 0x55
        let corrupt = Fixtures.temporaryPath("corrupt.vstable")
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        #expect {
            _ = try ReferenceTable(path: corrupt)
        } throws: { error in
            guard let e = error as? ReferenceError else { return false }
            return e.code == .badTable && e.message.contains("checksum")
        }
        // Even unchecked, reading every record of a corrupted table must not crash.
        for seed in 0..<20 {
            var garbled = bytes
            var state = UInt64(seed + 1)
            for _ in 0..<200 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let i = TableFormat.headerSize + Int(state >> 33) % (garbled.count - TableFormat.headerSize)
                garbled[i] = UInt8(truncatingIfNeeded: state >> 20)
            }
            let p = Fixtures.temporaryPath("garbled-\(seed).vstable")
            try Data(garbled).write(to: URL(fileURLWithPath: p))
            guard let table = try? ReferenceTable(path: p, verifyChecksum: false) else { continue }
            for r in table.transcripts {
                _ = r.accession.string
                _ = r.sequence(0..<min(r.length, 100))
                for a in r.alignments { _ = a.exons.map(\.genomic) }
            }
            _ = table.transcript(accession: "NM_003156.3")
            _ = table.transcripts(overlapping: 4_076_863, on: "NC_000011.9")
        }
    }
}

@Suite struct ImportFailureTests {
    /// A build that fails leaves the previous table untouched (no half-written file).
    @Test func failedWriteKeepsTheOldTable() throws {
        let path = Fixtures.temporaryPath("kept.vstable")
        var small = ReferenceData()
        small.transcripts = Array(Fixtures.utaData.transcripts.prefix(3))
        try TableWriter().write(small, to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var bad = small
        bad.transcripts[0].exons[0] = TranscriptInterval(start: 0, end: 1 << 33)
        #expect(throws: ReferenceError.self) { try TableWriter().write(bad, to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try ReferenceTable(path: path).transcriptCount == 3)
    }

    @Test func corruptGzipNamesTheFile() throws {
        let source = try Data(contentsOf: URL(fileURLWithPath: Fixtures.data("uta-lrg/lrg.txinfo.gz")))
        let path = Fixtures.temporaryPath("truncated.txinfo.gz")
        try source.prefix(source.count / 2).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try InputFile.read(path)
        } throws: { error in
            guard let e = error as? ReferenceError else { return false }
            return e.code == .badCompression && e.file == path && e.message.contains("truncated")
        }
    }

    @Test func bgzipMultiMemberIsReadWhole() throws {
        // lrg.sequences.fasta.bgz is a series of gzip members; all 481 records must come out.
        let records = try readFASTA(InputFile.read(Fixtures.data("uta-lrg/lrg.sequences.fasta.bgz")), file: "bgz")
        #expect(records.count == 481)
    }
}

@Suite struct InMemoryTableTests {
    @Test func buildsAndLooksUpWithoutAFile() throws {
        var data = ReferenceData()
        data.transcripts = Fixtures.utaData.transcripts.filter { $0.gene == "STIM1" }
        let table = try ReferenceTable(building: data)
        #expect(table.origin == "in memory")
        #expect(table.verifyChecksum())
        let t = try #require(table.transcript(exactly: "NM_003156.3"))
        #expect(t.cds == TranscriptInterval(hgvsStart: 569, hgvsEnd: 2626))
        #expect(t.sequence(1060..<1063) == "CCA")
    }
}
