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
        let environment = ProcessInfo.processInfo.environment
        let setup: AgentSetup
        do {
            setup = try AgentSetup(
                configFile: configFile, environment: environment, approval: CommandLineApproval(allowAll: yes),
                logger: logger)
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
        let conversation: ChatSession
        let history: [ChatMessage]
        let storedAgent: String?
        do {
            conversation = try ChatSession(
                id: session, dataDirectory: setup.toolkit.dataDirectory,
                freshID: { "cli-" + UUID().uuidString.lowercased() })
            history = try await conversation.history()
            storedAgent = try await conversation.activeAgent()
        } catch {
            Self.fail("cannot open the session: \(error)")
            throw ExitCode(1)
        }
        let agentName = try resolveAgent(stored: storedAgent, setup: setup, logger: logger)
        // The run's own error line says why a request failed: the client's warning would repeat it.
        var clientLogger = logger
        if !verbose { clientLogger.logLevel = .error }
        let engine = SwarmEngine(
            client: makeModelClient(logger: clientLogger), registry: setup.registry,
            options: setup.configuration.runOptions, logger: logger)
        let printer = ChatEventPrinter(json: json, sessionID: conversation.id, agent: agentName)
        let user = ChatMessage.user(message)
        let outcome = await ChatRun.perform(
            engine: engine, agent: agentName, messages: history + [user], sessionID: conversation.id,
            printer: printer)
        switch outcome {
        case .finished(let response):
            try await save(conversation, user: user, run: response.messages, agent: response.agent)
        case .failed(let agent, let error, let answered):
            printer.finish(agent: agent, status: "error")
            try? await conversation.record(user: user, run: answered, finished: false, agent: agent)
            Self.fail(String(describing: error))
            throw ExitCode(1)
        case .interrupted(let agent, let answered):
            printer.finish(agent: agent, status: "cancelled")
            try? await conversation.record(user: user, run: answered, finished: false, agent: agent)
            StandardStream.error("spark-lsp: interrupted\n")
            throw ExitCode(130)
        }
    }

    /// `--agent`, else the session's active agent (when still registered), else the default agent.
    private func resolveAgent(stored: String?, setup: AgentSetup, logger: Logger) throws -> String {
        if agent == nil, let stored {
            if setup.registry[stored] != nil { return stored }
            logger.warning(
                "the session's agent is not configured; using the default agent", metadata: ["agent": "\(stored)"])
        }
        let name = agent ?? setup.configuration.defaultAgent
        guard setup.registry[name] != nil else {
            Self.fail("no agent named '\(name)' (agents: \(setup.registry.names.joined(separator: ", ")))")
            throw ExitCode.validationFailure
        }
        return name
    }

    private func save(
        _ conversation: ChatSession, user: ChatMessage, run messages: [ChatMessage], agent: String
    ) async throws {
        do {
            try await conversation.record(user: user, run: messages, finished: true, agent: agent)
        } catch {
            Self.fail("cannot save the session: \(error)")
            throw ExitCode(1)
        }
    }

    /// One line on stderr, whatever newlines the message has.
    private static func fail(_ message: String) {
        StandardStream.error("spark-lsp: \(message.split(whereSeparator: \.isNewline).joined(separator: " "))\n")
    }
}
