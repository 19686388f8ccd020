import ArgumentParser
import SparkLSP

@main
struct SparkLSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark-lsp",
        abstract: "A language server that brings a multi-agent AI system into every editor.",
        version: sparkLSPVersion,
        subcommands: [ChatCommand.self, AgentsCommand.self]
    )

    mutating func run() async throws {}
}
