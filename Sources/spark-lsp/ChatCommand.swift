import AgentCore
import ArgumentParser
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp chat`: one request through the agents, streamed to stdout.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Run one request through the agents and stream the answer to stdout.",
        discussion: """
            Exit status: 0 on success, 1 when the model backend or the run fails (one line on stderr), \
            2 for a bad configuration, 130 when interrupted with Ctrl-C.
            """
    )

    @Option(help: "The agent to ask (default: the configured default agent, normally supervisor).")
    var agent: String?

    @Option(help: "A session id: the conversation continues across calls.")
    var session: String?

    @Flag(help: "Print one JSON object per event per line; the last line has kind \"done\".")
    var json = false

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Flag(help: "Allow commands and code to run without asking.")
    var yes = false

    @Flag(help: "Log debug details to stderr.")
    var verbose = false

    @Argument(help: "The request.")
    var message: String

    func run() async throws {
        let logger = AgentSetup.logger(label: "spark-lsp.chat", verbose: verbose)
        let setup: AgentSetup
        do {
            setup = try AgentSetup(
                configFile: configFile, environment: ProcessInfo.processInfo.environment,
                approval: CommandLineApproval(allowAll: yes), logger: logger)
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
        let agentName = agent ?? setup.configuration.defaultAgent
        guard setup.registry[agentName] != nil else {
            StandardStream.error(
                "spark-lsp: no agent named '\(agentName)' (agents: \(setup.registry.names.joined(separator: ", ")))\n")
            throw ExitCode.validationFailure
        }
        let sessionID = session ?? "cli-" + UUID().uuidString.lowercased()
        let engine = SwarmEngine(
            client: makeModelClient(logger: logger), registry: setup.registry,
            options: setup.configuration.runOptions, logger: logger)

        // Sessions (integration): `history = try await store.messages(session: sessionID)` and,
        // when `session` names one, start with `store.activeAgent(session:)` unless --agent is given.
        let history: [ChatMessage] = []
        let printer = ChatEventPrinter(json: json, sessionID: sessionID, agent: agentName)
        let outcome = await ChatRun.perform(
            engine: engine, agent: agentName, messages: history + [.user(message)], sessionID: sessionID,
            printer: printer)
        switch outcome {
        case .finished:
            // Sessions (integration): `try await store.append(response.messages, session: sessionID,
            // activeAgent: response.agent)` with the user message first.
            return
        case .failed(let agent, let error):
            printer.finish(agent: agent, status: "error")
            StandardStream.error(
                "spark-lsp: \(String(describing: error).split(separator: "\n").joined(separator: " "))\n")
            throw ExitCode(1)
        case .interrupted(let agent):
            printer.finish(agent: agent, status: "cancelled")
            StandardStream.error("spark-lsp: interrupted\n")
            throw ExitCode(130)
        }
    }
}
