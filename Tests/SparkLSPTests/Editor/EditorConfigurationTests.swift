import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport
import Synchronization
import Testing

@Suite struct EditorConfigurationTests {
    @Test func initializationOptionsConfigureTheAgents() async throws {
        let fixture = try await EditorFixture(settings: ["agents": ["coding": ["model": "from-init"]]])
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        #expect(fixture.requestedModels == ["from-init"])
    }

    @Test func workspaceConfigurationIsPulledAndDidChangeConfigurationApplies() async throws {
        let model = Mutex("pulled-1")
        var capabilities = EditorFixture.fullCapabilities
        capabilities = .object(
            (capabilities.objectValue ?? [:]).merging(["workspace": ["applyEdit": true, "configuration": true]]) {
                _, new in new
            })
        let fixture = try await EditorFixture(capabilities: capabilities) { client in
            client.handle(ConfigurationRequest.self) { request in
                #expect(request.items.first?.section == "spark")
                return [["agents": ["coding": ["model": .string(model.withLock { $0 })]]]]
            }
        }
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        model.withLock { $0 = "pulled-2" }
        fixture.client.notify(DidChangeConfigurationNotification(settings: nil))
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        #expect(fixture.requestedModels == ["pulled-1", "pulled-2"])
    }

    @Test func pushedSettingsApplyWithoutPull() async throws {
        let fixture = try await EditorFixture()
        fixture.client.notify(
            DidChangeConfigurationNotification(settings: ["spark": ["agents": ["coding": ["model": "pushed"]]]]))
        fixture.model.enqueue(.text("ok"))
        _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        #expect(fixture.requestedModels == ["pushed"])
    }

    @Test func aBadSettingIsShownAndRefused() async throws {
        let fixture = try await EditorFixture(settings: ["endpoint": "not a url"])
        await #expect(throws: ResponseError.self) {
            _ = try await fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        }
        let shown = try await fixture.client.nextNotification(ofType: ShowMessageNotification.self)
        #expect(shown.message.contains("endpoint"))
    }

    /// The message loop never waits on the client: while `workspace/configuration` goes unanswered, other
    /// requests are answered; a chat waits for the settings and then sees them.
    @Test func requestsAreAnsweredWhileTheSettingsPullWaitsForTheClient() async throws {
        let (answer, release) = AsyncStream<Void>.makeStream()
        let capabilities = JSONValue.object(
            (EditorFixture.fullCapabilities.objectValue ?? [:]).merging([
                "workspace": ["applyEdit": true, "configuration": true]
            ]) { _, new in new })
        let fixture = try await EditorFixture(capabilities: capabilities) { client in
            client.handle(ConfigurationRequest.self) { _ in
                for await _ in answer { break }
                return [["agents": ["coding": ["model": "pulled-late"]]]]
            }
        }
        fixture.open("a.py", "x = 1\n")
        let document = try await fixture.client.send(
            DebugDocumentRequest(uri: FileURI.uri(fromPath: fixture.path("a.py"))))
        #expect(document.text == "x = 1\n")
        fixture.model.enqueue(.text("ok"))
        async let chat = fixture.client.send(SparkChatRequest(message: "hi", agent: "coding"))
        release.yield()
        _ = try await chat
        #expect(fixture.requestedModels == ["pulled-late"])
    }
}
