import CVarSynScan
import Testing

/// The 32-byte masks of `CVarSynScan` (SSE2 on x86_64, a scalar loop elsewhere) against a byte-by-byte reading.
@Suite("Start filter byte classification")
struct ScanClassificationTests {
    @Test("every mask equals the byte-by-byte classification on random and textual bytes")
    func masksEqualByteLoop() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abdisrtoDT 09/>(-+*@[`{AZaz".utf8) + [0x80, 0xC2, 0xE2, 0xFF, 0x7F]
        var compared = 0
        for round in 0..<200 {
            let bytes: [UInt8] = (0..<96).map { _ in
                round % 2 == 0
                    ? UInt8.random(in: 0...255, using: &generator) : alphabet.randomElement(using: &generator) ?? 0
            }
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for offset in 0..<(buffer.count - 34) {
                    let p = base + offset
                    func expected(_ test: (Int) -> Bool) -> UInt32 {
                        (0..<32).reduce(UInt32(0)) { mask, i in test(i) ? mask | (1 << UInt32(i)) : mask }
                    }
                    let letter = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
                    let digit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
                    #expect(varsyn_scan_letters32(p) == expected { letter(p[$0]) })
                    #expect(varsyn_scan_digits32(p) == expected { digit(p[$0]) })
                    #expect(varsyn_scan_high32(p) == expected { p[$0] >= 0x80 })
                    #expect(varsyn_scan_equal32(p, 0x28) == expected { p[$0] == 0x28 })
                    #expect(varsyn_scan_folded_equal32(p, 0x64) == expected { p[$0] | 0x20 == 0x64 })
                    #expect(
                        varsyn_scan_any4_32(p, 0x64, 0x69, 0x73, 0x72)
                            == expected { [0x64, 0x69, 0x73, 0x72].contains(p[$0]) })
                    #expect(
                        varsyn_scan_maybe_triggers32(p)
                            == expected { digit(p[$0]) || p[$0] == 0x3E || p[$0] == 0x2F || p[$0] >= 0x80 })
                    #expect(
                        varsyn_scan_to32(p)
                            == expected { p[$0] == 0x20 && p[$0 + 1] == 0x74 && p[$0 + 2] == 0x6F })
                    compared += 1
                }
            }
        }
        #expect(compared == 200 * 62)
    }
}
