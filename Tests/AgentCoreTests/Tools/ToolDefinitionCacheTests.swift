import SparkJSON
import Testing

@testable import AgentCore

/// A typed tool's definition is made once per type, name, description and argument descriptions: the kept one must
/// be what the tool would make anew, and a tool configured otherwise must get its own.
@Suite struct ToolDefinitionCacheTests {
    typealias Tool = ChatRequestWireBytesTests.ConfiguredTool

    static func fresh(_ tool: Tool) -> ToolDefinition {
        ToolDefinition(name: tool.name, description: tool.description, parameters: tool.parametersSchema)
    }

    @Test func theKeptDefinitionIsTheToolsOwn() {
        let tool = Tool()
        #expect(tool.definition == Self.fresh(tool))
        #expect(tool.definition.wireJSON == Self.fresh(tool).wireValue.jsonBytes(sortedKeys: true))
    }

    @Test func anotherConfigurationGetsAnotherDefinition() {
        let tools = [
            Tool(), Tool(name: "read_other"), Tool(description: "Reads a file, configured otherwise."),
            Tool(argumentDescriptions: ["path": "A path (default `.`)."]),
            Tool(argumentDescriptions: ["path": "A path (default `src`)."]),
        ]
        for tool in tools {
            #expect(tool.definition == Self.fresh(tool))
            #expect(tool.definition.wireJSON == Self.fresh(tool).wireValue.jsonBytes(sortedKeys: true))
        }
        #expect(Set(tools.map(\.definition)).count == tools.count)
    }

    /// Keys are hashed by type and name only: those of one tool configured otherwise hash alike and still differ.
    @Test func keysOfOneToolConfiguredOtherwiseDiffer() {
        let type = ObjectIdentifier(Tool.self)
        let plain = ToolDefinitionCache.Key(type: type, name: "read", description: "Reads.", argumentDescriptions: [:])
        var described = plain
        described.description = "Reads, configured otherwise."
        var arguments = plain
        arguments.argumentDescriptions = ["path": "A path."]
        #expect(plain.hashValue == described.hashValue && plain.hashValue == arguments.hashValue)
        #expect(plain != described && plain != arguments && described != arguments)
        #expect(
            plain == ToolDefinitionCache.Key(type: type, name: "read", description: "Reads.", argumentDescriptions: [:])
        )
    }
}
