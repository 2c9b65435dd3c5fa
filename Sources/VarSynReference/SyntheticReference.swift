#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Deterministic synthetic inputs for scale tests and benchmarks: `count` transcripts in the UTA loading format
/// (sequences FASTA, exonset, txinfo), spread over the GRCh38 primary chromosomes.
public enum SyntheticReference {
    /// Writes `sequences.fasta`, `exonset.tsv` and `txinfo.tsv` into `directory`; returns their paths.
    public static func writeUTAInputs(
        count: Int, to directory: String, seed: UInt64 = 42, meanLength: Int = 1500
    )
        throws -> (sequences: String, exonSet: String, transcriptInfo: String)
    {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        var fasta = [UInt8]()
        var exonset = [UInt8]()
        var txinfo = [UInt8]()
        fasta.reserveCapacity(count * (meanLength + 40))
        exonset.append(contentsOf: "tx_ac\talt_ac\tmethod\tstrand\texons_se_i\n".utf8)
        txinfo.append(contentsOf: "origin\tac\thgnc\tcds_se_i\texons_se_i\n".utf8)
        let bases: [UInt8] = Array("ACGT".utf8)
        var position = [Int](repeating: 10_000, count: 24)
        for i in 0..<count {
            let accession = "NM_\(900_000 + i).1"
            let exonCount = 2 + Int(next() % 14)
            let length = meanLength / 2 + Int(next() % UInt64(meanLength))
            var cuts = Set<Int>()
            while cuts.count < exonCount - 1 { cuts.insert(1 + Int(next() % UInt64(length - 1))) }
            let bounds = [0] + cuts.sorted() + [length]
            let chromosome = Int(next() % 24)
            let strand = next() % 2 == 0 ? 1 : -1
            var genomic: [(Int, Int)] = []
            var g = position[chromosome]
            for e in 0..<exonCount {
                let l = bounds[e + 1] - bounds[e]
                genomic.append((g, g + l))
                g += l + 200 + Int(next() % 5000)
            }
            position[chromosome] = g + 1000
            if strand < 0 { genomic.reverse() }
            fasta.append(contentsOf: ">\(accession)\n".utf8)
            for j in 0..<length {
                fasta.append(bases[Int(next() & 3)])
                if j % 60 == 59 { fasta.append(0x0a) }
            }
            fasta.append(0x0a)
            let chromosomeName =
                Assembly.grch38.chromosomeAccession(name: Assembly.chromosomeNames[chromosome]) ?? "NC_000001.11"
            exonset.append(contentsOf: "\(accession)\t\(chromosomeName)\tsynthetic\t\(strand)\t".utf8)
            exonset.append(contentsOf: genomic.map { "\($0.0),\($0.1)" }.joined(separator: ";").utf8)
            exonset.append(0x0a)
            let cdsStart = length / 5
            let cdsEnd = cdsStart + ((length * 3 / 5) / 3) * 3
            txinfo.append(contentsOf: "synthetic\t\(accession)\tSYN\(i / 4)\t\(cdsStart),\(cdsEnd)\t".utf8)
            txinfo.append(
                contentsOf: (0..<exonCount).map { "\(bounds[$0]),\(bounds[$0 + 1])" }.joined(separator: ";").utf8)
            txinfo.append(0x0a)
        }
        let paths = (directory + "/sequences.fasta", directory + "/exonset.tsv", directory + "/txinfo.tsv")
        try Data(fasta).write(to: URL(fileURLWithPath: paths.0))
        try Data(exonset).write(to: URL(fileURLWithPath: paths.1))
        try Data(txinfo).write(to: URL(fileURLWithPath: paths.2))
        return paths
    }
}
