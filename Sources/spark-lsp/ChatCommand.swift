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

    @Option(help: "The agent to ask (default: the session's agent, else the configured default agent).")
    var agent: String?

    @Option(help: "A session id: the conversation continues across calls.")
    var session: String?

    @Flag(help: "Print one JSON object per event per line; the last line has kind \"done\".")
    var json = false

    @Option(name: .customLong("config"), help: "A JSON configuration file.")
    var configFile: String?

    @Flag(help: "Trust the workspace: apply the endpoints, API key and directories its .spark/config.json sets.")
    var trust = false

    @Flag(help: "Allow commands and code to run without asking.")
    var yes = false

    @Flag(help: "Log debug details to stderr.")
    var verbose = false

    @Option(
        name: .customLong("image"),
        help: "Attach an image (a workspace path, file: URI or data: URL); repeat for several.")
    var images: [String] = []

    @Argument(help: "The request.")
    var message: String

    func run() async throws {
        let logger = AgentSetup.logger(label: "spark-lsp.chat", verbose: verbose)
        // The run's own error line says why a request failed: the client's warning would repeat it.
        var clientLogger = logger
        if !verbose { clientLogger.logLevel = .error }
        let setup: AgentSetup
        do {
            setup = try await AgentSetup(
                configFile: configFile, environment: ProcessInfo.processInfo.environment,
                approval: CommandLineApproval(allowAll: yes), client: makeModelClient(logger: clientLogger),
                trust: trust, logger: logger)
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
        // Without --session nothing is stored; the id only tags the output.
        var request = ChatTurnRequest(
            message: message, sessionID: session ?? setup.service.freshSessionID(), agent: agent,
            persistent: session != nil)
        request.images = images
        let printer = ChatEventPrinter(json: json, sessionID: request.sessionID ?? "")
        let run = Task { try await setup.service.run(request, on: setup.surface) { printer.print($0) } }
        let interrupt = InterruptSignal { run.cancel() }
        defer { interrupt.cancel() }
        switch await run.result {
        case .success(let result):
            printer.finish(agent: result.agent, status: "ok")
            if let notice = result.notice { Self.fail(notice) }
        case .failure(let error as ChatError):
            printer.finish(agent: printer.activeAgent, status: "error")
            Self.fail(error.message)
            throw [.invalidRequest, .invalidAttachment, .configuration].contains(error.code) ? ExitCode(2) : ExitCode(1)
        case .failure:
            printer.finish(agent: printer.activeAgent, status: "cancelled")
            StandardStream.error("spark-lsp: interrupted\n")
            throw ExitCode(130)
        }
    }

    /// One line on stderr, whatever newlines the message has.
    private static func fail(_ message: String) {
        StandardStream.error("spark-lsp: \(message.split(whereSeparator: \.isNewline).joined(separator: " "))\n")
    }
}
