import CVarSynDefaultTable

extension ReferenceTable {
    private static let embedded: Result<ReferenceTable, ReferenceError> = {
        let size = Int(varsyn_default_table_size())
        guard size > 0, let bytes = varsyn_default_table_bytes() else {
            return .failure(ReferenceError(.badTable, file: "embedded default", "this binary was built without a default table"))
        }
        do throws(ReferenceError) {
            return .success(try ReferenceTable(staticBytes: UnsafeRawBufferPointer(start: bytes, count: size),
                origin: "embedded default"))
        } catch {
            return .failure(error)
        }
    }()

    /// The default table compiled into the binary (481 LRG transcripts of 427 clinical genes plus the LRG XML
    /// genes, MANE genes; see docs/README-table.md). Opened once, checksum verified, shared.
    public static func embeddedDefault() throws(ReferenceError) -> ReferenceTable {
        try embedded.get()
    }
}
