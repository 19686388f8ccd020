import Foundation
import Logging
import MCP
import MCPTools
import SparkJSON

/// `spark-mcp gateway`: holds the language server's MCP connections and answers it over the line link that
/// `MCPGatewayClient` (module MCPTools) describes. Ends, stopping every server, when its stdin closes.
public actor MCPGateway {
    private let channel: JSONLineChannel
    private let workspace: String
    private let environment: [String: String]
    private let logger: Logger
    private var connections: [String: MCPServerConnection] = [:]
    private var starting: [String: Task<MCPServerConnection, any Error>] = [:]
    private var calls: [Int: Task<Void, Never>] = [:]

    package init(channel: JSONLineChannel, workspace: String, environment: [String: String], logger: Logger) {
        self.channel = channel
        self.workspace = workspace
        self.environment = environment
        self.logger = logger
    }

    /// Serves until the link's input ends.
    public func run() async {
        for await message in channel.messages() {
            guard let method = message["method"]?.stringValue else { continue }
            let params = message["params"] ?? .null
            guard let id = message["id"]?.intValue else {
                if method == "cancel", let id = params["id"]?.intValue { calls.removeValue(forKey: id)?.cancel() }
                continue
            }
            calls[id] = Task { await self.answer(id, method, params) }
        }
        for task in calls.values { task.cancel() }
        for connection in connections.values { await connection.stop() }
    }

    private func answer(_ id: Int, _ method: String, _ params: JSONValue) async {
        var reply: JSONValue = ["id": .int(id)]
        do {
            reply = ["id": .int(id), "result": try await perform(id, method, params)]
        } catch let failure as MCPServerConnection.Failure {
            reply = [
                "id": .int(id),
                "error": ["message": .string(failure.message), "stderr": .string(failure.stderr), "serverDown": true],
            ]
        } catch is CancellationError {
            reply = ["id": .int(id), "error": ["message": "cancelled"]]
        } catch {
            reply = ["id": .int(id), "error": ["message": .string("\(error)")]]
        }
        calls[id] = nil
        channel.send(reply)
    }

    private func perform(_ id: Int, _ method: String, _ params: JSONValue) async throws -> JSONValue {
        switch method {
        case "tools":
            guard let definition = params["server"], definition["name"]?.stringValue != nil else {
                throw GatewayError("tools needs a server definition")
            }
            let connection = try await connection(for: definition)
            return ["tools": .array(try await connection.tools.map(Self.describe))]
        case "call":
            guard let name = params["server"]?.stringValue, let tool = params["tool"]?.stringValue else {
                throw GatewayError("call needs a server and a tool")
            }
            guard let connection = connections[name], await connection.isRunning else {
                throw MCPServerConnection.Failure(message: "the MCP server \(name) is not running", stderr: "")
            }
            return try await call(connection, tool: tool, id: id, params: params)
        default:
            throw GatewayError("unknown method \(method)")
        }
    }

    private func call(_ connection: MCPServerConnection, tool: String, id: Int, params: JSONValue) async throws
        -> JSONValue
    {
        let arguments = try params["arguments"]?.objectValue?.mapValues { try Value(json: $0) }
        let timeout = Duration.milliseconds(params["timeoutMilliseconds"]?.intValue ?? 120_000)
        let limit = params["outputLimit"]?.intValue ?? 65_536
        let channel = self.channel
        do {
            let result = try await connection.call(tool, arguments: arguments, timeout: timeout) { progress in
                var update: [String: JSONValue] = ["id": .int(id), "progress": .double(progress.progress)]
                if let total = progress.total { update["total"] = .double(total) }
                if let message = progress.message { update["message"] = .string(message) }
                channel.send(["method": "progress", "params": .object(update)])
            }
            return [
                "content": .string(Self.capped(ToolContentText.text(of: result.content), limit: limit)),
                "isError": .bool(result.isError ?? false),
            ]
        } catch let failure as MCPServerConnection.Failure {
            // A call that outlives its timeout means a hung server: stop it, so the next use starts it afresh.
            await stop(connection.name, failure: failure)
            throw failure
        } catch {
            // A server that exited during the call is down, not just this call failed.
            guard await connection.isRunning else {
                throw MCPServerConnection.Failure(
                    message: "the MCP server \(connection.name) exited during the call",
                    stderr: await connection.stderrTail)
            }
            throw error
        }
    }

    /// `text` cut to `limit` characters, saying how much was left out.
    static func capped(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "\n[... \(text.count - limit) more characters cut]"
    }

    private static func describe(_ tool: Tool) throws -> JSONValue {
        [
            "name": .string(tool.name), "description": .string(tool.description ?? ""),
            "inputSchema": try JSONValue(mcp: tool.inputSchema),
        ]
    }

    /// The running connection of `definition`'s server, started (or restarted with a new definition) when needed.
    private func connection(for definition: JSONValue) async throws -> MCPServerConnection {
        let name = definition["name"]?.stringValue ?? ""
        if let current = connections[name] {
            if current.definition == definition, await current.isRunning { return current }
            connections[name] = nil
            await current.stop()
        }
        if let pending = starting[name] { return try await pending.value }
        let task = Task { [workspace, environment, logger] in
            try await MCPServerConnection.start(
                definition: definition, workspace: workspace, environment: environment, logger: logger,
                onListChanged: { [weak self] in await self?.listChanged(name) },
                onExit: { [weak self] failure in await self?.exited(name, failure: failure) })
        }
        starting[name] = task
        defer { starting[name] = nil }
        let connection = try await task.value
        connections[name] = connection
        return connection
    }

    private func listChanged(_ name: String) async {
        guard let connection = connections[name] else { return }
        try? await connection.refreshTools()
        channel.send(["method": "toolsChanged", "params": ["server": .string(name)]])
    }

    private func exited(_ name: String, failure: MCPServerConnection.Failure) async {
        guard connections[name] != nil else { return }
        connections[name] = nil
        report(name, failure)
    }

    private func stop(_ name: String, failure: MCPServerConnection.Failure) async {
        guard let connection = connections.removeValue(forKey: name) else { return }
        await connection.stop()
        report(name, failure)
    }

    private func report(_ name: String, _ failure: MCPServerConnection.Failure) {
        logger.warning("\(failure.message)")
        channel.send([
            "method": "serverFailed",
            "params": [
                "server": .string(name), "message": .string(failure.message), "stderr": .string(failure.stderr),
            ],
        ])
    }
}

/// A request the gateway cannot do.
struct GatewayError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
