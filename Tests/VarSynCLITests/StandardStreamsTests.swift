import Foundation
import Testing

@testable import VarSynCLI

/// The C-library replacements in `StandardStreams.swift` against the full-Foundation calls they replace.
@Suite struct StandardStreamsTests {
    @Test func lastPathComponentAgreesWithNSString() {
        let paths = [
            "", "/", "//", "///", "//a", "a", "a/", "a//", "/a", "/a/", "/./", "data/NM_004006.2.gff3",
            "/work/shared/data/cdot/x.json",
            "./x", "../", "a/./b", "a/b/../c", "~/x.json.gz", "x.tar.gz/", "/a//b", " ", "é/ü",
        ]
        for path in paths {
            #expect(lastPathComponent(path) == (path as NSString).lastPathComponent, "\(path)")
        }
    }

    @Test func temporaryDirectoryAgreesWithNSTemporaryDirectory() {
        #expect(temporaryDirectory() == NSTemporaryDirectory())
    }

    @Test func fixedAgreesWithStringFormat() {
        let values: [Double] = [0, -0.0, 0.4567, 1, 1.005, 2.5, 3.5, -2.345, 1e-9, 123456.789, 1e20, 1.5e300, 7.0 / 3]
        for value in values {
            for digits in 0...2 {
                #expect(fixed(value, digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
            }
        }
    }

    @Test func fileSizeReadsTheSize() throws {
        let path = NSTemporaryDirectory() + "varsyn-size-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("NM_004006.2:c.93+1G>T\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(fileSize(path) == 22)
        #expect(fileSize(path) == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
        #expect(fileSize(path + ".missing") == 0)
    }
}
