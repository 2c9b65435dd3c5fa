import Testing

@testable import VarSynCore

/// The read accessors over a compact parse (`CompactParse+Fields.swift`) give the fields of the syntax tree the
/// general parser builds for the same input, and `HGVSParser.parseLane` answers exactly for the lane's shapes.
@Suite struct CompactParseFieldsTests {
    struct Fields: Equatable {
        var system: CoordinateSystem?
        var accession: String?
        var selector: String?
        var edit: CompactParse.Edit?
        var bases: String?
        var inserted: String?
        var first: CompactParse.Position?
        var last: CompactParse.Position?
        var isRange: Bool
    }

    /// The accessors' answers for `text`, or nil when the lane does not read it.
    static func fields(_ text: String) -> Fields? {
        var text = text
        return text.withUTF8 { utf8 -> Fields? in
            guard let c = HGVSParser.parseLane(utf8: utf8) else { return nil }
            func string(_ r: Range<Int>?) -> String? {
                r.map { String(decoding: UnsafeBufferPointer(rebasing: utf8[$0]), as: UTF8.self) }
            }
            return Fields(
                system: c.coordinateSystem, accession: string(c.accessionRange), selector: string(c.selectorRange),
                edit: c.edit,
                bases: c.substitutionBases.map { String(decoding: [$0.reference, $0.alternative], as: UTF8.self) },
                inserted: string(c.insertedRange), first: c.firstPosition(utf8: utf8),
                last: c.lastPosition(utf8: utf8), isRange: c.isRange)
        }
    }

    @Test func substitution() {
        #expect(
            Self.fields("NM_003156.4:c.494C>A")
                == Fields(
                    system: .coding, accession: "NM_003156.4", selector: nil, edit: .substitution, bases: "CA",
                    inserted: nil, first: .init(number: 494, offset: 0, afterCDSEnd: false), last: nil,
                    isRange: false))
    }

    @Test func rangesOffsetsSelectorsInsertions() {
        #expect(
            Self.fields("NM_003156.4:c.-12_*37+5delinsAG")
                == Fields(
                    system: .coding, accession: "NM_003156.4", selector: nil, edit: .deletionInsertion, bases: nil,
                    inserted: "AG", first: .init(number: -12, offset: 0, afterCDSEnd: false),
                    last: .init(number: 37, offset: 5, afterCDSEnd: true), isRange: true))
        #expect(
            Self.fields("NM_283169423.5(COL1A1):c.976-13_976-12del")
                == Fields(
                    system: .coding, accession: "NM_283169423.5", selector: "COL1A1", edit: .deletion, bases: nil,
                    inserted: nil, first: .init(number: 976, offset: -13, afterCDSEnd: false),
                    last: .init(number: 976, offset: -12, afterCDSEnd: false), isRange: true))
        #expect(Self.fields("NR_003156.4:n.10_11insTTA")?.inserted == "TTA")
        #expect(Self.fields("NR_003156.4:n.10_11insTTA")?.edit == .insertion)
        #expect(Self.fields("NC_000001.11:g.101419787_101419821dup")?.edit == .duplication)
        #expect(Self.fields("NM_003156.4:c.494_495inv")?.edit == .inversion)
        #expect(Self.fields("NM_003156.4:c.494=")?.edit == .identity)
    }

    @Test func proteinAndOtherShapes() {
        let p = Self.fields("NP_003147.2:p.(Pro165Gln)")
        #expect(p?.edit == .protein)
        #expect(p?.first == nil)
        #expect(p?.system == .protein)
        // Not the lane's: the general grammar decides (parseLane answers nil, without parsing).
        for text in ["NM_003156.4:c.[494C>A;496del]", "NM_003156.4:c.494C>C", "nm_003156.4:c.494C>A", "", "494C>A"] {
            #expect(Self.fields(text) == nil, "\(text)")
        }
    }

    /// The accessors agree with the tree `parse(utf8:)` builds, on the c./n. inputs of the benchmark corpus and
    /// the lane's edge cases.
    @Test func agreeWithTheTree() throws {
        var checked = 0
        for text in try AcceptsAgreementTests.corpusStrings() + FastLaneAgreementTests.edgeCases {
            guard let f = Self.fields(text), f.system == .coding || f.system == .noncoding,
                case .description(let d) = try HGVSParser.parse(text).expression,
                case .transcript(_, .variant(let v)) = d.body
            else { continue }
            #expect(d.reference?.accession.text == f.accession, "\(text)")
            #expect(d.reference?.selector?.text == f.selector, "\(text)")
            func position(_ p: TranscriptPosition) -> CompactParse.Position? {
                guard let base = p.base, let offset = p.offset.signedValue else { return nil }
                return .init(number: base, offset: offset, afterCDSEnd: p.anchor == .cdsEnd)
            }
            guard case .exact(let first) = v.location.start else { continue }
            #expect(position(first) == f.first, "\(text)")
            if let end = v.location.end, case .exact(let last) = end {
                #expect(position(last) == f.last, "\(text)")
            } else {
                #expect(f.last == nil, "\(text)")
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
