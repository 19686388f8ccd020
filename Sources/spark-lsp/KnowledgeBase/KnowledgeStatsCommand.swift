import ArgumentParser
import KnowledgeAgent

/// `spark-lsp kb stats`.
struct KnowledgeStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show what the knowledge base holds.")

    @OptionGroup var options: KnowledgeOptions

    func run() async throws {
        let setup = try KnowledgeSetup(options)
        let statistics = try await KnowledgeSetup.failing { try await setup.index.base.statistics() }
        StandardStream.output(
            """
            database:  \(setup.index.base.path)
            roots:     \(statistics.roots.isEmpty ? "(none)" : statistics.roots.joined(separator: ", "))
            documents: \(statistics.documents)
            chunks:    \(statistics.chunks)
            vectors:   \(statistics.vectors)\(statistics.embedder.map { " (\($0))" } ?? "")

            """)
    }
}

/// `spark-lsp kb reset`.
struct KnowledgeResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Remove every document, chunk and vector from the knowledge base.")

    @OptionGroup var options: KnowledgeOptions

    func run() async throws {
        let setup = try KnowledgeSetup(options)
        try await KnowledgeSetup.failing { try await setup.index.base.reset() }
        StandardStream.output("reset \(setup.index.base.path)\n")
    }
}
