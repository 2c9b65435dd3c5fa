import VarSynMentions

/// The self-contained HTML report of `varsyn extract --html`: each document's text with every mention highlighted
/// by status (key, gene and reason on hover), then a table of the mentions. Everything from the input is escaped.
struct ExtractHTMLReport {
    private var body = ""
    private var counts: [MentionResolution.Status: Int] = [:]
    private var documentCount = 0

    mutating func add(document id: String, text: String, mentions: [(Mention, MentionResolution)]) {
        documentCount += 1
        let bytes = Array(text.utf8)
        var html = "<section><h2>\(Self.escape(id))</h2>\n<div class=\"doc\">"
        var offset = 0
        var rows = ""
        for (number, (mention, resolution)) in mentions.enumerated() {
            counts[resolution.status, default: 0] += 1
            guard mention.start >= offset, mention.end <= bytes.count else { continue }
            html += Self.escape(String(decoding: bytes[offset..<mention.start], as: UTF8.self))
            let status = resolution.status.rawValue
            let tip = Self.tooltip(mention, resolution)
            html += "<mark class=\"\(status)\" id=\"m\(documentCount)-\(number + 1)\" title=\"\(Self.escape(tip))\">"
            html += Self.escape(mention.text)
            html += "<sup>\(number + 1)</sup><span class=\"tip\">\(Self.escape(tip))</span></mark>"
            offset = mention.end
            rows += "<tr class=\"\(status)\"><td>\(number + 1)</td><td><code>\(Self.escape(mention.text))</code></td>"
            rows += "<td>\(Self.escape(mention.gene?.symbol ?? mention.unknownGene ?? ""))</td>"
            rows += "<td><span class=\"badge \(status)\">\(status)</span></td>"
            rows += "<td><code>\(Self.escape(resolution.hgvs ?? ""))</code></td>"
            rows += "<td><code>\(Self.escape(resolution.key ?? ""))</code></td>"
            rows +=
                "<td>\(Self.escape([resolution.reason, resolution.detail].compactMap { $0 }.joined(separator: ": ")))</td></tr>\n"
        }
        html += Self.escape(String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self))
        html += "</div>\n"
        if !rows.isEmpty {
            html += "<table><thead><tr><th>#</th><th>mention</th><th>gene</th><th>status</th><th>HGVS</th>"
            html += "<th>key</th><th>reason</th></tr></thead><tbody>\n\(rows)</tbody></table>\n"
        }
        body += html + "</section>\n"
    }

    static func tooltip(_ mention: Mention, _ resolution: MentionResolution) -> String {
        var lines = ["\(resolution.status.rawValue) · \(mention.form)"]
        if !mention.rewritten.isEmpty { lines.append("read as " + mention.rewritten.joined(separator: " or ")) }
        if let gene = mention.gene {
            lines.append("gene \(gene.symbol)" + (mention.geneSource.map { " (\($0.rawValue))" } ?? ""))
        }
        if let hgvs = resolution.hgvs { lines.append(hgvs) }
        if let key = resolution.key { lines.append("key \(key)") }
        if let reason = resolution.reason { lines.append(reason + (resolution.detail.map { ": \($0)" } ?? "")) }
        return lines.joined(separator: "\n")
    }

    func finish() -> String {
        let total = counts.values.reduce(0, +)
        let summary = ["resolved", "ambiguous", "unresolved"].map { name -> String in
            let status = MentionResolution.Status(rawValue: name)!
            return "<span class=\"badge \(name)\">\(counts[status, default: 0]) \(name)</span>"
        }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>VarSyn variant mentions</title>
            <style>
            body { font: 15px/1.55 system-ui, sans-serif; margin: 2em auto; max-width: 80em; color: #222; }
            h1 { font-size: 1.4em; } h2 { font-size: 1.1em; color: #555; }
            .doc { white-space: pre-wrap; background: #fafafa; border: 1px solid #ddd; padding: 1em; }
            mark { position: relative; padding: 0 2px; border-radius: 3px; cursor: help; }
            mark sup { font-size: 0.65em; color: #555; margin-left: 1px; }
            mark.resolved { background: #c8f0c8; border-bottom: 2px solid #2a8a2a; }
            mark.ambiguous { background: #fbe8a6; border-bottom: 2px solid #b8860b; }
            mark.unresolved { background: #f8c8c8; border-bottom: 2px solid #b22222; }
            mark .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 2; white-space: pre-wrap;
              width: max-content; max-width: 30em;
              background: #333; color: #fff; font: 12px/1.4 ui-monospace, monospace; padding: 0.5em; border-radius: 4px; }
            mark:hover .tip { display: block; }
            table { border-collapse: collapse; margin: 1em 0 2em; font-size: 13px; width: 100%; }
            th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
            td code { white-space: nowrap; }
            td:last-child { min-width: 22em; }
            .badge { padding: 1px 6px; border-radius: 8px; font-size: 12px; white-space: nowrap; }
            .badge.resolved { background: #c8f0c8; } .badge.ambiguous { background: #fbe8a6; }
            .badge.unresolved { background: #f8c8c8; }
            </style></head><body>
            <h1>Variant mentions</h1>
            <p>\(documentCount) document(s), \(total) mention(s): \(summary). Hover a mention for its key.</p>
            \(body)</body></html>

            """
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
