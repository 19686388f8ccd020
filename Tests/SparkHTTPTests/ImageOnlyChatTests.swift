import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `POST /chat` and `/chat/stream` with images and no words: the images are the question, and the image agent
/// describes them (against the scripted vLLM server).
@Suite struct ImageOnlyChatTests {
    /// A 1 x 1 PNG.
    static let png = Array(
        Data(
            base64Encoded:
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!)

    /// The supervisor hands off, the image agent calls `describe_image` on the attachment, the vision request
    /// carries the pixels, and the agent answers.
    static func script(_ model: ScriptedModelServer, reference: String) {
        model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_image", arguments: [:])]))
        model.enqueue(.toolCalls([ScriptedToolCall(name: "describe_image", arguments: ["image_path": .string(reference)])]))
        model.enqueue(.text("A single dark pixel."))
        model.enqueue(.text("It is one dark pixel.", chunks: 2))
    }

    @Test(arguments: [
        #"{"message": "", "images": ["dot.png"]}"#, #"{"images": ["dot.png"]}"#,
        #"{"message": " \n", "images": ["dot.png"], "stream": true}"#,
    ])
    func anImageWithoutWordsIsDescribed(body: String) async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        try Data(Self.png).write(to: URL(fileURLWithPath: service.directory + "/workspace/dot.png"))
        let reference = "attachment:\(SHA256.hex(Self.png)).png"
        Self.script(service.model, reference: reference)
        let reply = try await service.post("/chat", json: body)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.json["response"] == "It is one dark pixel.")
        #expect(reply.json["agent"] == "image")
        Self.expectDescribed(service.model.requests.compactMap(\.body), reference: reference)
    }

    @Test func theStreamDescribesAnImageWithoutWords() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        try Data(Self.png).write(to: URL(fileURLWithPath: service.directory + "/workspace/dot.png"))
        let reference = "attachment:\(SHA256.hex(Self.png)).png"
        Self.script(service.model, reference: reference)
        let (client, head) = try await service.openStream(#"{"message": "", "images": ["dot.png"]}"#)
        #expect(head.status == 200)
        let events = try await withDeadline(.seconds(30)) { await client.remainingEvents() }
        #expect(events.last?.event == "done", "\(events.map(\.event))")
        #expect(events.last?.data["content"] == "It is one dark pixel.")
        #expect(events.last?.data["agent"] == "image")
        #expect(events.contains { $0.event == "toolResult" && $0.data["name"] == "describe_image" })
        Self.expectDescribed(service.model.requests.compactMap(\.body), reference: reference)
    }

    /// The supervisor was asked to describe the attachment; the vision model got the pixels.
    static func expectDescribed(_ requests: [JSONValue], reference: String) {
        #expect(requests.count == 4)
        guard requests.count == 4 else { return }
        let user = requests[0]["messages"]?.arrayValue?.last { $0["role"] == "user" }?["content"]?.stringValue ?? ""
        #expect(user.hasPrefix("Describe the attached image.\n\nAttached images"), "\(user)")
        #expect(user.contains(reference))
        #expect(requests[2].serialized().contains("data:image/png;base64,"))
    }

    @Test func noMessageAndNoImagesIsStillA400() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        for body in [#"{"images": []}"#, #"{"message": "", "images": null}"#] {
            let reply = try await service.post("/chat", json: body)
            #expect(reply.status == 400 && reply.errorCode == "invalid_request", "\(body): \(reply.text)")
        }
    }
}
