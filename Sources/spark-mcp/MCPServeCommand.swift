import AgentCore
import ArgumentParser
import Foundation
import Logging
import MCPTools
import SparkAgents
import SparkMCP

/// `spark-mcp serve` (what `spark-lsp mcp serve` executes): the agents, and with `--coding-tools` the coding agent's
/// tools, for an MCP host on stdio.
struct MCPServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve SparkLSP's agents to an MCP host on stdin/stdout.")

    @Option(
        help: "The workspace the agents and tools are confined to (default: WORKSPACE_DIR, else the current directory)."
    )
    var workspace: String?

    @Flag(help: "Also offer the coding agent's tools (file_read, grep, file_write, bash, ...) directly.")
    var codingTools = false

    @Option(
        name: .customLong("config"),
        help: "A JSON configuration file (else SPARK_CONFIG or <workspace>/.spark/config.json).")
    var configFile: String?

    @Option(name: .long, help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "spark-mcp.serve")
        var environment = ProcessInfo.processInfo.environment
        let root =
            workspace ?? environment["WORKSPACE_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("the workspace \(absolute) is not a directory")
        }
        environment["WORKSPACE_DIR"] = absolute
        let service = ChatService(
            client: HTTPModelClient(
                logger: logger, options: HTTPModelClient.Options(userAgent: "SparkLSP/\(sparkVersion)")),
            modules: AgentModules.all(), configFile: configFile, environment: environment, sessionPrefix: "mcp",
            // The configured MCP servers, for the agents behind `chat` (through a gateway helper, as in the editor).
            toolProviders: [MCPToolProvider(environment: environment, logger: logger)], logger: logger)
        let server = SparkMCPServer(
            service: service, workspace: absolute, codingTools: codingTools, environment: environment, logger: logger)
        try await server.run()
    }
}
