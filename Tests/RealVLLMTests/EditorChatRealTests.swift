import AgentCore
import CodingAgent
import Foundation
import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

extension RealVLLMTests {
    /// Issue 5 against the real server: a `spark/chat` where the supervisor is forced to hand off and the
    /// coding agent is forced to call `file_read`, then, in the session's next turn, `file_write`, ending in a
    /// `workspace/applyEdit` the client applies to its open buffer (the read-before-write contract lets the
    /// agent overwrite only what it has read).
    @Suite(.realVLLM) struct EditorChatRealTests {
        @Test func forcedHandoffAndFileWriteEndInAnEditTheClientApplies() async throws {
            let workspace = FileManager.default.temporaryDirectory.path + "/spark-real-editor-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: workspace) }
            let original = "first line\nsecond line\n"
            try Data(original.utf8).write(to: URL(fileURLWithPath: workspace + "/notes.txt"))
            let uri = FileURI.uri(fromPath: workspace + "/notes.txt")

            // The real toolkit; `file_write` is shown with its arguments narrowed so the random model
            // overwrites the open buffer (every call it can make is valid for the real schema).
            let narrowed: [String: JSONValue] = [
                "operation": ["type": "string", "enum": ["overwrite"]],
                "path": ["type": "string", "enum": ["notes.txt"]],
                // Plain words: a random model otherwise writes escapes such as lone surrogates.
                "content": ["type": "string", "pattern": "^[a-z ]{1,40}$"],
            ]
            let wholeFile: [String: JSONValue] = ["path": ["type": "string", "enum": ["notes.txt"]]]
            let coding = FixtureAgentModule(wrapping: CodingAgentModule()) { _, tools in
                tools.map { tool in
                    switch tool.name {
                    case "file_write":
                        BoundedSchemaTool(
                            tool: tool, maxLength: 40, overrides: narrowed, only: ["operation", "path", "content"])
                    case "file_read": BoundedSchemaTool(tool: tool, maxLength: 40, overrides: wholeFile, only: ["path"])
                    default: tool
                    }
                }
            }
            let service = ChatService(
                client: RealVLLM.client(), modules: [coding],
                environment: ["PATH": "/usr/local/bin:/usr/bin:/bin", "SPARK_DATA_DIR": workspace + "/.data"],
                sessionsDatabase: workspace + "/.data/sessions.sqlite", sessionPrefix: "lsp", logger: RealVLLM.logger)
            let client = try TestLSPClient.inProcess(timeout: .seconds(120)) {
                ChatFrontEnd(service: service).install(on: $0)
            }

            // The client applies edits to its own copy of the buffer, as an editor does.
            let buffer = Mutex((text: original, version: 1))
            let received = Mutex<[ApplyEditRequest]>([])
            client.handle(ApplyEditRequest.self) { request in
                received.withLock { $0.append(request) }
                return buffer.withLock { current in
                    for change in request.edit.documentChanges ?? [] {
                        guard case .textDocumentEdit(let edit) = change, edit.textDocument.uri == uri,
                            edit.textDocument.version == current.version
                        else { return ApplyWorkspaceEditResult(applied: false, failureReason: "unexpected change") }
                        var text = DocumentBuffer(current.text)
                        for textEdit in edit.edits.reversed() {
                            let range = textEdit.range
                            text.replace(
                                from: TextPoint(line: range.start.line, character: range.start.character),
                                to: TextPoint(line: range.end.line, character: range.end.character),
                                with: textEdit.newText, encoding: .utf16)
                        }
                        current = (text.text, current.version + 1)
                    }
                    return ApplyWorkspaceEditResult(applied: true)
                }
            }
            let options: JSONValue = [
                "endpoint": .string(RealVLLM.endpoint.baseURL), "modelFallback": false,
                "agents": [
                    "supervisor": [
                        "model": .string(RealVLLM.model), "toolChoice": "transfer_to_coding", "maxTokens": 64,
                    ],
                    "coding": ["model": .string(RealVLLM.model), "toolChoice": "file_read", "maxTokens": 256],
                ],
            ]
            _ = try await client.send(
                InitializeRequest(
                    processId: nil, clientInfo: ClientInfo(name: "EditorChatRealTests"),
                    rootUri: FileURI.uri(fromPath: workspace), initializationOptions: options,
                    capabilities: ClientCapabilities(
                        ["workspace": ["applyEdit": true, "workspaceEdit": ["documentChanges": true]]])))
            client.notify(InitializedNotification())
            client.notify(
                DidOpenTextDocumentNotification(
                    textDocument: TextDocumentItem(uri: uri, languageId: "plaintext", version: 1, text: original)))

            let read = try await client.send(SparkChatRequest(message: "Read notes.txt.", token: "read"))
            let readEvents = client.queuedNotifications(ofType: ChatEventNotification.self).map(\.fields)
            let handoff = try #require(readEvents.first { $0["kind"] == "handoff" })
            #expect(handoff["from"] == "supervisor" && handoff["to"] == "coding")
            #expect(readEvents.contains { $0["kind"] == "toolResult" && $0["name"] == "file_read" }, "\(readEvents)")

            // The session's next turn: the coding agent, active since the handoff, now writes what it read.
            client.notify(
                DidChangeConfigurationNotification(settings: ["spark": ["agents": ["coding": ["toolChoice": "file_write"]]]]))
            let reply = try await client.send(
                SparkChatRequest(message: "Rewrite notes.txt.", sessionId: read.sessionId, token: "real"))
            let events = client.queuedNotifications(ofType: ChatEventNotification.self).map(\.fields)
            let call = try #require(events.first { $0["kind"] == "toolCall" && $0["name"] == "file_write" })
            let content = try #require(call["arguments"]?["content"]?.stringValue, "\(call)")
            #expect(events.contains { $0["kind"] == "edit" && $0["applied"] == true })
            #expect(received.withLock { $0.count } == 1, "\(events)")
            // The buffer holds exactly what the agent wrote, and nothing was written behind the editor's back.
            let (text, version) = buffer.withLock { ($0.text, $0.version) }
            #expect(text == content)
            #expect(version == 2)
            #expect(try String(contentsOfFile: workspace + "/notes.txt", encoding: .utf8) == original)
            #expect(reply.agent == "coding")
            #expect(reply.edits.count == 1 && reply.edits.first?.applied == true)
            await service.shutdown()
        }
    }
}
