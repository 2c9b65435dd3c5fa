import CVarSynDefaultTable

extension ReferenceTable {
    private static let embedded: Result<ReferenceTable, ReferenceError> = {
        let size = Int(varsyn_default_table_size())
        guard size > 0, let bytes = varsyn_default_table_bytes() else {
            return .failure(
                ReferenceError(.badTable, file: "embedded default", "this binary was built without a default table"))
        }
        do throws(ReferenceError) {
            // The bytes are the binary's own read-only data, so the structural checks suffice at open;
            // `verifyChecksum()` (run by the tests and `varsyn table info`) checks the CRC-32.
            return .success(
                try ReferenceTable(
                    staticBytes: UnsafeRawBufferPointer(start: bytes, count: size),
                    origin: "embedded default", verifyChecksum: false))
        } catch {
            return .failure(error)
        }
    }()

    /// The default table compiled into the binary (481 LRG transcripts of 427 clinical genes plus the LRG XML
    /// genes, MANE genes; see docs/README-table.md). Opened once, shared.
    public static func embeddedDefault() throws(ReferenceError) -> ReferenceTable {
        try embedded.get()
    }
}
