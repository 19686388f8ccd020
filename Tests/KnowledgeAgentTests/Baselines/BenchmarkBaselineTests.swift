import KnowledgeAgent
import Testing

@Suite struct BenchmarkBaselineTests {
    @Test func theEnvironmentChoosesChunkingAndRanking() throws {
        #expect(try BenchmarkBaseline(environment: [:]) == BenchmarkBaseline())
        #expect(
            try BenchmarkBaseline(environment: ["SPARK_KB_CHUNKING": "lines:40", "SPARK_KB_RANKING": "lexical"])
                == BenchmarkBaseline(chunking: .lines(40), ranking: .lexical))
        #expect(try BenchmarkBaseline(environment: ["SPARK_KB_RANKING": "rrf"]).ranking == .rrf)
        for (name, value) in [("SPARK_KB_CHUNKING", "lines:0"), ("SPARK_KB_CHUNKING", "40"), ("SPARK_KB_RANKING", "bm25")] {
            #expect { try BenchmarkBaseline(environment: [name: value]) } throws: { error in
                "\(error)".contains(name) && "\(error)".contains(value)
            }
        }
    }

    @Test func fixedWindowsCoverEveryLineOnce() {
        #expect(FixedLineWindows.ranges(lineCount: 95, size: 40) == [1...40, 41...80, 81...95])
        #expect(FixedLineWindows.ranges(lineCount: 40, size: 40) == [1...40])
        #expect(FixedLineWindows.ranges(lineCount: 0, size: 40).isEmpty)
    }

    @Test func reciprocalRankFusionSumsOneOverKPlusRank() {
        let fused = ReciprocalRankFusion.fuse([[1, 2, 3], [3, 4]], k: 60, limit: 3)
        #expect(fused.map(\.id) == [3, 1, 2])
        #expect(abs(fused[0].score - (1.0 / 63 + 1.0 / 61)) < 1e-12)
        // Equal scores keep the order of first appearance.
        #expect(ReciprocalRankFusion.fuse([[5], [6]], limit: 5).map(\.id) == [5, 6])
        #expect(ReciprocalRankFusion.fuse([[1]], limit: 0).isEmpty)
    }
}
