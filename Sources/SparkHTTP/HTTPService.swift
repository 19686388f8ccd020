import AgentCore
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The HTTP front end over `ChatService`: the original design's API (`POST /chat`, `POST /chat/stream`,
/// `GET /agents`, sessions, probes, metrics, the OpenAPI document) on Hummingbird.
///
/// ```swift
/// let metrics = ServiceMetrics()
/// let chat = ChatService(client: MeteredModelClient(client, metrics: metrics), modules: modules, ...)
/// let service = HTTPService(chat: chat, settings: settings, metrics: metrics, editor: { DiskWorkspaceEditor(...) })
/// try await service.run()   // until SIGTERM or SIGINT
/// ```
public final class HTTPService: Sendable {
    /// Where a run's edits go, made for the configuration in effect (files on disk in `spark-service`).
    public typealias EditorFactory = @Sendable (SparkConfiguration) throws -> any WorkspaceEditor

    let chat: ChatService
    let settings: ServiceSettings
    let metrics: ServiceMetrics
    let makeEditor: EditorFactory
    let limiter: ConcurrencyLimiter
    let readiness: ReadinessProbe
    let turns = RunningTurns()
    let logger: Logger
    /// `GET /agents`' last body and the configuration it describes.
    let agentsCache = Mutex<(configuration: SparkConfiguration, body: [UInt8])?>(nil)

    public init(
        chat: ChatService, settings: ServiceSettings, metrics: ServiceMetrics, editor: @escaping EditorFactory,
        logger: Logger
    ) {
        self.chat = chat
        self.settings = settings
        self.metrics = metrics
        self.makeEditor = editor
        self.limiter = ConcurrencyLimiter(limit: settings.maxConcurrentChats)
        self.readiness = ReadinessProbe(client: chat.client, cacheDuration: settings.readinessCacheDuration)
        self.logger = logger
    }

    /// The router with every route.
    func router() -> Router<ServiceContext> {
        let router = Router(context: ServiceContext.self)
        router.add(
            middleware: ServiceMiddleware(keys: settings.apiKeys, corsOrigins: settings.corsOrigins, metrics: metrics))
        addChatRoutes(to: router)
        addSessionRoutes(to: router)
        addInfoRoutes(to: router)
        return router
    }

    /// The Hummingbird application; `onServerRunning` gets the bound port (useful with port 0).
    public func application(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [HangUpWatcher()],
                    idleTimeout: .nanoseconds(settings.idleTimeout.nanoseconds))),
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: "SparkLSP"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT; then stops accepting connections, lets running requests and streams go
    /// on for `settings.shutdownGrace`, cancels what is left (each stream ends with its `error` and `done`
    /// events) and returns. `services` run beside the server and stop after it (the PostgreSQL sessions' pool).
    public func run(
        services: [any Service] = [], onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        var configuration = ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) } + [
                .init(service: application(onServerRunning: onServerRunning)),
                .init(
                    service: RunDrainer(turns: turns, grace: settings.shutdownGrace),
                    successTerminationBehavior: .ignore),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // The drainer cancels runs at the end of the grace; this bounds what is left (a stream's last writes).
        configuration.maximumGracefulShutdownDuration = settings.shutdownGrace + .seconds(5)
        try await ServiceGroup(configuration: configuration).run()
        await chat.shutdown()
    }

    /// The surface of a run: edits through the editor factory, approvals per `service.approval`.
    func surface() throws -> ChatSurface {
        let configuration = try chat.configurations.configuration()
        let editor: any WorkspaceEditor
        do {
            editor = try makeEditor(configuration)
        } catch {
            throw ServiceError(.internalServerError, "configuration", "the workspace cannot be used: \(error)")
        }
        let approval: any ApprovalPolicy =
            switch configuration.serviceApproval {
            case .allow: AllowAllPolicy()
            case .deny:
                DenyAllPolicy(reason: "the HTTP service does not run commands or code (service.approval is deny)")
            }
        return ChatSurface(editor: editor, approval: approval)
    }
}

extension Duration {
    /// The whole duration in nanoseconds (saturating).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds.multipliedReportingOverflow(by: 1_000_000_000).partialValue + attoseconds / 1_000_000_000
    }
}
