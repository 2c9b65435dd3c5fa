// Text of normalized changes: HGVS edits, SPDI and VCF keys. Positions arrive already converted to their HGVS
// text (`4055634`, `494`, `139+1`), so one writer serves g., c., n. and r.

enum EditText {
    /// `494C>A`, `35del`, `19_20dup`, `14_15insT`, `1673_1674inv`, `3_4delinsTT`, `12_13=`.
    /// `first`/`last` are the HGVS texts of the first and last affected positions (for an insertion: the two
    /// flanking positions).
    static func edit(
        _ kind: ChangeKind, first: String, last: String, reference: [UInt8], alternative: [UInt8], rna: Bool = false
    ) -> String {
        let range = first == last ? first : first + "_" + last
        switch kind {
        case .substitution:
            return first + bases(reference, rna) + ">" + bases(alternative, rna)
        case .deletion: return range + "del"
        case .duplication: return range + "dup"
        case .insertion: return first + "_" + last + "ins" + bases(alternative, rna)
        case .inversion: return range + "inv"
        case .deletionInsertion: return range + "delins" + bases(alternative, rna)
        // Nothing inserted, nothing deleted (`g.6932_6933insAGC[0]`): the whole sequence is unchanged, `g.=`.
        case .identity: return reference.isEmpty ? "=" : range + "="
        }
    }

    static func bases(_ b: [UInt8], _ rna: Bool) -> String {
        guard rna else { return String(decoding: b, as: UTF8.self) }
        return String(
            decoding: b.map { $0 == UInt8(ascii: "T") ? UInt8(ascii: "u") : ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) },
            as: UTF8.self)
    }
}

/// The canonical key strings. All positions here are 0-based (SPDI) or 1-based (VCF) as stated.
public enum KeyFormat {
    /// NCBI SPDI: `sequence:position:deleted:inserted`, position 0-based interbase.
    /// Example: `NC_000011.10:4055633:C:A`.
    public static func spdi(sequence: String, position: Int, deleted: [UInt8], inserted: [UInt8]) -> String {
        sequence + ":" + String(position) + ":" + String(decoding: deleted, as: UTF8.self) + ":"
            + String(decoding: inserted, as: UTF8.self)
    }

    /// The DNA key of a change that replaces bases one for one with some left unchanged inside (`GCG` for `CAA`):
    /// its substitution blocks in cis, `[NG_017013.2:17414:C:G;NG_017013.2:17416:A:G]`, the key the allele
    /// `g.[17415C>G;17417A>G]` has, so both spellings of one haplotype share a key. Any other SPDI is returned as is.
    public static func substitutionBlocks(_ spdi: String) -> String {
        // Cheap test first (no allocation): the deleted and inserted fields must have one length, at least 3.
        var colons = 0
        var insertedLength = 0
        var deletedLength = 0
        for byte in spdi.utf8.reversed() {
            if byte == UInt8(ascii: ":") {
                colons += 1
                if colons == 2 { break }
            } else if colons == 0 {
                insertedLength += 1
            } else {
                deletedLength += 1
            }
        }
        guard colons == 2, deletedLength == insertedLength, deletedLength >= 3 else { return spdi }
        let fields = spdi.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count >= 4, let position = Int(fields[fields.count - 3]) else { return spdi }
        let deleted = Array(fields[fields.count - 2].utf8)
        let inserted = Array(fields[fields.count - 1].utf8)
        guard deleted.count == inserted.count, deleted.count >= 3,
            (1..<(deleted.count - 1)).contains(where: { deleted[$0] == inserted[$0] })
        else { return spdi }
        let sequence = fields[..<(fields.count - 3)].joined(separator: ":")
        var blocks: [String] = []
        var i = 0
        while i < deleted.count {
            guard deleted[i] != inserted[i] else {
                i += 1
                continue
            }
            var j = i
            while j < deleted.count, deleted[j] != inserted[j] { j += 1 }
            blocks.append(
                Self.spdi(
                    sequence: sequence, position: position + i, deleted: Array(deleted[i..<j]),
                    inserted: Array(inserted[i..<j])))
            i = j
        }
        return blocks.count > 1 ? "[" + blocks.joined(separator: ";") + "]" : spdi
    }

    /// VCF-style `chrom-pos-ref-alt`, position 1-based; indels carry their anchor base. Example: `11-4055634-C-A`.
    public static func vcf(chromosome: String, position: Int, reference: [UInt8], alternative: [UInt8]) -> String {
        chromosome + "-" + String(position) + "-" + String(decoding: reference, as: UTF8.self) + "-"
            + String(decoding: alternative, as: UTF8.self)
    }
}
