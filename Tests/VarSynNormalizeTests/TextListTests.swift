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
        #expect(list.bytes.count == 20)
        list.removeLast(2)
        #expect(list.isEmpty && list.bytes.isEmpty)
        list.append("c.1A>G")
        list.removeAll()
        #expect(list.isEmpty && list.bytes.isEmpty)
        #expect(list.bytes.capacity >= 20)
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
