import CodingAgent
import SparkJSON
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The language server's end of its link to `spark-mcp gateway`, the helper that holds the MCP connections.
///
/// Why a helper: the official MCP Swift SDK brings full Foundation and FoundationNetworking (URLSession), which the
/// language server's stdio start-up does not load (docs/architecture.md, "Start-up and memory"). The helper is
/// started on the first run that uses an MCP server, and ends with this process (end of file on its stdin).
///
/// The link is JSON-RPC-shaped lines: requests `{"id", "method", "params"}` answered by `{"id", "result"}` or
/// `{"id", "error": {"message", "stderr"}}`; `cancel` `{"id"}` from here; `progress` `{"id", ...}`, `toolsChanged`
/// `{"server"}` and `serverFailed` `{"server", "message", "stderr"}` from the helper.
final class MCPGatewayClient: Sendable {
    /// A request the helper refused or could not do.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var stderr: String
        /// Whether the server is down (did not start, exited, or hung and was stopped), not just this call failed.
        var serverDown = false
        var description: String { message }
    }

    private struct State {
        var nextID = 1
        var pending: [Int: CheckedContinuation<JSONValue, any Error>] = [:]
        var progress: [Int: @Sendable (JSONValue) -> Void] = [:]
        var closed = false
    }

    let pid: pid_t
    private let channel: JSONLineChannel
    private let state = Mutex(State())

    /// Starts `executable gateway --workspace <workspace>`; `notification` gets `toolsChanged` and `serverFailed`.
    static func start(
        executable: String, workspace: String, environment: [String: String],
        notification: @escaping @Sendable (String, JSONValue) -> Void
    ) throws -> MCPGatewayClient {
        let requests = try ProcessSpawner.pipe()
        let replies = try ProcessSpawner.pipe()
        defer {
            _ = close(requests.read)
            _ = close(replies.write)
        }
        let pid: pid_t
        do {
            pid = try ProcessSpawner.spawn(
                executable: executable, arguments: ["gateway", "--workspace", workspace], environment: environment,
                workingDirectory: workspace, descriptors: [0: requests.read, 1: replies.write, 2: STDERR_FILENO])
        } catch {
            _ = close(requests.write)
            _ = close(replies.read)
            throw Failure(
                message:
                    "cannot start the MCP helper \(executable): \(error) (build it with `swift build --product spark-mcp`)",
                stderr: "")
        }
        let client = MCPGatewayClient(pid: pid, channel: JSONLineChannel(read: replies.read, write: requests.write))
        client.listen(notification: notification, readDescriptor: replies.read)
        return client
    }

    private init(pid: pid_t, channel: JSONLineChannel) {
        self.pid = pid
        self.channel = channel
    }

    /// Whether the helper is gone (a later use starts another).
    var isClosed: Bool { state.withLock { $0.closed } }

    /// Sends `method` and waits for its answer; cancelling the task sends `cancel` and throws `CancellationError`.
    func request(
        _ method: String, _ params: JSONValue, progress: (@Sendable (JSONValue) -> Void)? = nil
    ) async throws -> JSONValue {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            if let progress { state.progress[state.nextID] = progress }
            return state.nextID
        }
        defer { _ = state.withLock { $0.progress.removeValue(forKey: id) } }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let closed = state.withLock { state in
                    if state.closed || Task.isCancelled { return true }
                    state.pending[id] = continuation
                    return false
                }
                if closed {
                    continuation.resume(throwing: Task.isCancelled ? CancellationError() : Self.gone)
                    return
                }
                if !channel.send(["id": .int(id), "method": .string(method), "params": params]) {
                    fail(id, Self.gone)
                }
            }
        } onCancel: {
            fail(id, CancellationError())
            channel.send(["method": "cancel", "params": ["id": .int(id)]])
        }
    }

    /// Ends the helper: it stops every server when its stdin closes.
    func shutdown() {
        channel.closeWriting()
    }

    private static let gone = Failure(message: "the MCP helper exited", stderr: "")

    private func fail(_ id: Int, _ error: any Error) {
        state.withLock { $0.pending.removeValue(forKey: id) }?.resume(throwing: error)
    }

    private func listen(notification: @escaping @Sendable (String, JSONValue) -> Void, readDescriptor: Int32) {
        let messages = channel.messages()
        let pid = self.pid
        Task.detached { [self] in
            for await message in messages {
                if let id = message["id"]?.intValue {
                    let continuation = state.withLock { $0.pending.removeValue(forKey: id) }
                    if let error = message["error"] {
                        continuation?.resume(
                            throwing: Failure(
                                message: error["message"]?.stringValue ?? "failed",
                                stderr: error["stderr"]?.stringValue ?? "",
                                serverDown: error["serverDown"]?.boolValue ?? false))
                    } else {
                        continuation?.resume(returning: message["result"] ?? .null)
                    }
                } else if let method = message["method"]?.stringValue {
                    let params = message["params"] ?? .null
                    if method == "progress", let id = params["id"]?.intValue {
                        state.withLock { $0.progress[id] }?(params)
                    } else {
                        notification(method, params)
                    }
                }
            }
            let orphans = state.withLock { state in
                state.closed = true
                defer { state.pending = [:] }
                return Array(state.pending.values)
            }
            orphans.forEach { $0.resume(throwing: Self.gone) }
            _ = close(readDescriptor)
            channel.closeWriting()
            await DetachedThread.run {
                var status: Int32 = 0
                _ = waitpid(pid, &status, 0)
            }
        }
    }
}
