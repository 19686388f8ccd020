import Foundation
import Logging
import MCP
import SparkJSON
import Synchronization

/// One configured MCP server, connected through the SDK's `Client`: a process on stdio pipes, or a streamable-HTTP
/// endpoint. Knows its tools, forwards `notifications/tools/list_changed` and reports the process's exit.
///
/// MCP servers are programs the user configured, like an editor's language servers: they run as the user, outside the
/// agent's sandbox (they need their own caches, network and credentials; docs/security.md says why), with the
/// process environment minus the model API keys, in the workspace (or their `cwd`).
actor MCPServerConnection {
    /// What made a connection stop.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var stderr: String
        var description: String { stderr.isEmpty ? message : "\(message)\n\(stderr)" }
    }

    /// The longest a server may take to start and list its tools (installers such as `uvx` fetch on first use).
    static let startTimeout = Duration.seconds(120)

    /// The variables an MCP server never inherits.
    static let withheldVariables: Set<String> = ["VLLM_API_KEY", "OPENAI_API_KEY", "SPARK_API_KEYS"]

    let name: String
    /// The definition it was started from (`MCPServerDefinition.launchJSON`).
    let definition: JSONValue
    private let client: Client
    private let process: Process?
    /// The process's pipes, kept open as long as the connection.
    private let pipes: [Pipe]
    /// What the process wrote to stderr, last part.
    private let stderr: OutputTail
    private(set) var tools: [Tool] = []
    private var exited = false
    /// The calls in flight that asked for progress, by token.
    private var progressHandlers: [ProgressToken: @Sendable (ProgressNotification.Parameters) async -> Void] = [:]

    private func deliver(_ progress: ProgressNotification.Parameters) async {
        await progressHandlers[progress.progressToken]?(progress)
    }

    /// Starts the server and initializes it; `onListChanged` and `onExit` run on the SDK's tasks.
    static func start(
        definition: JSONValue, workspace: String, environment: [String: String], logger: Logger,
        onListChanged: @escaping @Sendable () async -> Void, onExit: @escaping @Sendable (Failure) async -> Void
    ) async throws(Failure) -> MCPServerConnection {
        let name = definition["name"]?.stringValue ?? "?"
        let client = Client(name: "spark-lsp", version: "1")
        let stderr = OutputTail()
        let transport: any Transport
        var process: Process?
        var pipes: [Pipe] = []
        if let command = definition["command"]?.stringValue {
            let started = try launch(
                command: command, definition: definition, workspace: workspace, environment: environment,
                stderr: stderr)
            process = started.process
            pipes = [started.input, started.output]
            transport = LineTransport(
                input: started.output.fileHandleForReading.fileDescriptor,
                output: started.input.fileHandleForWriting.fileDescriptor, logger: logger)
        } else if let url = definition["url"]?.stringValue {
            let headers = definition["headers"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
            transport = StreamableHTTPTransport(endpoint: url, headers: headers, logger: logger)
        } else {
            throw Failure(message: "\(name): neither a command nor a url", stderr: "")
        }
        let connection = MCPServerConnection(
            name: name, definition: definition, client: client, process: process, pipes: pipes, stderr: stderr)
        // Not awaited: listing again is a request, whose answer the SDK's message loop (running this handler) reads.
        await client.onNotification(ToolListChangedNotification.self) { _ in
            Task { await onListChanged() }
        }
        await client.onNotification(ProgressNotification.self) { message in
            await connection.deliver(message.params)
        }
        process?.terminationHandler = { finished in
            Task {
                await connection.markExited()
                await onExit(
                    Failure(
                        message: "the MCP server \(name) exited (status \(finished.terminationStatus))",
                        stderr: stderr.text))
            }
        }
        do {
            let started = try await withTimeout(startTimeout) {
                _ = try await client.connect(transport: transport)
                try await connection.refreshTools()
                return true
            }
            guard started != nil else {
                await connection.stop()
                throw Failure(
                    message: "the MCP server \(name) did not answer initialize within \(startTimeout)",
                    stderr: stderr.text)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            await connection.stop()
            throw Failure(message: "the MCP server \(name) did not start: \(error)", stderr: stderr.text)
        }
        return connection
    }

    private init(
        name: String, definition: JSONValue, client: Client, process: Process?, pipes: [Pipe], stderr: OutputTail
    ) {
        self.name = name
        self.definition = definition
        self.client = client
        self.process = process
        self.pipes = pipes
        self.stderr = stderr
    }

    /// The current stderr tail.
    var stderrTail: String { stderr.text }

    /// Lists the server's tools again (every page).
    func refreshTools() async throws {
        var all: [Tool] = []
        var cursor: String?
        repeat {
            let page = try await client.listTools(cursor: cursor)
            all += page.tools
            cursor = page.nextCursor
        } while cursor != nil && all.count < 10_000
        tools = all
    }

    /// Calls `tool`; `progress` gets the server's progress notifications. Cancelling the task sends
    /// `notifications/cancelled`; so does passing `timeout`, which then throws a `Failure`.
    func call(
        _ tool: String, arguments: [String: Value]?, timeout: Duration,
        progress: @escaping @Sendable (ProgressNotification.Parameters) async -> Void
    ) async throws -> CallTool.Result {
        let token = ProgressToken.unique()
        progressHandlers[token] = progress
        defer { progressHandlers[token] = nil }
        let request = CallTool.request(.init(name: tool, arguments: arguments, meta: Metadata(progressToken: token)))
        let context = try await client.send(request)
        let client = self.client
        return try await withTaskCancellationHandler {
            let answer: CallTool.Result?
            do {
                answer = try await withTimeout(timeout, { try await context.value })
            } catch {
                throw await wentAway(error) ?? error
            }
            guard let result = answer else {
                try? await client.cancelRequest(context.requestID, reason: "timed out")
                throw Failure(message: "\(tool) timed out after \(timeout)", stderr: stderr.text)
            }
            return result
        } onCancel: {
            Task { try? await client.cancelRequest(context.requestID, reason: "the run was cancelled") }
        }
    }

    /// The failure that `error` means for a streamable-HTTP server that is no longer there (the connection refused or
    /// cut, or the server no longer knowing our session because it restarted), which then counts as exited; `nil`
    /// for any other error (a stdio server's exit is reported by its process).
    private func wentAway(_ error: any Error) async -> Failure? {
        guard process == nil, let url = definition["url"]?.stringValue,
            let failure = error as? StreamableHTTPTransport.Failure, failure.serverGone
        else { return nil }
        await markExited()
        return Failure(message: "the MCP server \(name) at \(url) went away: \(failure.message)", stderr: "")
    }

    /// Ends the connection and the process.
    func stop() async {
        await client.disconnect()
        if let process, process.isRunning {
            process.terminate()
            let pid = process.processIdentifier
            // A server that ignores SIGTERM is killed after a moment.
            Task.detached {
                try? await Task.sleep(for: .seconds(2))
                if process.isRunning { kill(pid, SIGKILL) }
            }
        }
    }

    var isRunning: Bool { !exited }

    private func markExited() async {
        exited = true
        await client.disconnect()
    }

    /// Starts `command` through `/usr/bin/env` (so `PATH` finds `uvx`, `npx`, `python3`), with pipes for stdio.
    private static func launch(
        command: String, definition: JSONValue, workspace: String, environment: [String: String], stderr: OutputTail
    ) throws(Failure) -> (process: Process, input: Pipe, output: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + (definition["args"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        var variables = environment.filter { !withheldVariables.contains($0.key) }
        for (key, value) in definition["env"]?.objectValue ?? [:] { variables[key] = value.stringValue }
        process.environment = variables
        let directory = definition["cwd"]?.stringValue.map { $0.hasPrefix("/") ? $0 : workspace + "/" + $0 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? workspace)
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil } else { stderr.append(data) }
        }
        do {
            try process.run()
        } catch {
            throw Failure(message: "cannot start \(command): \(error)", stderr: "")
        }
        return (process, input, output)
    }
}
