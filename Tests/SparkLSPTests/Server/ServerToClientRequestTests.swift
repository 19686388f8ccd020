import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

@Suite struct ServerToClientRequestTests {
    /// A server whose `test/probe` runs `body` with the handler context.
    private func client(
        capabilities: JSONValue = [:], timeout: Duration = .seconds(60),
        _ body: @escaping @Sendable (String, ServerContext) async throws -> JSONValue
    ) async throws -> TestLSPClient {
        var configuration = ServerConfiguration()
        configuration.clientRequestTimeout = timeout
        let client = try TestLSPClient.inProcess(configuration: configuration) { server in
            server.register(ProbeRequest.self) { request, context in try await body(request.action, context) }
        }
        try await client.initialize(capabilities: ClientCapabilities(capabilities))
        return client
    }

    @Test func applyEditShowMessageRequestConfigurationAndShowDocument() async throws {
        let client = try await client { _, context in
            let applied = try await context.applyEdit(WorkspaceEdit(changes: ["file:///a": []]), label: "L")
            let choice = try await context.showMessageRequest(.info, "Allow?", actions: ["Allow once", "Deny"])
            let settings = try await context.configuration([ConfigurationItem(section: "spark")])
            let shown = try await context.showDocument("file:///chat.md", takeFocus: true)
            return [
                "applied": .bool(applied.applied), "choice": choice.map(JSONValue.string) ?? nil,
                "settings": .array(settings), "shown": .bool(shown),
            ]
        }
        client.handle(ApplyEditRequest.self) { request in
            ApplyWorkspaceEditResult(applied: request.label == "L" && request.edit.changes?["file:///a"] == [])
        }
        client.handle(ShowMessageRequest.self) { request in request.actions?.last }
        client.handle(ConfigurationRequest.self) { request in request.items.map { _ in ["defaultAgent": "coding"] } }
        client.handle(ShowDocumentRequest.self) { request in ShowDocumentResult(success: request.takeFocus == true) }
        let result = try await client.send(ProbeRequest(action: "go"))
        #expect(result == ["applied": true, "choice": "Deny", "settings": [["defaultAgent": "coding"]], "shown": true])
    }

    @Test func clientErrorsReachTheHandler() async throws {
        let client = try await client { _, context in
            do {
                _ = try await context.showDocument("file:///x")
                return "no error"
            } catch let error as ResponseError {
                return .int(error.code.rawValue)
            }
        }
        #expect(try await client.send(ProbeRequest(action: "go")) == -32601)
    }

    @Test func unansweredRequestsTimeOut() async throws {
        let client = try await client(timeout: .milliseconds(200)) { _, context in
            do {
                _ = try await context.applyEdit(WorkspaceEdit())
                return "answered"
            } catch let error as ConnectionError {
                return .string(error.code.rawValue)
            }
        }
        client.handle(ApplyEditRequest.self) { _ in
            try await Task.sleep(for: .seconds(3600))  // a client that never answers
            return ApplyWorkspaceEditResult(applied: true)
        }
        #expect(try await client.send(ProbeRequest(action: "go")) == "timedOut")
    }

    @Test func progressOnACreatedTokenBeginsReportsAndEndsOnce() async throws {
        let client = try await client(capabilities: ["window": ["workDoneProgress": true]]) { _, context in
            let progress = await context.beginProgress(title: "Spark", message: "thinking")
            progress.report(message: "half", percentage: 50)
            progress.end(message: "done")
            progress.end(message: "again")
            return try progress.token.map { try JSONValue(encoding: $0) } ?? nil
        }
        let created = Mutex<[ProgressToken]>([])
        client.handle(CreateWorkDoneProgressRequest.self) { request in
            created.withLock { $0.append(request.token) }
            return VoidResponse()
        }
        let token = try await client.send(ProbeRequest(action: "go"))
        let expected = try token.decode(as: ProgressToken.self)
        #expect(created.withLock { $0 } == [expected])
        let begin = try await client.nextNotification(ofType: WorkDoneProgressNotification.self)
        #expect(begin.value == .begin(title: "Spark", message: "thinking", percentage: nil, cancellable: nil))
        let report = try await client.nextNotification(ofType: WorkDoneProgressNotification.self)
        #expect(report.value == .report(message: "half", percentage: 50, cancellable: nil))
        let end = try await client.nextNotification(ofType: WorkDoneProgressNotification.self)
        #expect(end.value == .end(message: "done"))
        _ = try await client.send(CodeActionRequest.sample)
        #expect(client.queuedNotifications(ofType: WorkDoneProgressNotification.self).isEmpty)
    }

    @Test func progressUsesTheClientTokenAndIsSilentWithoutOne() async throws {
        let client = try await client { action, context in
            let token: ProgressToken? = action == "client" ? .string("client-token") : nil
            let progress = await context.beginProgress(title: "T", clientToken: token)
            progress.end()
            return progress.token == nil ? "silent" : "used"
        }
        #expect(try await client.send(ProbeRequest(action: "none")) == "silent")
        #expect(try await client.send(ProbeRequest(action: "client")) == "used")
        #expect(
            try await client.nextNotification(ofType: WorkDoneProgressNotification.self).token
                == .string("client-token"))
    }

    @Test func logShowMessageAndTrace() async throws {
        let client = try await client { _, context in
            context.logMessage(.info, "log line")
            context.showMessage(.error, "shown")
            context.logTrace("trace line", verbose: "details")
            return nil
        }
        _ = try await client.send(ProbeRequest(action: "go"))
        #expect(
            try await client.nextNotification(ofType: LogMessageNotification.self)
                == LogMessageNotification(type: .info, message: "log line"))
        #expect(
            try await client.nextNotification(ofType: ShowMessageNotification.self)
                == ShowMessageNotification(type: .error, message: "shown"))
        #expect(client.queuedNotifications(ofType: LogTraceNotification.self).isEmpty)
        client.notify(SetTraceNotification(value: .verbose))
        _ = try await client.send(ProbeRequest(action: "go"))
        #expect(
            try await client.nextNotification(ofType: LogTraceNotification.self)
                == LogTraceNotification(message: "trace line", verbose: "details"))
    }

    @Test func workspaceFoldersAreTracked() async throws {
        let client = try await client { _, context in
            .array(context.state.workspaceFolders.map { .string($0.name) })
        }
        client.notify(
            DidChangeWorkspaceFoldersNotification(
                event: WorkspaceFoldersChangeEvent(
                    added: [
                        WorkspaceFolder(uri: "file:///a", name: "a"), WorkspaceFolder(uri: "file:///b", name: "b"),
                    ], removed: [])))
        client.notify(
            DidChangeWorkspaceFoldersNotification(
                event: WorkspaceFoldersChangeEvent(
                    added: [], removed: [WorkspaceFolder(uri: "file:///a", name: "a")])))
        #expect(try await client.send(ProbeRequest(action: "go")) == ["b"])
    }
}
