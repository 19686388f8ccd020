import ArgumentParser
import SparkLSP

/// `spark-lsp`: serves LSP on stdio by default; other subcommands are listed here.
@main
struct SparkLSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark-lsp",
        abstract: "A language server that brings a multi-agent AI system into every editor.",
        discussion: """
            With no subcommand (or with --stdio, which editors pass), spark-lsp serves the Language \
            Server Protocol on stdin/stdout. Logs go to stderr, or to --log-file.

            Configuration (environment variables; editors can also send `initializationOptions` \
            and answer `workspace/configuration` for the section `spark`):
              VLLM_ENDPOINT          vLLM base URL (default http://localhost:8000/v1)
              VLLM_API_KEY           bearer token for vLLM (optional)
              SUPERVISOR_MODEL       model of the supervisor agent
              CODING_MODEL           model of the coding agent
              RAG_MODEL              model of the RAG agent
              IMAGE_MODEL            model of the image agent
              WORKSPACE_DIR          workspace root when the editor sends none
              ENABLE_CODE_EXECUTION  allow code execution tools (default false)
              SPARK_DATA_DIR         sessions and indexes (~/.local/share/spark)
              SPARK_CONFIG           path of a JSON configuration file
            """,
        version: sparkLSPVersion,
        // Every subcommand is listed here, and only here.
        subcommands: [ServeCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
