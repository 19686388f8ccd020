import ArgumentParser
import KnowledgeAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `spark-lsp kb bench-query` (hidden; `bench/knowledge/speed.py` runs it): query latency and memory of the
/// knowledge base at scale, in process, so that process start-up does not hide them. `--build` generates a seeded
/// Markdown corpus (FILES files of SECTIONS sections, one chunk each) and indexes it with seeded synthetic vectors
/// (`SyntheticEmbedder`); without `--build`, a fresh process opens that index and times seeded three-word queries:
/// the shipped hybrid search, the lexical baseline, and the vector store's two-pass search and exact scan against a
/// plain scalar scan of the same vectors, and reports the resident memory the loaded vectors add.
struct KnowledgeBenchQueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-query", abstract: "Benchmark: query latency and memory at scale (synthetic vectors).",
        shouldDisplay: false)

    @Option(name: .customLong("data-dir"), help: "Where the corpus and its index go.")
    var dataDir: String

    @Flag(help: "Generate and index the corpus instead of measuring.")
    var build = false

    @Option(help: "Files in the corpus.")
    var files = 10_000

    @Option(help: "Sections (chunks) per file.")
    var sections = 10

    @Option(help: "Vector dimension (all-MiniLM-L6-v2 has 384).")
    var dimension = 384

    @Option(help: "Timed queries per configuration.")
    var queries = 200

    @Option(help: "Seed of the corpus, the vectors and the queries.")
    var seed: UInt64 = 7

    func run() async throws {
        let embedder = SyntheticEmbedder(dimension: dimension, seed: seed)
        let logger = AgentSetup.logger(label: "spark-lsp.kb", verbose: false)
        let base = try KnowledgeBase(path: dataDir + "/" + KnowledgeBase.fileName)
        let words = Self.vocabulary(size: 20_000, seed: seed)
        if build {
            let tree = dataDir + "/tree"
            try Self.generate(into: tree, files: files, sections: sections, words: words, seed: seed)
            let report = try await KnowledgeIndex(base: base, embedder: embedder, logger: logger).index(roots: [tree])
            StandardStream.output("built " + report.summary + "\n")
            return
        }
        var state = seed ^ 0x5155_4552
        let texts = (0..<queries + 1).map { _ in
            (0..<3).map { _ in words[SeededNumbers.below(words.count, &state)] }.joined(separator: " ")
        }
        let statistics = try await base.statistics()
        let openBytes = Self.residentBytes()
        let hybrid = KnowledgeIndex(base: base, embedder: embedder, logger: logger)
        let load = try await Self.seconds { _ = try await hybrid.search(texts[0], limit: 5) }
        let loadedBytes = Self.residentBytes()
        let timed = Array(texts.dropFirst())
        var hybridTimes: [Double] = []
        var hybridCPUTimes: [Double] = []
        for text in timed {
            let cpuStarted = Self.processCPUSeconds()
            hybridTimes.append(try await Self.seconds { _ = try await hybrid.search(text, limit: 5) })
            hybridCPUTimes.append(Self.processCPUSeconds() - cpuStarted)
        }
        let lexical = KnowledgeIndex(
            base: base, embedder: embedder, baseline: BenchmarkBaseline(ranking: .lexical), logger: logger)
        var lexicalTimes: [Double] = []
        for text in timed {
            lexicalTimes.append(try await Self.seconds { _ = try await lexical.search(text, limit: 5) })
        }

        // The vector side alone: the store's two passes (4-bit scan, exact re-scoring), its exact SIMD scan, and a
        // plain scalar scan of the same vectors.
        let vectors = try await base.vectors()
        let store = MemoryVectorStore(vectors: vectors)
        let queryVectors = timed.map(embedder.vector)
        var twoPassTimes: [Double] = []
        var simdTimes: [Double] = []
        var scalarTimes: [Double] = []
        var agreeing = 0
        var exactAgreeing = 0
        var found = 0
        for query in queryVectors {
            var twoPass: [VectorMatch] = []
            var exact: [VectorMatch] = []
            var plain: [Int64] = []
            twoPassTimes.append(try await Self.seconds { twoPass = store.nearestNow(to: query, limit: 20) })
            simdTimes.append(try await Self.seconds { exact = store.nearestExact(to: query, limit: 20) })
            scalarTimes.append(try await Self.seconds { plain = Self.scalarNearest(query, in: vectors, limit: 20) })
            if twoPass.map(\.chunkID) == plain { agreeing += 1 }
            if exact.map(\.chunkID) == plain { exactAgreeing += 1 }
            found += Set(twoPass.map(\.chunkID)).intersection(plain).count
        }
        var fileInfo = stat()
        let fileBytes = stat(base.path, &fileInfo) == 0 ? Int(fileInfo.st_size) : 0
        let mib = { (bytes: Int) in String(Double(bytes * 10 / 1_048_576) / 10) }
        let ms = { (times: [Double]) in
            "\(Self.milliseconds(Self.percentile(times, 0.5))) / \(Self.milliseconds(Self.percentile(times, 0.95))) ms"
        }
        let scale = 100_000 / Double(max(statistics.chunks, 1))
        StandardStream.output(
            """
            | measure (\(statistics.chunks) chunks, \(statistics.vectors) vectors of \(dimension) dimensions, \(timed.count) three-word queries) | value |
            | --- | --- |
            | hybrid search p50 / p95 (BM25 + vector scan, fusion, chunks read) | \(ms(hybridTimes)) |
            | hybrid search, CPU time p50 / p95 (all the process's threads: on a loaded machine the rest is waiting) | \(ms(hybridCPUTimes)) |
            | lexical search p50 / p95 (BM25 alone, same index) | \(ms(lexicalTimes)) |
            | vector search p50 / p95, two passes (MemoryVectorStore: 4-bit scan, \(store.kernelName) kernel; the best \(MemoryVectorStore.minimumCandidates) re-scored; top 20) | \(ms(twoPassTimes)) |
            | vector scan p50 / p95, exact Float SIMD (same store, top 20) | \(ms(simdTimes)) |
            | vector scan p50 / p95, plain scalar loop (same vectors, top 20) | \(ms(scalarTimes)) |
            | two passes: the scalar loop's top 20, in order / recall@20 | \(agreeing)/\(queryVectors.count) queries / \(String(Double(found) / Double(max(queryVectors.count * 20, 1)))) |
            | exact SIMD scan: the scalar loop's top 20, in order | \(exactAgreeing)/\(queryVectors.count) queries |
            | first search (loads the vectors from SQLite) | \(Self.milliseconds(load)) ms |
            | resident memory, the process's own (anonymous): index open / vectors loaded | \(mib(openBytes.own)) / \(mib(loadedBytes.own)) MiB |
            | resident pages of knowledge.sqlite (memory-mapped, the page cache's) after loading | \(mib(loadedBytes.mapped)) MiB |
            | memory the vectors add, per 100,000 chunks | \(mib(Int(Double(loadedBytes.own - openBytes.own) * scale))) MiB (raw floats: \(mib(Int(Double(statistics.vectors * dimension * 4) * scale))) MiB) |
            | knowledge.sqlite | \(mib(fileBytes)) MiB |

            """)
    }

    /// The nearest `limit` vectors by dot product, computed as a straightforward implementation would: one
    /// scalar multiply-add at a time, the best kept in a small sorted array.
    static func scalarNearest(_ query: [Float], in vectors: [ChunkVector], limit: Int) -> [Int64] {
        var best: [(score: Float, id: Int64)] = []
        for candidate in vectors {
            var score: Float = 0
            for index in 0..<query.count { score += query[index] * candidate.vector[index] }
            if best.count < limit || score > best[best.count - 1].score {
                let position = best.firstIndex { $0.score < score } ?? best.count
                best.insert((score, candidate.chunkID), at: position)
                if best.count > limit { best.removeLast() }
            }
        }
        return best.map(\.id)
    }

    static func seconds(_ body: () async throws -> Void) async throws -> Double {
        let clock = ContinuousClock()
        let started = clock.now
        try await body()
        let elapsed = clock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The CPU time of the whole process (every thread: a search runs on the database's thread too).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        let ordered = values.sorted()
        guard !ordered.isEmpty else { return 0 }
        return ordered[min(ordered.count - 1, max(0, Int((fraction * Double(ordered.count)).rounded(.up)) - 1))]
    }

    static func milliseconds(_ seconds: Double) -> String { String(Double(Int(seconds * 100_000)) / 100) }

    /// The resident memory of this process from `/proc/self/statm`: its own pages (anonymous: resident less
    /// shared) and the file pages it maps (shared: mostly `knowledge.sqlite`, read through a memory map, which belong
    /// to the page cache and would be there as cached pages without the map).
    static func residentBytes() -> (own: Int, mapped: Int) {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return (0, 0) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return (0, 0) }
        let pages = String(decoding: buffer.prefix(count), as: UTF8.self).split(separator: " ").map { Int($0) ?? 0 }
        guard pages.count > 2 else { return (0, 0) }
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        return ((pages[1] - pages[2]) * pageSize, pages[2] * pageSize)
    }

    /// `size` made-up words of two to four syllables, seeded.
    static func vocabulary(size: Int, seed: UInt64) -> [String] {
        let syllables = [
            "ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "po", "gu", "sha", "tri", "bel", "cor", "dun",
        ]
        var state = seed
        var words = Set<String>()
        while words.count < size {
            let length = 2 + SeededNumbers.below(3, &state)
            words.insert((0..<length).map { _ in syllables[SeededNumbers.below(syllables.count, &state)] }.joined())
        }
        return words.sorted()
    }

    /// Writes `files` Markdown files under `root`, each a title and `sections` sections of 45 to 60 words.
    static func generate(into root: String, files: Int, sections: Int, words: [String], seed: UInt64) throws {
        var state = seed ^ 0x434F_5250
        func pick(_ count: Int) -> String {
            (0..<count).map { _ in words[SeededNumbers.below(words.count, &state)] }.joined(separator: " ")
        }
        for number in 0..<files {
            let folder = root + "/part\(number / 500)"
            if number % 500 == 0 {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            var text = "# Topic \(number)\n\n"
            for _ in 0..<sections { text += "## \(pick(3))\n\n\(pick(45 + SeededNumbers.below(16, &state))).\n\n" }
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/doc\(number).md"))
        }
    }
}
