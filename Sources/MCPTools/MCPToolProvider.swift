import AgentCore
import Logging
import SparkJSON

/// Offers the tools of the configured MCP servers to the agents (`agents.<name>.mcpServers`, by default the coding
/// agent), named `<server>__<tool>` with the server's own JSON schemas. Servers start on the first run that uses
/// them (or with the front end, `startup: eager`) in the `spark-mcp` helper (see `MCPGatewayClient`).
///
/// A server that fails to start, exits or hangs has its tools withdrawn from the next runs, the front end is told
/// (with the server's stderr tail), and it is started again on a later use after a back-off (`MCPServerStatus`).
public actor MCPToolProvider: AgentToolProvider {
    /// The longest one call may take when the server's `timeout` says nothing.
    public static let defaultTimeout = Duration.seconds(120)
    /// The most characters of one result the model gets.
    public static let defaultOutputLimit = 65_536

    private let helper: String
    private let environment: [String: String]
    private let outputLimit: Int
    private let firstBackOff: Duration
    private let logger: Logger
    private var gateways: [String: MCPGatewayClient] = [:]
    /// By workspace, then server name.
    private var statuses: [String: [String: MCPServerStatus]] = [:]
    private var problemHandler: (@Sendable (String) -> Void)?
    private var toolsChangedHandler: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - helper: the `spark-mcp` executable; `nil` is the one beside this executable.
    ///   - environment: the process environment the helper (and through it each server) starts with.
    public init(
        helper: String? = nil, environment: [String: String], outputLimit: Int = defaultOutputLimit,
        firstBackOff: Duration = .seconds(1), logger: Logger
    ) {
        self.firstBackOff = firstBackOff
        self.helper = helper ?? HelperExecutable.path(named: "spark-mcp")
        self.environment = environment
        self.outputLimit = outputLimit
        self.logger = logger
    }

    /// Where the user hears of a server that failed (the language server's `window/showMessage`).
    public func onProblem(_ handler: @escaping @Sendable (String) -> Void) {
        problemHandler = handler
    }

    /// Called with a server's name when it announced `notifications/tools/list_changed` (its tools are listed again
    /// on the next run that uses it).
    public func onToolsChanged(_ handler: @escaping @Sendable (String) -> Void) {
        toolsChangedHandler = handler
    }

    public func tools(for agent: String, run: AgentRunContext) async -> [any AgentTool] {
        var tools: [any AgentTool] = []
        for server in run.configuration.mcpServers(for: agent) {
            for info in await ensure(server, workspace: run.workspace) {
                tools.append(
                    MCPTool(
                        server: server, info: info, workspace: run.workspace, approval: run.approval, provider: self))
            }
        }
        return tools
    }

    public func start(configuration: SparkConfiguration) async {
        for server in configuration.mcpServers.values where server.startup == .eager && !server.disabled {
            _ = await ensure(server, workspace: configuration.workspace)
        }
    }

    public func shutdown() async {
        for gateway in gateways.values { gateway.shutdown() }
        gateways = [:]
    }

    /// Each server of `configuration` with its state, starting those not started (`spark-lsp mcp list`).
    public func states(of configuration: SparkConfiguration) async -> [MCPServerState] {
        var states: [MCPServerState] = []
        for server in configuration.mcpServers.values.sorted(by: { $0.name < $1.name }) {
            guard !server.disabled else {
                states.append(MCPServerState(name: server.name, source: server.source, state: "disabled", tools: []))
                continue
            }
            let tools = await ensure(server, workspace: configuration.workspace)
            switch statuses[configuration.workspace]?[server.name]?.state {
            case .failed(let message, _)?:
                states.append(
                    MCPServerState(name: server.name, source: server.source, state: "failed: \(message)", tools: []))
            default:
                states.append(
                    MCPServerState(name: server.name, source: server.source, state: "ready", tools: tools.map(\.name)))
            }
        }
        return states
    }

    /// The tools of `server`, starting it when it is not running and not backing off.
    func ensure(_ server: MCPServerDefinition, workspace: String) async -> [MCPToolInfo] {
        let now = ContinuousClock.now
        if let status = statuses[workspace]?[server.name], status.definition == server {
            switch status.state {
            case .ready(let tools): return tools
            case .failed(_, let retryAt) where now < retryAt: return []
            case .failed: break
            }
        }
        do {
            let gateway = try gateway(for: workspace)
            let result = try await gateway.request("tools", ["server": server.launchJSON])
            let tools = (result["tools"]?.arrayValue ?? []).compactMap(MCPToolInfo.init)
            var status = MCPServerStatus(definition: server, state: .ready(tools: tools))
            status.backOff = .zero
            statuses[workspace, default: [:]][server.name] = status
            return tools
        } catch is CancellationError {
            return []
        } catch {
            markFailed(server, workspace: workspace, error: error)
            return []
        }
    }

    /// Calls `tool` of `server` (started by `ensure`), with its timeout; `progress` gets the server's progress.
    func call(
        _ server: MCPServerDefinition, tool: String, arguments: JSONValue, workspace: String,
        progress: @escaping @Sendable (JSONValue) -> Void
    ) async throws -> ToolResult {
        if case .failed(let message, _)? = statuses[workspace]?[server.name]?.state {
            return .error("the MCP server \(server.name) is down (\(message)); its tools are withdrawn")
        }
        let timeout = server.timeout ?? Self.defaultTimeout
        let gateway = try gateway(for: workspace)
        do {
            let result = try await gateway.request(
                "call",
                [
                    "server": .string(server.name), "tool": .string(tool), "arguments": arguments,
                    "timeoutMilliseconds": .int(Int(timeout.components.seconds * 1000)),
                    "outputLimit": .int(outputLimit),
                ], progress: progress)
            let content = result["content"]?.stringValue ?? ""
            return result["isError"]?.boolValue == true ? .error(content) : ToolResult(content)
        } catch let failure as MCPGatewayClient.Failure {
            if failure.serverDown { markFailed(server, workspace: workspace, error: failure) }
            return .error(failure.message)
        }
    }

    private func gateway(for workspace: String) throws -> MCPGatewayClient {
        if let gateway = gateways[workspace], !gateway.isClosed { return gateway }
        // A new helper knows no server: the statuses of the old one are gone with it.
        statuses[workspace] = nil
        let gateway = try MCPGatewayClient.start(executable: helper, workspace: workspace, environment: environment) {
            [weak self] method, params in
            guard let self else { return }
            Task { await self.handle(method, params, workspace: workspace) }
        }
        gateways[workspace] = gateway
        return gateway
    }

    private func handle(_ method: String, _ params: JSONValue, workspace: String) {
        guard let name = params["server"]?.stringValue, let status = statuses[workspace]?[name] else { return }
        switch method {
        case "toolsChanged":
            // Listed again on the next run that uses it.
            statuses[workspace]?[name] = nil
            toolsChangedHandler?(name)
        case "serverFailed":
            let failure = MCPGatewayClient.Failure(
                message: params["message"]?.stringValue ?? "failed", stderr: params["stderr"]?.stringValue ?? "",
                serverDown: true)
            markFailed(status.definition, workspace: workspace, error: failure)
        default:
            break
        }
    }

    /// Withdraws the server's tools until its back-off ends and tells the user, once per failure (and not again while
    /// it keeps failing the same way).
    private func markFailed(_ server: MCPServerDefinition, workspace: String, error: any Error) {
        let previous =
            statuses[workspace]?[server.name] ?? MCPServerStatus(definition: server, state: .ready(tools: []))
        var standing: String?
        if previous.definition == server, case .failed(let message, let retryAt) = previous.state {
            // The same failure, reported twice (the call's answer and the helper's notice).
            if ContinuousClock.now < retryAt { return }
            standing = message
        }
        let message = (error as? MCPGatewayClient.Failure)?.message ?? "\(error)"
        statuses[workspace, default: [:]][server.name] = MCPServerStatus(
            definition: server, state: previous.state, backOff: previous.backOff
        ).failed(message, now: .now, firstBackOff: firstBackOff)
        guard message != standing else { return }
        let stderr = (error as? MCPGatewayClient.Failure)?.stderr ?? ""
        let tail = stderr.isEmpty ? "" : "\n" + stderr.suffix(1000)
        let text = "Spark: the MCP server \(server.name) is unavailable, its tools are withdrawn: \(message)\(tail)"
        logger.warning("\(text)")
        problemHandler?(text)
    }
}

/// One server's state as `spark-lsp mcp list` shows it.
public struct MCPServerState: Sendable {
    public var name: String
    /// Where it is defined.
    public var source: String
    /// `ready`, `disabled`, or `failed: <why>`.
    public var state: String
    /// Its tools' own names.
    public var tools: [String]
}
