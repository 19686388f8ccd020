import ArgumentParser
import Foundation
import Logging
import MCPTools
import SparkMCP

/// `spark-mcp`: the MCP helper. `spark-lsp mcp serve` executes `spark-mcp serve`; the language server starts
/// `spark-mcp gateway` itself. Neither is meant to be typed by hand.
@main
struct SparkMCPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark-mcp",
        abstract: "SparkLSP's MCP helper (started by spark-lsp).",
        subcommands: [GatewayCommand.self, MCPServeCommand.self]
    )
}

/// `spark-mcp gateway --workspace <dir>`: the language server's MCP connections, over its stdin and stdout.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway", abstract: "Hold the language server's MCP connections (a line protocol on stdio).")

    @Option(help: "The workspace: the servers' working directory unless they set cwd.")
    var workspace: String

    func run() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let logger = Logger(label: "spark-mcp.gateway")
        let gateway = MCPGateway(
            channel: JSONLineChannel(read: STDIN_FILENO, write: STDOUT_FILENO), workspace: workspace,
            environment: ProcessInfo.processInfo.environment, logger: logger)
        await gateway.run()
    }
}
