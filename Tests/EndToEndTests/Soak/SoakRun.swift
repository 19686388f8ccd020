import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The soak's driver: runs the operations one after the other against the current server, injects the faults the
/// client side owns (cancels, disconnects, kills), restarts the server when a fault ended it, and counts.
final class SoakRun: Sendable {
    /// How one request ended, as the client saw it.
    enum Answer {
        case result(JSONValue)
        case error(ResponseError)
        /// The server's output closed before the reply.
        case closed
        /// No reply within the timeout: a hang.
        case timedOut
    }

    struct Counts: ~Copyable {
        var operations: [String: Int] = [:]
        var outcomes: [String: Int] = [:]
        var crashes: [String] = []
        var hangs: [String] = []
        var unanswered: [String] = []
        var restarts = 0
        var chats: [String: (SoakOperation, SoakStorageCheck.Outcome)] = [:]
    }

    let configuration: SoakConfiguration
    let directory: String
    let workspace: String
    let editor: SoakEditor
    let model: SoakModel
    let modelServer: ScriptedModelServer
    /// The server process the kill hook aims at.
    private let target: SoakKillSwitch
    /// Guarded by the mutex; only the driver changes it, but the type is shared with the hooks.
    private let counts = Mutex(Counts())

    init(configuration: SoakConfiguration) throws {
        self.configuration = configuration
        directory = try EndToEnd.temporaryDirectory()
        workspace = directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
        for file in SoakOperation.files {
            try Data(SoakOperation.initialText(file).utf8).write(to: URL(fileURLWithPath: workspace + "/" + file))
        }
        let editor = SoakEditor(workspace: workspace)
        self.editor = editor
        let target = SoakKillSwitch()
        self.target = target
        let model = SoakModel(
            typing: { editor.type(for: $0) },
            killPoint: { operation in
                Task {
                    try? await Task.sleep(for: operation.delay)  // the fault's timing, not a synchronisation
                    target.fire()
                }
            })
        self.model = model
        modelServer = try ScriptedModelServer(models: ["test-model"])
        modelServer.forgetRequests(recording: false)
        modelServer.respond { model.reply(to: $0) }
    }

    var databasePath: String { directory + "/data/sessions.sqlite" }
    var logPath: String { directory + "/spark-lsp.log" }

    var environment: [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": directory, "VLLM_ENDPOINT": modelServer.endpoint.baseURL,
            "SPARK_DATA_DIR": directory + "/data", "WORKSPACE_DIR": workspace, "ENABLE_CODE_EXECUTION": "false",
            "CODING_MODEL": "test-model", "SUPERVISOR_MODEL": "test-model", "SPARK_MODEL_FALLBACK": "true",
            // Short model timeouts, so stalls and silent servers end runs quickly.
            "SPARK_CONNECT_TIMEOUT": "2", "SPARK_FIRST_BYTE_TIMEOUT": "2", "SPARK_IDLE_TIMEOUT": "1",
        ]
    }

    /// Starts a server on the soak's data.
    func launch() async throws -> SoakServer {
        let server = try await SoakServer.launch(
            environment: environment, workspace: workspace, editor: editor, logPath: logPath)
        target.aim(at: server.process.pid)
        return server
    }

    /// Runs `operation` on `server`; returns the server to go on with (a new one when the fault ended it).
    func run(_ operation: SoakOperation, on server: SoakServer) async throws -> SoakServer {
        model.begin(operation)
        let client = server.client
        let cancel = #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"\#(operation.id)"}}"#
        var driverFault: Task<Void, Never>?
        switch operation.fault {
        case .cancel:
            driverFault = Task { [model] in
                guard (try? await Task.sleep(for: operation.delay)) != nil else { return }
                model.count(.cancel)
                client.writeFrame(cancel)
            }
        case .cancelAtEdit:
            editor.atNextEdit { [model] in
                model.count(.cancelAtEdit)
                client.writeFrame(cancel)
            }
        case .disconnect:
            driverFault = Task {
                guard (try? await Task.sleep(for: operation.delay)) != nil else { return }
                client.closeOutput()
            }
        default: break
        }
        let answer = await send(operation, on: client)
        driverFault?.cancel()
        editor.atNextEdit(nil)
        editor.absorbEvents(from: client)
        record(operation, answer)

        switch operation.fault {
        case .kill:
            target.fire()
            model.count(.kill)
            let code = await EndToEnd.exitCode(of: server.process)
            if code != 128 + SIGKILL { crash("\(operation.id): exit code \(code) after SIGKILL") }
            return try await restart()
        case .disconnect:
            model.count(.disconnect)
            client.closeOutput()
            let code = await EndToEnd.exitCode(of: server.process, timeout: configuration.requestTimeout)
            if code != 0 && code != 1 { crash("\(operation.id): exit code \(code) after the client disconnected") }
            return try await restart()
        default:
            switch answer {
            case .closed:
                let code = await EndToEnd.exitCode(of: server.process)
                crash("\(operation.id): the server closed its output (exit code \(code))")
                return try await restart()
            case .timedOut:
                server.process.kill()
                _ = await server.process.waitForExit()
                return try await restart()
            case .result, .error:
                return server
            }
        }
    }

    private func restart() async throws -> SoakServer {
        counts.withLock { $0.restarts += 1 }
        return try await launch()
    }

    private func crash(_ description: String) { counts.withLock { $0.crashes.append(description) } }

    /// Sends the operation's request(s) and waits for the reply of the last.
    private func send(_ operation: SoakOperation, on client: TestLSPClient) async -> Answer {
        let timeout = configuration.requestTimeout
        switch operation.kind {
        case .chat, .editChat:
            let params: JSONValue = [
                "message": .string(operation.message), "sessionId": .string(operation.session), "agent": "coding",
                "token": .string(operation.id),
            ]
            return await request(operation.id, "spark/chat", params, on: client, timeout: timeout)
        case .codeAction(let action):
            let uri = editor.uri(operation.file)
            let range: JSONValue = ["start": ["line": 1, "character": 0], "end": ["line": 2, "character": 5]]
            let diagnostic: JSONValue = ["range": range, "message": "soak: undefined name z", "severity": 1]
            let params: JSONValue = [
                "textDocument": ["uri": .string(uri)], "range": range,
                "context": ["diagnostics": action == "fix" ? [diagnostic] : []],
            ]
            let actions = await request(
                operation.id + "-actions", "textDocument/codeAction", params, on: client, timeout: timeout)
            guard case .result(let list) = actions else { return actions }
            let command = list.arrayValue?.compactMap { $0["command"] }.first {
                $0["arguments"]?.arrayValue?.first?["action"]?.stringValue == action
            }
            guard let command else {
                editor.record("\(operation.id): no \(action) code action in \(list.serialized().prefix(200))")
                return .error(ResponseError(code: .internalError, message: "no such action"))
            }
            return await request(operation.id, "workspace/executeCommand", command, on: client, timeout: timeout)
        }
    }

    private func request(
        _ id: String, _ method: String, _ params: JSONValue, on client: TestLSPClient, timeout: Duration
    ) async -> Answer {
        let frame: JSONValue = ["jsonrpc": "2.0", "id": .string(id), "method": .string(method), "params": params]
        client.writeFrame(frame.serialized())
        do {
            let response = try await client.response(to: .string(id), timeout: timeout)
            if let error = response.error { return .error(error) }
            return .result(response.result)
        } catch let error as TestClientError where error.description.hasPrefix("timed out") {
            counts.withLock { $0.hangs.append("\(id) (\(method)): no reply in \(timeout)") }
            return .timedOut
        } catch {
            return .closed
        }
    }

    private func record(_ operation: SoakOperation, _ answer: Answer) {
        let kind =
            switch operation.kind {
            case .chat: "chat"
            case .editChat: "edit chat"
            case .codeAction: "code action"
            }
        let outcome: String
        var stored: SoakStorageCheck.Outcome
        switch answer {
        case .result(let result):
            outcome = "finished"
            stored = .finished(session: result["sessionId"]?.stringValue ?? "")
        case .error(let error):
            let cancelled = error.code == .requestCancelled
            outcome = cancelled ? "cancelled" : "failed"
            stored = cancelled ? .cancelled : .failed(toolResults: editor.toolResults(of: operation))
        case .closed, .timedOut:
            outcome = answer.isTimeout ? "hung" : "cut off"
            stored = .unknown
            if !operation.fault.endsTheServer {
                counts.withLock { $0.unanswered.append(operation.id) }
            }
        }
        if operation.fault.endsTheServer, case .failed = stored { stored = .unknown }
        counts.withLock { counts in
            counts.operations[kind, default: 0] += 1
            counts.outcomes[outcome, default: 0] += 1
            if operation.kind == .chat || operation.kind == .editChat {
                counts.chats[operation.id] = (operation, stored)
            }
        }
    }

    /// Compares every buffer the server holds with the client's copy.
    func checkBuffers(on client: TestLSPClient, after operation: String) async {
        for (file, buffer) in editor.buffers {
            guard let held = try? await client.send(DebugDocumentRequest(uri: editor.uri(file))) else {
                editor.record("after \(operation): spark/debug/document \(file) got no answer")
                continue
            }
            if held.text != buffer.text || held.version != buffer.version {
                editor.record(
                    "after \(operation): the server holds \(file) at version \(held.version), the client at \(buffer.version)"
                )
            }
            let markers = buffer.text.split(separator: "\n").filter {
                $0.hasPrefix("# appended by") || $0.hasPrefix("# inserted by")
            }
            if Set(markers).count != markers.count {
                editor.record("after \(operation): an edit applied twice in \(file)")
            }
        }
    }

    /// The counts so far.
    func withCounts<R: Sendable>(_ body: (borrowing Counts) -> R) -> R { counts.withLock { body($0) } }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

extension SoakRun.Answer {
    var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }
}

/// The server process a kill aims at, fired at most once per process (from the model server's thread or the
/// driver).
final class SoakKillSwitch: Sendable {
    /// Guarded by the mutex.
    private let state = Mutex<(pid: pid_t, fired: Bool)?>(nil)

    func aim(at pid: pid_t) { state.withLock { $0 = (pid, false) } }

    /// Sends `SIGKILL` to the process aimed at, unless it was sent already.
    func fire() {
        state.withLock { state in
            guard let current = state, !current.fired else { return }
            _ = POSIX.kill(current.pid, SIGKILL)
            state = (current.pid, true)
        }
    }
}
