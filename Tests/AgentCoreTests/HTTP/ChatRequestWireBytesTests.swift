import SparkJSON
import Testing

@testable import AgentCore

/// `ChatRequest.wireBytes`, the body sent, splices in the tool definitions' kept JSON: it must be byte for byte the
/// plain encoding of `wireBody`.
@Suite struct ChatRequestWireBytesTests {
    struct Arguments: ToolArguments {
        var path: String
        var lines: [Int]?
        var mode: String?
        static let argumentDescriptions = ["path": "The file, \"quoted\" and\ttabbed.", "lines": "Line numbers."]
        static let argumentConstraints: [String: JSONValue] = ["mode": ["enum": ["a", "b"]]]
    }

    /// A typed tool configured per instance, as the coding tools are (their descriptions name configured defaults).
    struct ConfiguredTool: TypedAgentTool {
        var name = "read"
        var description = "Reads a file. Ünïcode, \u{1}control and \\ backslash."
        var argumentDescriptions: [String: String] = [:]

        func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult { ToolResult("") }
    }

    static let plainTool = ToolDefinition(
        name: "f", description: "does f", parameters: ["type": "object", "properties": ["x": ["type": "integer"]]],
        strict: true)

    static func request(tools: [ToolDefinition], extraBody: [String: JSONValue] = [:]) -> ChatRequest {
        ChatRequest(
            model: "m", messages: [.system("sys"), .user("write \"code\"\n")], tools: tools, toolChoice: .auto,
            parallelToolCalls: true, maxTokens: 512, temperature: 0.2, seed: 7, extraBody: extraBody)
    }

    static func expectPlainEncoding(_ request: ChatRequest, sourceLocation: SourceLocation = #_sourceLocation) {
        let plain = request.wireBody.jsonBytes(sortedKeys: true)
        #expect(
            String(decoding: request.wireBytes, as: UTF8.self) == String(decoding: plain, as: UTF8.self),
            sourceLocation: sourceLocation)
    }

    @Test func bodiesWithKeptDefinitionsAreThePlainEncoding() {
        let configured = ConfiguredTool(argumentDescriptions: ["mode": "How (default `a`)."]).definition
        #expect(configured.wireJSON != nil)
        #expect(Self.plainTool.wireJSON == nil)
        let tools = [ConfiguredTool().definition, Self.plainTool, configured, Self.plainTool.encodingWire()]
        Self.expectPlainEncoding(Self.request(tools: tools))
        Self.expectPlainEncoding(Self.request(tools: [configured]))
        Self.expectPlainEncoding(Self.request(tools: []))
        var bare = ChatRequest(model: "m", messages: [.user("u")], tools: [configured], stream: false)
        Self.expectPlainEncoding(bare)
        bare.tools = []
        Self.expectPlainEncoding(bare)
    }

    @Test func extraBodyMembersSortAmongTheToolsAndMayReplaceThem() {
        let tools = [ConfiguredTool().definition]
        Self.expectPlainEncoding(Self.request(tools: tools, extraBody: ["top_k": 20, "tool_z": true, "a": [1]]))
        let replaced = Self.request(tools: tools, extraBody: ["tools": ["replaced"]])
        Self.expectPlainEncoding(replaced)
        #expect(String(decoding: replaced.wireBytes, as: UTF8.self).contains(#""tools":["replaced"]"#))
        Self.expectPlainEncoding(Self.request(tools: [], extraBody: ["tools": []]))
    }

    @Test func changingAKeptDefinitionDropsItsJSON() {
        for change: (inout ToolDefinition) -> Void in [
            { $0.name = "renamed" }, { $0.description = "other" }, { $0.parameters = ["type": "object"] },
            { $0.strict = false },
        ] {
            var definition = ConfiguredTool().definition
            change(&definition)
            #expect(definition.wireJSON == nil)
            Self.expectPlainEncoding(Self.request(tools: [definition]))
        }
    }

    @Test func keptJSONDoesNotTakePartInEquality() {
        let kept = Self.plainTool.encodingWire()
        #expect(kept == Self.plainTool)
        #expect(Set([kept, Self.plainTool]).count == 1)
    }
}
