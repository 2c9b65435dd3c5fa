/// An error while reading an input file or a table: where (file, line, field) and why, keeping the cause.
///
/// Example: `lrg.txinfo.gz:12: field cds_se_i: expected "start,end", found "253-2083"`.
public struct ReferenceError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for programs.
    public enum Code: String, Sendable, Equatable {
        case unreadableFile = "unreadable file"
        case badCompression = "bad compression"
        case badRecord = "bad record"
        case missingInput = "missing input"
        case unknownFormat = "unknown format"
        case badTable = "bad table"
        case writeFailed = "write failed"
    }

    public var code: Code
    /// The file (as given by the user), empty when not file related.
    public var file: String
    /// 1-based line, 0 when not line related.
    public var line: Int
    /// Field (column or attribute) name, empty when the whole record is at fault.
    public var field: String
    /// Human-readable cause.
    public var message: String

    public init(_ code: Code, file: String = "", line: Int = 0, field: String = "", _ message: String) {
        self.code = code
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field NAME: message`.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line)" }
        if !text.isEmpty { text += ": " }
        if !field.isEmpty { text += "field \(field): " }
        return text + message
    }
}
