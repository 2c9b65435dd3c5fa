import Foundation

@testable import VarSynReference

/// Paths into ../shared/data and tables built once per test process.
enum Fixtures {
    /// `../shared/data` next to the package, or `$VARSYN_SHARED_DATA` (for a checkout elsewhere).
    static let shared: String = {
        if let override = ProcessInfo.processInfo.environment["VARSYN_SHARED_DATA"] { return override }
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/data").path
    }()
    static func data(_ relative: String) -> String { shared + "/" + relative }

    static var utaImporter: UTAImporter {
        UTAImporter(
            sequences: data("uta-lrg/lrg.sequences.fasta.bgz"), exonSet: data("uta-lrg/lrg.exonset.gz"),
            transcriptInfo: data("uta-lrg/lrg.txinfo.gz"),
            refSeqGene: data("uta-lrg/LRG_RefSeqGene.counsyl_snapshot.tsv"))
    }

    static let utaData: ReferenceData = { (try? utaImporter.load()) ?? ReferenceData() }()

    /// A temporary file path unique to this process.
    static func temporaryPath(_ name: String) -> String {
        NSTemporaryDirectory() + "varsyn-test-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
    }

    /// Writes `data` and opens it.
    static func roundTrip(_ data: ReferenceData, name: String) throws -> ReferenceTable {
        let path = temporaryPath(name)
        try TableWriter().write(data, to: path)
        return try ReferenceTable(path: path)
    }
}
