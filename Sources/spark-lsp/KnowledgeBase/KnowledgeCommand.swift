import ArgumentParser

/// `spark-lsp kb`: the knowledge base from the command line (what scripts and benchmarks drive).
struct KnowledgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kb",
        abstract: "Index, search and read the knowledge base (<data dir>/knowledge.sqlite).",
        discussion: """
            The data directory is --data-dir, else SPARK_DATA_DIR, else <workspace>/.spark. Indexing reads the \
            workspace and knowledgeBase.paths (KNOWLEDGE_BASE_PATHS, colon-separated); with EMBEDDING_MODEL \
            (knowledgeBase.embeddingModel) set, chunks are embedded through EMBEDDING_ENDPOINT (default: the \
            agents' endpoint) and search is hybrid. Exit status: 0 on success, 1 when the operation fails, \
            2 for bad input or configuration.
            """,
        subcommands: [
            KnowledgeIndexCommand.self, KnowledgeSearchCommand.self, KnowledgeGetCommand.self,
            KnowledgeStatsCommand.self, KnowledgeResetCommand.self, KnowledgeBenchQueryCommand.self,
        ])
}

/// The options every `kb` subcommand takes.
struct KnowledgeOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "The data directory (default SPARK_DATA_DIR, else <workspace>/.spark).")
    var dataDir: String?

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Flag(help: "Log debug details to stderr.")
    var verbose = false
}
