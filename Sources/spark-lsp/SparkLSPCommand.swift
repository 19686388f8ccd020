import ArgumentParser
import CodingAgent
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

            Configuration, later wins: built-in defaults, a JSON file (--config, SPARK_CONFIG or \
            <workspace>/.spark/config.json), environment variables, then the editor's settings \
            (`initializationOptions`, `workspace/configuration` section `spark`).
              VLLM_ENDPOINT          OpenAI-compatible base URL
                                     (default http://vllm-service.vllm-system.svc.cluster.local:8000/v1)
              VLLM_API_KEY           bearer token (or OPENAI_API_KEY); never logged
              SUPERVISOR_MODEL       supervisor's model (default gpt-oss-120b)
              CODING_MODEL           coding agent's model (default meta-llama/Llama-3.1-8B-Instruct)
              RAG_MODEL              RAG agent's model (default gpt-oss-20b)
              IMAGE_MODEL            image agent's model (default microsoft/Phi-4)
              <AGENT>_ENDPOINT       a base URL for one agent (SUPERVISOR_ENDPOINT, CODING_ENDPOINT, ...)
              WORKSPACE_DIR          workspace root when the editor sends none (default /tmp/coding_workspace)
              ENABLE_CODE_EXECUTION  offer bash, execute_code and python_repl (default true)
              SPARK_DATA_DIR         sessions and memory (default <workspace>/.spark or ~/.cache/spark-lsp)
              SPARK_CONFIG           a JSON configuration file
              SPARK_MODEL_FALLBACK   fall back to the server's first model when one is not served (default true)
              SPARK_CONNECT_TIMEOUT, SPARK_FIRST_BYTE_TIMEOUT, SPARK_IDLE_TIMEOUT
                                     seconds a model request may wait to connect, for the first byte of
                                     the reply, between two bytes of a stream (default 10, 600, 120)
            """,
        version: sparkLSPVersion,
        // Every subcommand is listed here, and only here.
        subcommands: [ServeCommand.self, ChatCommand.self, AgentsCommand.self, DoctorCommand.self, KnowledgeCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    /// Editors start the server with no arguments or with `--stdio`; that command line serves at once, with
    /// the default options. Building the argument parser's tables costs the runtime's first type and
    /// conformance lookups (about half of start-up to the `initialize` reply), so only other command lines
    /// go through the parser.
    static func main() async {
        // Before anything else: no same-uid process may read this one's environment (the API keys) from /proc.
        ProcessHardening.disableDumping()
        guard CommandLine.arguments.dropFirst().allSatisfy({ $0 == "--stdio" }) else {
            await main(nil)
            return
        }
        do {
            try await ServeCommand.serveWithDefaults()
        } catch {
            exit(withError: error)
        }
    }
}
