import AgentCore
import ArgumentParser
import CodingAgent
import Logging
import MCPTools
import SparkAgents
import SparkHTTP
import SparkPostgres
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-service` (also `spark-lsp serve --http`): the original design's HTTP API over the same agents,
/// configuration and sessions as the language server.
///
/// A program of its own, so that the language server's start-up and memory carry none of SwiftNIO and
/// Hummingbird: `spark-lsp serve --http` executes this binary from beside itself.
@main
struct SparkServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spark-service",
        abstract: "Serve the agents over HTTP: POST /chat, POST /chat/stream, GET /agents, sessions, probes, metrics.",
        discussion: """
            Listens on 127.0.0.1:8000 by default. Any other address requires SPARK_API_KEYS. Settings: \
            SPARK_API_KEYS, SPARK_HTTP_MAX_BODY_BYTES, SPARK_HTTP_MAX_CONCURRENT, SPARK_HTTP_REQUEST_TIMEOUT, \
            SPARK_HTTP_IDLE_TIMEOUT, SPARK_HTTP_SHUTDOWN_GRACE, SPARK_HTTP_CORS_ORIGINS, DATABASE_URL (sessions in \
            PostgreSQL instead of SQLite) and SPARK_DATABASE_TIMEOUT (seconds to reach it, default 30), and service.approval \
            (SPARK_SERVICE_APPROVAL) in the configuration; see the README.
            """,
        version: sparkVersion)

    @Option(help: "The address to listen on (default 127.0.0.1; any other needs SPARK_API_KEYS).")
    var host: String?

    @Option(help: "The port (default 8000; 0 picks a free one).")
    var port: Int?

    @Option(
        name: .customLong("config"),
        help: "A JSON configuration file (else SPARK_CONFIG or <workspace>/.spark/config.json).")
    var configFile: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown log level '\(logLevel)'") }
    }

    func run() async throws {
        // The service holds API keys: no same-uid process may read its environment from /proc.
        _ = ProcessHardening.disableDumping()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "spark-service")
        let environment = ProcessInfo.processInfo.environment
        let settings: ServiceSettings
        do {
            settings = try ServiceSettings(environment: environment, host: host, port: port)
        } catch {
            Self.fail("\(error)")
            throw ExitCode(2)
        }
        // Sessions in PostgreSQL when DATABASE_URL names one (several replicas), else in the SQLite file of the
        // data directory, shared with the language server and `spark-lsp chat`.
        var sessions: PostgresSessionService?
        if let url = environment["DATABASE_URL"] {
            do {
                let timeout = try Self.databaseTimeout(environment["SPARK_DATABASE_TIMEOUT"])
                let service = try PostgresSessionService(databaseURL: url, timeout: timeout, logger: logger)
                // Before listening: a database that cannot be reached stops the service with the reason.
                try await service.waitForDatabase()
                sessions = service
            } catch {
                Self.fail("\(error)")
                throw ExitCode(2)
            }
        }
        let metrics = ServiceMetrics()
        let client = HTTPModelClient(
            logger: logger, options: HTTPModelClient.Options(userAgent: "SparkLSP/\(sparkVersion)"))
        // The configured MCP servers, in the `spark-mcp` helper beside this executable; nothing starts until a run
        // uses one. Their progress reaches `/chat/stream` as `progress` events.
        let chat = ChatService(
            client: MeteredModelClient(client, metrics: metrics), modules: AgentModules.all(), configFile: configFile,
            environment: environment, sessionStorage: sessions?.store, sessionPrefix: "http",
            toolProviders: [MCPToolProvider(environment: environment, logger: logger)], logger: logger)
        do {
            let configuration = try chat.configurations.configuration()
            if let untrusted = configuration.untrusted { logger.warning("\(untrusted.message)") }
        } catch {
            Self.fail(error.message)
            throw ExitCode(2)
        }
        // Every request gets an editor; the workspace root is opened again only when the configured workspace
        // changes or its directory went away.
        let roots = WorkspaceRootCache()
        let service = HTTPService(
            chat: chat, settings: settings, metrics: metrics,
            editor: { configuration in
                DiskWorkspaceEditor(
                    root: try roots.root(path: configuration.workspace),
                    protected: ProtectedPaths(additional: configuration.protectedPaths))
            }, logger: logger)
        do {
            try await service.run(services: sessions.map { [$0] } ?? []) { port in
                // One line on stdout when the service accepts connections (scripts and tests wait for it).
                let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
                Self.write("spark-service: listening on http://\(host):\(port)\n", to: STDOUT_FILENO)
            }
        } catch let error as PostgresSessionError {
            // The schema could not be migrated at start-up.
            Self.fail("\(error)")
            throw ExitCode(2)
        }
    }

    /// `SPARK_DATABASE_TIMEOUT`: whole seconds, at least 1 (default 30).
    private static func databaseTimeout(_ value: String?) throws(PostgresSessionError) -> Duration {
        guard let value else { return .seconds(30) }
        guard let seconds = Int(value), seconds > 0 else {
            throw PostgresSessionError(
                operation: "read SPARK_DATABASE_TIMEOUT", message: "'\(value)' is not a whole number of seconds above 0")
        }
        return .seconds(seconds)
    }

    private static func fail(_ message: String) {
        write("spark-service: \(message)\n", to: STDERR_FILENO)
    }

    /// One `write` of a whole line (short lines: a pipe takes them at once).
    private static func write(_ line: String, to descriptor: Int32) {
        var bytes = Array(line.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
