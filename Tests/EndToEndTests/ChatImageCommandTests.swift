import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp chat --image PATH`: the built binary attaches the image by reference, and the image agent reads it.
@Suite struct ChatImageCommandTests {
    /// A 1 x 1 PNG.
    static let png = Array(
        Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!)

    @Test func theImageAgentReadsAnAttachedScreenshot() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        try Data(Self.png).write(to: URL(fileURLWithPath: environment.directory + "/shot.png"))
        let reference = "attachment:\(SHA256.hex(Self.png)).png"
        let server = try ScriptedModelServer()
        server.enqueue(
            .toolCalls([ScriptedToolCall(name: "get_image_metadata", arguments: ["image_path": .string(reference)])]))
        server.enqueue(.text("A 1 x 1 PNG."))
        var variables = environment.variables(endpoint: server.endpoint)
        variables["WORKSPACE_DIR"] = environment.directory
        let exit = try await SparkProcess(
            ["chat", "--agent", "image", "--image", "shot.png", "--json", "What is this?"], environment: variables
        ).exit()
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        let result = try #require(exit.events.first { $0["kind"] == "toolResult" })
        #expect(result["content"]?.stringValue?.hasPrefix("\(reference): PNG, 1 x 1 pixels") == true, "\(result)")
        #expect(server.requests.first?.bodyText.contains(reference) == true)
        let stored = try Data(contentsOf: URL(fileURLWithPath: environment.directory + "/data/images/\(SHA256.hex(Self.png)).png"))
        #expect(Array(stored) == Self.png)

        let refused = try await SparkProcess(
            ["chat", "--agent", "image", "--image", "/etc/hostname", "What is this?"], environment: variables
        ).exit()
        #expect(refused.status == 2 && refused.stderr.contains("is outside the workspace"), "\(refused.stderr)")
    }
}
