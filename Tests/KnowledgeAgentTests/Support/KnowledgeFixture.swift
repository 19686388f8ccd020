import AgentCore
import KnowledgeAgent
import SparkTestSupport

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A temporary folder of documents and a knowledge base in a data directory beside it.
struct KnowledgeFixture {
    let directory: String
    var root: String { directory + "/docs" }
    var dataDirectory: String { directory + "/data" }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("spark-kb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/docs", withIntermediateDirectories: true)
    }

    /// Writes `text` at `path` below the root (creating folders).
    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: String(full[..<full.lastIndex(of: "/")!]), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/" + path) }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(atPath: root + "/" + from, toPath: root + "/" + to)
    }

    /// A knowledge index over this fixture's data directory, lexical unless `embedder` is given.
    func index(
        embedder: (any TextEmbedder)? = nil, vectorStore: (any VectorStore)? = nil, maxFileSize: Int = 1 << 20,
        baseline: BenchmarkBaseline = BenchmarkBaseline()
    ) throws -> KnowledgeIndex {
        KnowledgeIndex(
            base: try KnowledgeBase(path: dataDirectory + "/knowledge.sqlite"), embedder: embedder,
            vectorStore: vectorStore, maxFileSize: maxFileSize, baseline: baseline, logger: .silent)
    }

    func cleanUp() {
        _ = chmod(root + "/secret", 0o755)
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Documentation about a logger, two guides and a code file: what the ranking tests ask about.
    func writeLoggingDocs() throws {
        try write(
            "logging.md",
            """
            # Logging

            The logging module writes messages from the application.

            ## Configuration

            Configure the logger with `configure(level:)` before the first message.

            ### Handlers

            A handler sends records to a destination: a file, the console or syslog.
            Add one with `logger.addHandler(FileHandler("app.log"))`.

            ## Levels

            Levels are debug, info, warning and error.
            """)
        try write(
            "guide/install.md",
            """
            Installation
            ============

            Download the archive and unpack it in your home folder.

            Upgrading
            ---------

            Replace the folder with the new release.
            """)
        try write(
            "Sources/Cache.swift",
            """
            import Foundation

            /// A cache of rendered pages.
            struct PageCache {
                var pages: [String: String] = [:]

                /// Drops every page older than the deadline.
                mutating func evict(before deadline: Int) {
                    pages.removeAll()
                }
            }
            """)
    }
}
