import AgentCore
import ArgumentParser
import MCPTools
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp mcp`: the MCP servers the agents use (`list`), and SparkLSP as an MCP server (`serve`).
struct MCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp", abstract: "MCP: list the configured servers, or serve the agents to an MCP host.",
        subcommands: [MCPListCommand.self, MCPServeCommand.self])
}

/// `spark-lsp mcp list`: starts each configured server and shows its state and tools.
struct MCPListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Start each configured MCP server and show its state and tools.")

    @Flag(help: "Print one JSON object: {\"servers\": [...]}.")
    var json = false

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Flag(help: "Trust the workspace: apply the settings and MCP servers its own files define.")
    var trust = false

    func run() async throws {
        let logger = AgentSetup.logger(label: "spark-lsp.mcp", verbose: false)
        let environment = ProcessInfo.processInfo.environment
        let configuration: SparkConfiguration
        do {
            configuration = try await AgentSetup(
                configFile: configFile, environment: environment, approval: CommandLineApproval(allowAll: false),
                client: makeModelClient(logger: logger), trust: trust, logger: logger
            ).configuration
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
        let provider = MCPToolProvider(environment: environment, logger: logger)
        let states = await provider.states(of: configuration)
        await provider.shutdown()
        if json {
            let servers: [JSONValue] = states.map { state in
                [
                    "name": .string(state.name), "source": .string(state.source), "state": .string(state.state),
                    "tools": .array(state.tools.map(JSONValue.string)),
                ]
            }
            let problems = configuration.mcpProblems.map(JSONValue.string)
            StandardStream.output(
                JSONValue.object(["servers": .array(servers), "problems": .array(problems)]).serialized() + "\n")
            return
        }
        if states.isEmpty { StandardStream.output("No MCP servers are configured (mcpServers).\n") }
        for state in states {
            StandardStream.output(
                """
                \(state.name)  \(state.state)
                  defined in: \(state.source)
                  tools:      \(state.tools.isEmpty ? "(none)" : state.tools.map { "\(state.name)__\($0)" }.joined(separator: ", "))

                """)
        }
        for problem in configuration.mcpProblems { StandardStream.error("spark-lsp: \(problem)\n") }
    }
}

/// `spark-lsp mcp serve`: executes `spark-mcp serve` from beside this program (same pid, stdio and environment), so
/// the language server itself never links the MCP SDK.
struct MCPServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the agents (a chat tool, optionally the coding tools) to an MCP host on stdio.")

    @Option(
        help: "The workspace the agents and tools are confined to (default: WORKSPACE_DIR, else the current directory)."
    )
    var workspace: String?

    @Flag(help: "Also offer the coding agent's tools (file_read, grep, file_write, bash, ...) directly.")
    var codingTools = false

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func run() async throws {
        var arguments = ["serve", "--log-level", logLevel]
        if let workspace { arguments += ["--workspace", workspace] }
        if codingTools { arguments.append("--coding-tools") }
        if let configFile { arguments += ["--config", configFile] }
        try ServiceExecutable.replaceProcess(program: "spark-mcp", arguments: arguments)
    }
}
