import ArgumentParser

/// The `varsyn` command: parse, resolve and normalize variant descriptions.
///
/// This module is the only place that prints and chooses exit codes: 0 when every input was processed,
/// 1 when some inputs failed (each failure reported in place), 64 on usage errors.
public struct VarSynCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "varsyn",
        abstract: "Parse, resolve and normalize genetic variant descriptions (HGVS and the shorthand people write).",
        subcommands: [
            ParseCommand.self, TableCommand.self, NormalizeCommand.self, SynonymsCommand.self, DedupeCommand.self,
            ExtractCommand.self,
        ]
    )

    public init() {}
}
