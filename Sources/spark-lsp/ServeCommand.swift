import AgentCore
import ArgumentParser
import Logging
import SparkAgents
import SparkLSP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp serve` (the default): LSP over stdio; with `--http`, the HTTP service.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Language Server Protocol on stdin/stdout (the default), or with --http the HTTP API.")

    @Flag(name: .long, help: "Serve on stdin/stdout (the default; accepted because editors pass it).")
    var stdio = false

    @Flag(name: .long, help: "Serve the HTTP API (POST /chat, POST /chat/stream, GET /agents, ...) instead of LSP.")
    var http = false

    @Option(
        name: .long, help: "With --http: the address to listen on (default 127.0.0.1; any other needs SPARK_API_KEYS).")
    var host: String?

    @Option(name: .long, help: "With --http: the port (default 8000).")
    var port: Int?

    @Option(name: .long, help: "Append logs to this file instead of stderr.")
    var logFile: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = Self.defaultLogLevel

    @Option(
        name: .customLong("config"),
        help: "A JSON configuration file (else SPARK_CONFIG or <workspace>/.spark/config.json).")
    var configFile: String?

    @Option(
        name: .customLong("max-message-mib"),
        help: "Largest accepted message in MiB; larger frames are refused and skipped.")
    var maxMessageMiB: Int = Self.defaultMaxMessageMiB

    static let defaultLogLevel = "info"
    static let defaultMaxMessageMiB = 64

    func validate() throws {
        guard http || (host == nil && port == nil) else { throw ValidationError("--host and --port need --http") }
        guard !(http && stdio) else { throw ValidationError("--http and --stdio exclude each other") }
        guard maxMessageMiB > 0 else { throw ValidationError("--max-message-mib must be positive") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
    }

    func run() async throws {
        if http {
            var arguments = ["--log-level", logLevel]
            if let host { arguments += ["--host", host] }
            if let port { arguments += ["--port", String(port)] }
            if let configFile { arguments += ["--config", configFile] }
            try ServiceExecutable.replaceProcess(arguments: arguments)
        }
        try await Self.serve(
            logFile: logFile, logLevel: logLevel, maxMessageMiB: maxMessageMiB, configFile: configFile)
    }

    /// Serves with every option at its default, without the argument parser: the start-up fast path for
    /// editors (see `SparkLSPCommand.main()`).
    static func serveWithDefaults() async throws {
        try await serve(
            logFile: nil, logLevel: defaultLogLevel, maxMessageMiB: defaultMaxMessageMiB, configFile: nil)
    }

    private static func serve(
        logFile: String?, logLevel: String, maxMessageMiB: Int, configFile: String?
    ) async throws {
        // The protocol keeps its own duplicate of stdout; fd 1 then points at stderr, so a stray
        // print cannot corrupt the stream.
        let protocolFD = dup(STDOUT_FILENO)
        guard protocolFD >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0 else {
            throw ValidationError("could not set up stdio")
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        let logFD = try LogDestination.open(path: logFile)
        LoggingSystem.bootstrap { label in
            var handler = FDLogHandler(label: label, fd: logFD)
            handler.logLevel = level
            return handler
        }
        var configuration = ServerConfiguration()
        configuration.maximumFrameLength = maxMessageMiB << 20
        #if DEBUG
            configuration.dropDidChangeNumber = TestHooks.dropDidChangeNumber()
            if let limits = TestHooks.writerLimits() { configuration.writerLimits = limits }
        #endif
        configuration.codeActionKinds = CodeActionCatalog.kinds
        let logger = Logger(label: "spark-lsp")
        let server = LSPServer(input: STDIN_FILENO, output: protocolFD, configuration: configuration, logger: logger)
        let service = ChatService(
            client: makeModelClient(logger: logger), modules: AgentModules.all(), configFile: configFile,
            environment: ProcessInfo.processInfo.environment, sessionPrefix: "lsp", logger: logger)
        ChatFrontEnd(service: service).install(on: server)
        let guide = TerminalGuide.startIfInteractive(configFile: configFile)
        let code = await server.run()
        await service.shutdown()
        // A person at the terminal who ended the server at once still gets the summary (its probes are short).
        await guide?.value
        throw ExitCode(code)
    }
}
