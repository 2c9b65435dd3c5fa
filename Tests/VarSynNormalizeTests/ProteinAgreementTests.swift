import Foundation
import Testing
import VarSynCore
import VarSynNormalize
import VarSynReference

/// c. -> p. agreement with the biocommons/hgvs test data (`../shared/conformance/biocommons`): every `gcp/*.tsv` row
/// with an HGVSc on c. and an HGVSp, plus `ext.tsv` (stop loss, start loss, whole-gene deletions), whose transcript
/// is in the embedded default table. Rows commented out upstream (`#id`) are skipped, as biocommons' own test does.
/// `clinvar.gz` holds no p. descriptions (only g./c. equivalence lists), so it contributes no pairs.
///
/// Comparison follows biocommons' `_test_gxp_mapping`: when the expected description is not parenthesized, our
/// parentheses are dropped; when it gives a frameshift without a stop count (`p.Arg170Profs`), ours is compared
/// without it. Every disagreement must be listed with its reason in `Fixtures/protein-disagreements.tsv`.
@Suite("Protein agreement with biocommons")
struct ProteinAgreementTests {
    struct Pair: Hashable {
        var file: String
        var id: String
        var coding: String
        var protein: String
    }

    static func pairs() throws -> (pairs: [Pair], commented: [Pair], clinvarProteinDescriptions: Int) {
        let directory = ProteinTestData.shared.appendingPathComponent("conformance/biocommons")
        var files = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("gcp").path)
            .filter { $0.hasSuffix(".tsv") }.sorted().map { "gcp/" + $0 }
        files.append("ext.tsv")
        var seen = Set<[String]>()
        var pairs: [Pair] = []
        var commented: [Pair] = []
        for file in files {
            for row in try ProteinTestData.rows(directory.appendingPathComponent(file)) where row.count >= 4 {
                let (id, coding, protein) = (row[0], row[2], row[3])
                guard id != "id", coding.contains(":c."), protein.contains(":p.") else { continue }
                if id.hasPrefix("#") {
                    commented.append(Pair(file: file, id: id, coding: coding, protein: protein))
                    continue
                }
                guard seen.insert([coding, protein]).inserted else { continue }
                pairs.append(Pair(file: file, id: id, coding: coding, protein: protein))
            }
        }
        // clinvar.gz: gzip text; count any p. descriptions (there are none in this snapshot).
        let clinvar = directory.appendingPathComponent("clinvar.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -dc '\(clinvar.path)' | grep -c ':p\\.' || true"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let clinvarCount =
            Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        return (pairs, commented, clinvarCount)
    }

    /// Our description made comparable with biocommons' expectation, as its test does.
    static func comparable(_ ours: VariantDescription, to expected: VariantDescription) -> String {
        var ours = ours
        if case .protein(let expectedTree) = expected.body, case .protein(var tree) = ours.body {
            if case .variant(let e) = expectedTree, case .variant(var v) = tree {
                if !e.predicted { v.predicted = false }
                if case .frameshift(_, _, nil) = e.edit, case .frameshift(let residue, let alternatives, _) = v.edit {
                    v.edit = .frameshift(newResidue: residue, alternatives: alternatives, stop: nil)
                }
                tree = .variant(v)
            } else if case .predicted(let inner) = tree, !(expectedTree.isPredicted) {
                tree = inner
            }
            ours.body = .protein(tree)
        }
        return ours.hgvs()
    }

    struct Outcome {
        var pair: Pair
        var ours: String
        var expected: String
        var note: String
    }

    @Test("c. -> p. agrees with biocommons gcp/ext pairs whose transcript is in the default table")
    func agreement() throws {
        let (pairs, commented, clinvarP) = try Self.pairs()
        let listed = try Self.listedDisagreements()
        var notInTable = 0
        var agree: [Outcome] = []
        var disagree: [Outcome] = []
        var fallbackAgree: [Outcome] = []
        var fallbackDisagree: [Outcome] = []
        for pair in pairs {
            guard let coding = ProteinTestData.description(pair.coding),
                let expected = ProteinTestData.description(pair.protein),
                let accession = coding.reference?.accession.text
            else {
                Issue.record("does not parse: \(pair.coding) / \(pair.protein)")
                continue
            }
            guard let lookup = ProteinTestData.provider.transcript(accession: accession) else {
                notInTable += 1
                continue
            }
            let outcome: Outcome
            do {
                let transcript = try ProteinTranscript(lookup.transcript)
                let result = try transcript.consequence(of: coding)
                let ours = Self.comparable(result.description, to: expected)
                outcome = Outcome(pair: pair, ours: ours, expected: expected.hgvs(), note: lookup.warning ?? "")
            } catch {
                outcome = Outcome(
                    pair: pair, ours: "error: \(error)", expected: expected.hgvs(), note: lookup.warning ?? "")
            }
            let agrees = outcome.ours == outcome.expected
            switch (lookup.warning == nil, agrees) {
            case (true, true): agree.append(outcome)
            case (true, false): disagree.append(outcome)
            case (false, true): fallbackAgree.append(outcome)
            case (false, false): fallbackDisagree.append(outcome)
            }
        }
        let inTable = agree.count + disagree.count
        print(
            "protein agreement: \(pairs.count) c./p. pairs considered (\(commented.count) more commented out upstream;"
                + " clinvar.gz p. descriptions: \(clinvarP)); transcript not in table \(notInTable);"
                + " in table (exact version) \(inTable): agree \(agree.count), disagree \(disagree.count)"
                + (inTable > 0 ? String(format: " (%.2f%%)", 100 * Double(agree.count) / Double(inTable)) : "")
                + "; other version \(fallbackAgree.count + fallbackDisagree.count): agree \(fallbackAgree.count),"
                + " disagree \(fallbackDisagree.count)")
        for o in disagree + fallbackDisagree {
            print(
                "  disagree \(o.pair.file) \(o.pair.id) \(o.pair.coding): expected \(o.expected), ours \(o.ours) \(o.note)"
            )
        }
        // Rows commented out upstream (not part of the agreement figure): how we fare on those in the table.
        var commentedInTable = 0
        var commentedAgree = 0
        for pair in commented {
            guard let coding = ProteinTestData.description(pair.coding),
                let expected = ProteinTestData.description(pair.protein),
                let lookup = ProteinTestData.provider.transcript(accession: coding.reference?.accession.text ?? ""),
                lookup.warning == nil, let transcript = try? ProteinTranscript(lookup.transcript),
                let ours = try? transcript.consequence(of: coding)
            else { continue }
            commentedInTable += 1
            if Self.comparable(ours.description, to: expected) == expected.hgvs() { commentedAgree += 1 }
        }
        print("  commented-out rows with the transcript in the table: \(commentedInTable), agree \(commentedAgree)")
        #expect(inTable >= 50)
        for o in disagree + fallbackDisagree where listed[o.pair.coding] != o.ours {
            Issue.record("unlisted disagreement: \(o.pair.coding) expected \(o.expected), ours \(o.ours)")
        }
        let disagreeing = Set((disagree + fallbackDisagree).map(\.pair.coding))
        for coding in listed.keys where !disagreeing.contains(coding) {
            Issue.record("listed disagreement no longer disagrees (remove it from the fixture): \(coding)")
        }
        if inTable > 0 {
            #expect(
                Double(agree.count + disagree.filter { listed[$0.pair.coding] != nil }.count) / Double(inTable) >= 0.999
            )
        }
    }

    /// `Fixtures/protein-disagreements.tsv`: HGVSc, expected, ours, reason.
    static func listedDisagreements() throws -> [String: String] {
        let rows = try ProteinTestData.rows(
            ProteinTestData.fixtures.appendingPathComponent("protein-disagreements.tsv"))
        var listed: [String: String] = [:]
        for row in rows where !row[0].hasPrefix("#") && row.count >= 4 { listed[row[0]] = row[2] }
        return listed
    }
}

extension AlleleTree {
    var isPredicted: Bool {
        switch self {
        case .predicted: true
        default: false
        }
    }
}
