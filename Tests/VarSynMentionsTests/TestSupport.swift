import Foundation

/// Paths of repository and shared files, found from this source file (tests run from any directory).
enum TestPaths {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let patternFile = repositoryRoot.appendingPathComponent("Grammars/mentions.pcre2")
    static let tmVar1 = repositoryRoot.appendingPathComponent("../shared/corpora/tmvar1/tmvar1.jsonl")
        .standardizedFileURL
}
