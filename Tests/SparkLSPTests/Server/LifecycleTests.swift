import SparkLSP
import SparkTestSupport
import Testing

@Suite struct LifecycleTests {
    @Test func initializeReportsCapabilitiesAndNegotiatesUTF8WhenOffered() async throws {
        let client = try TestLSPClient.inProcess()
        let result = try await client.initialize(
            capabilities: ClientCapabilities(["general": ["positionEncodings": ["utf-16", "utf-8"]]]))
        let capabilities = result.capabilities
        #expect(capabilities.positionEncoding == .utf8)
        #expect(
            capabilities.textDocumentSync
                == TextDocumentSyncOptions(openClose: true, change: .incremental, save: SaveOptions(includeText: false))
        )
        #expect(capabilities.codeActionProvider?.codeActionKinds == [.quickFix, .refactorRewrite])
        #expect(capabilities.codeActionProvider?.resolveProvider == true)
        #expect(capabilities.executeCommandProvider?.commands == ["spark.codeAction", "spark.chat", "spark.index"])
        #expect(capabilities.workspace?.workspaceFolders?.supported == true)
        #expect(result.serverInfo?.name == "spark-lsp")
        #expect(client.server?.context.positionEncoding == .utf8)
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await client.serverExitCode() == 0)
    }

    @Test func utf16IsTheDefaultEncoding() async throws {
        let client = try TestLSPClient.inProcess()
        #expect(try await client.initialize().capabilities.positionEncoding == .utf16)
        let onlyUTF32 = try TestLSPClient.inProcess()
        let result = try await onlyUTF32.initialize(
            capabilities: ClientCapabilities(["general": ["positionEncodings": ["utf-32"]]]))
        #expect(result.capabilities.positionEncoding == .utf16)
    }

    @Test func requestsBeforeInitializeAnswerServerNotInitialized() async throws {
        let client = try TestLSPClient.inProcess()
        await #expect(throws: ResponseError.serverNotInitialized) {
            try await client.send(DebugDocumentRequest(uri: "file:///x"))
        }
        await #expect(throws: ResponseError.serverNotInitialized) { try await client.send(ShutdownRequest()) }
        try await client.initialize()
    }

    @Test func notificationsBeforeInitializeAreDropped() async throws {
        let client = try TestLSPClient.inProcess()
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: "file:///a", languageId: "t", version: 1, text: "x")))
        try await client.initialize()
        let error = await #expect(throws: ResponseError.self) {
            try await client.send(DebugDocumentRequest(uri: "file:///a"))
        }
        #expect(error?.code == .invalidParams)
    }

    @Test func secondInitializeIsAnInvalidRequest() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        let error = await #expect(throws: ResponseError.self) { try await client.initialize() }
        #expect(error?.code == .invalidRequest)
    }

    @Test func unknownMethodsAnswerMethodNotFound() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        let error = await #expect(throws: ResponseError.self) { try await client.send(ProbeRequest(action: "x")) }
        #expect(error?.code == .methodNotFound)
        #expect(error?.message.contains("test/probe") == true)
    }

    @Test func requestsAfterShutdownAreInvalidAndExitCodeIsZero() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        _ = try await client.send(ShutdownRequest())
        let error = await #expect(throws: ResponseError.self) { try await client.send(CodeActionRequest.sample) }
        #expect(error?.code == .invalidRequest)
        client.notify(ExitNotification())
        #expect(await client.serverExitCode() == 0)
    }

    @Test func exitWithoutShutdownIsExitCodeOne() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        client.notify(ExitNotification())
        #expect(await client.serverExitCode() == 1)
    }

    @Test func endOfInputEndsTheServer() async throws {
        let afterShutdown = try TestLSPClient.inProcess()
        try await afterShutdown.initialize()
        _ = try await afterShutdown.send(ShutdownRequest())
        afterShutdown.closeOutput()
        #expect(await afterShutdown.serverExitCode() == 0)

        let withoutShutdown = try TestLSPClient.inProcess()
        try await withoutShutdown.initialize()
        withoutShutdown.closeOutput()
        #expect(await withoutShutdown.serverExitCode() == 1)
    }

    @Test func placeholderFeatureHandlers() async throws {
        let client = try TestLSPClient.inProcess()
        try await client.initialize()
        #expect(try await client.send(CodeActionRequest.sample) == [])
        let error = await #expect(throws: ResponseError.self) {
            try await client.send(ExecuteCommandRequest(command: "spark.nothing"))
        }
        #expect(error?.code == .invalidParams && error?.message.contains("unknown command") == true)
        let action = CodeAction(title: "t", kind: .quickFix)
        #expect(try await client.send(CodeActionResolveRequest(action: action)) == action)
    }

    @Test func handlersRegisteredFromOutsideReplacePlaceholders() async throws {
        let client = try TestLSPClient.inProcess { server in
            server.register(CodeActionRequest.self) { request, _ in
                [CodeAction(title: "for \(request.textDocument.uri)")]
            }
        }
        try await client.initialize()
        #expect(try await client.send(CodeActionRequest.sample)?.first?.title == "for file:///a.swift")
    }
}

extension CodeActionRequest {
    static let sample = CodeActionRequest(
        textDocument: TextDocumentIdentifier(uri: "file:///a.swift"),
        range: LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)),
        context: CodeActionContext(diagnostics: []))
}
