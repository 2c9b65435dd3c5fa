// AnnotateTSV: reads a TSV (with a header; --column NAME holds the variant) or a VCF, and streams every row back
// with its canonical keys appended: key (SPDI, GRCh38), vcf_grch38, vcf_grch37, hgvs_g, hgvs_c, error.
//
//   swift run AnnotateTSV --column hgvs variants.tsv > annotated.tsv
//   swift run AnnotateTSV --assembly GRCh37 calls.vcf > annotated.tsv
//   cat variants.tsv | swift run AnnotateTSV --column hgvs -
//
// The table is the embedded default unless --table FILE is given.
import Foundation
import VarSynNormalize
import VarSynReference

@main
enum AnnotateTSV {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(i...(i + 1)) }
            return arguments[i + 1]
        }
        let column = option("--column")
        let assembly = option("--assembly").flatMap { Assembly(name: $0) } ?? .grch38
        let tablePath = option("--table")
        let path = arguments.first ?? "-"

        func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("AnnotateTSV: \(message)\n".utf8))
            exit(2)
        }

        let table: ReferenceTable
        do {
            table = try tablePath.map { try ReferenceTable(path: $0) } ?? ReferenceTable.embeddedDefault()
        } catch {
            fail("cannot open the table: \(error)")
        }
        let normalizer = Normalizer(table: table, options: NormalizeOptions(assembly: assembly))

        guard let input = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            fail("cannot read \(path)")
        }
        let isVCF = path.hasSuffix(".vcf")
        let added = ["key", "vcf_grch38", "vcf_grch37", "hgvs_g", "hgvs_c", "error"]

        /// The variant text of one row: CHROM-POS-REF-ALT for VCF (first ALT), the column for TSV.
        var columnIndex: Int?
        func variantText(_ fields: [Substring]) -> String? {
            if isVCF {
                guard fields.count >= 5 else { return nil }
                let alt = fields[4].split(separator: ",").first ?? ""
                return "\(fields[0])-\(fields[1])-\(fields[3])-\(alt)"
            }
            guard let k = columnIndex, k < fields.count else { return nil }
            return String(fields[k])
        }

        var out = FileHandle.standardOutput
        var buffer = ""
        func emit(_ line: String) {
            buffer += line
            buffer += "\n"
            if buffer.utf8.count > 1 << 16 {
                out.write(Data(buffer.utf8))
                buffer = ""
            }
        }

        var sawHeader = false
        var pending = Data()
        func handle(_ line: String) {
            if isVCF && line.hasPrefix("##") { return emit(line) }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if !sawHeader {
                sawHeader = true
                if !isVCF {
                    guard let column else { fail("--column NAME is required for TSV input") }
                    guard let k = fields.firstIndex(where: { $0 == column }) else { fail("no column \(column) in the header") }
                    columnIndex = k
                }
                return emit(line + "\t" + added.joined(separator: "\t"))
            }
            guard let text = variantText(fields) else { return emit(line + "\t\t\t\t\t\tno variant in this row") }
            switch Result(catching: { () throws(NormalizeError) in try normalizer.normalize(text) }) {
            case .success(let v):
                let values = [v.key, v.vcfGRCh38, v.vcfGRCh37, v.hgvsG, v.hgvsC].map { $0 ?? "" } + [v.key == nil ? (v.keyUnavailableReason ?? "") : ""]
                emit(line + "\t" + values.joined(separator: "\t"))
            case .failure(let error):
                emit(line + "\t\t\t\t\t\t" + error.message.replacingOccurrences(of: "\t", with: " "))
            }
        }

        // Stream: read chunks, split lines, keep the tail for the next chunk.
        while true {
            let chunk = input.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: 10) {
                var lineData = pending[pending.startIndex..<newline]
                if lineData.last == 13 { lineData = lineData.dropLast() }
                handle(String(decoding: lineData, as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { handle(String(decoding: pending, as: UTF8.self)) }
        out.write(Data(buffer.utf8))

    }
}
