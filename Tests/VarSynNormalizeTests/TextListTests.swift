import Testing

@testable import VarSynNormalize

@Suite struct TextListTests {
    @Test func appendsReadsAndForgets() {
        var list = TextList()
        #expect(list.isEmpty)
        let texts = ["NM_003156.3:c.494C>A", "", "NM_003156.3:c.494_495delinsAG", "p.(=)"]
        for text in texts { list.append(text) }
        #expect(list.count == 4)
        #expect(list.strings == texts)
        #expect(list.range(of: 1) == 20..<20)
        #expect(list.withBytes(of: 3) { Array($0) } == Array("p.(=)".utf8))
        list.removeLast(2)
        #expect(list.strings == ["NM_003156.3:c.494C>A", ""])
        #expect(list.byteCount == 20)
        list.removeLast(2)
        #expect(list.isEmpty && list.byteCount == 0)
        list.append("c.1A>G")
        list.removeAll()
        #expect(list.isEmpty && list.byteCount == 0)
        #expect(list.byteCapacity >= 20)
        // A copy keeps its texts when the original writes on.
        list.append("NM_003156.3:c.494C>A")
        let copy = list
        list.removeAll()
        list.append("NC_000011.10:g.4055634C>A")
        #expect(copy.strings == ["NM_003156.3:c.494C>A"])
        #expect(list.strings == ["NC_000011.10:g.4055634C>A"])
        #expect(list.withBytes { Array($0) } == Array("NC_000011.10:g.4055634C>A".utf8))
        // Growing past the first allocation keeps what was written.
        var long = TextList()
        for i in 0..<1_000 { long.append("NM_003156.3:c.\(i + 1)C>A") }
        #expect(long.count == 1_000 && long[999] == "NM_003156.3:c.1000C>A" && long[0] == "NM_003156.3:c.1C>A")
    }

    @Test func builderAppendsWhatItWrote() {
        var list = TextList()
        list.append(capacity: 32) { b in
            b.add("NC_000011.10:")
            b.add(number: 4_055_633)
        }
        list.append(capacity: 4) { b in b.add("c.1A>G") }  // capacity too small: nothing written past it
        #expect(list.strings == ["NC_000011.10:4055633", ""])
    }
}
