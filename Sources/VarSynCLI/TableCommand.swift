import ArgumentParser
import Dispatch
import VarSynReference
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `varsyn table`: build, inspect and query transcript coordinate tables.
public struct TableCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Build, inspect and query transcript coordinate tables.",
        subcommands: [
            TableBuildCommand.self, TableInfoCommand.self, TableLookupCommand.self, TableAddRSIDsCommand.self,
            TableBenchCommand.self,
        ]
    )
    public init() {}
}

/// Options shared by the table commands.
struct TableOptions: ParsableArguments {
    @Option(name: .long, help: "Table file to use instead of the embedded default.")
    var table: String?

    /// Opens `--table`, else `positional`, else the embedded default.
    func open(_ positional: String? = nil) throws -> ReferenceTable {
        let result = Result { () throws(ReferenceError) -> ReferenceTable in
            if let path = table ?? positional { return try ReferenceTable(path: path) }
            return try ReferenceTable.embeddedDefault()
        }
        switch result {
        case .success(let table): return table
        case .failure(let error): throw TableCLIError(error)
        }
    }
}

/// A `ReferenceError` rendered for the user (exit code 1).
struct TableCLIError: Error, CustomStringConvertible {
    let error: ReferenceError
    init(_ error: ReferenceError) { self.error = error }
    var description: String { error.description }
}

/// Writes to standard error.
func printError(_ text: String) {
    writeStandardError(text + "\n")
}

/// Progress on stderr, only when stderr is a terminal.
struct Progress {
    let enabled = isatty(2) != 0
    func step(_ index: Int, of total: Int, _ label: String) {
        guard enabled else { return }
        let width = 30
        let filled = total > 0 ? width * index / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        writeStandardError("\r[\(bar)] \(index)/\(total) \(label)\u{1B}[K")
    }
    func finish() {
        guard enabled else { return }
        writeStandardError("\n")
    }
}
