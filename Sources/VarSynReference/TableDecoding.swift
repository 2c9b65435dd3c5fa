extension ReferenceTable {
    /// Decodes the whole table back into the owned model (allocates; used to add data to an existing table and
    /// to check that import -> binary -> lookup equals the source).
    public func referenceData() -> ReferenceData {
        var data = ReferenceData()
        var alternates: [Int: [String]] = [:]
        for i in 0..<count(.names) {
            let kind = TableFormat.NameKind(rawValue: u32(.names, i, 8))
            let target = Int(u32(.names, i, 12))
            let name = string(.names, i, 0).string
            switch kind {
            case .transcriptAlternate: alternates[target, default: []].append(name)
            case .equivalentVersion:
                data.equivalences.append(
                    VersionEquivalence(
                        accession: name,
                        servedBy: TranscriptRecord(table: self, index: target).accession.string,
                        note: string(.names, i, 16).string))
            default: break
            }
        }
        var segmentAlternates: [Int: [String]] = [:]
        for i in 0..<count(.names) where TableFormat.NameKind(rawValue: u32(.names, i, 8)) == .segment {
            let target = Int(u32(.names, i, 12))
            let name = string(.names, i, 0).string
            if SegmentRecord(table: self, index: target).accession.string != name {
                segmentAlternates[target, default: []].append(name)
            }
        }
        for t in transcripts {
            let alignments = t.alignments.map { a in
                TranscriptAlignment(
                    assembly: a.assembly, chromosome: a.chromosome.string, strand: a.strand,
                    exons: a.exons.map {
                        AlignedExon(transcript: $0.transcript, genomic: $0.genomic, cigar: $0.cigar.string)
                    },
                    source: a.source.string)
            }
            data.transcripts.append(
                TranscriptModel(
                    accession: t.accession.string,
                    alternateAccessions: (alternates[t.index] ?? []).sorted(), gene: t.gene.string, hgncID: t.hgncID,
                    proteinAccession: t.proteinAccession.string, genomicReference: t.genomicReference.string,
                    cds: t.cds,
                    sequence: t.hasSequence ? Array(t.sequence(0..<t.length).utf8) : [], length: t.length,
                    exons: t.exons.map(\.interval), alignments: alignments, source: t.source.string))
        }
        for s in segments {
            data.segments.append(
                GenomicSegment(
                    accession: s.accession.string,
                    alternateAccessions: (segmentAlternates[s.index] ?? []).sorted(), gene: s.gene.string,
                    sequence: Array(s.sequence(0..<s.length).utf8),
                    placements: s.placements.map {
                        SegmentPlacement(
                            assembly: $0.assembly, chromosome: $0.chromosome.string, strand: $0.strand,
                            segment: $0.segmentInterval, genomic: $0.genomic, differences: $0.differences)
                    }, source: s.source.string))
        }
        var aliases: [Int: [String]] = [:]
        for i in 0..<count(.names) where TableFormat.NameKind(rawValue: u32(.names, i, 8)) == .geneAlias {
            aliases[Int(u32(.names, i, 12)), default: []].append(string(.names, i, 0).string)
        }
        for g in genes {
            data.genes.append(
                GeneModel(
                    symbol: g.symbol.string, hgncID: g.hgncID, aliases: (aliases[g.index] ?? []).sorted(),
                    maneRefSeq: g.maneRefSeq.string, maneEnsembl: g.maneEnsembl.string))
        }
        for c in chromosomes {
            data.chromosomes.append(
                ChromosomeModel(
                    assembly: c.assembly, name: c.name.string, accession: c.accession.string,
                    aliases: c.aliases.string.split(separator: ",").map(String.init), length: c.length))
        }
        for i in 0..<count(.rsids) {
            let r = RSIDRecord(table: self, index: i)
            data.rsids.append(RSIDAllele(rsid: r.rsid, allele: r.allele.string))
        }
        data.metadata = metadata.map { ($0.key.string, $0.value.string) }
        return data
    }
}
