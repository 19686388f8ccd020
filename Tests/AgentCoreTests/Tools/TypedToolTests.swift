import AgentCore
import SparkJSON
import Testing

@Suite struct TypedToolTests {
    struct Lookup: Decodable, Sendable {
        var query: String
        var limit: Int?
        var userID: String?
    }

    static let tool = TypedTool<Lookup>(
        name: "lookup", description: "Looks things up.", descriptions: ["query": "What to find."],
        contextVariables: ["userID"]
    ) { args, context in
        ToolResult("\(args.query)|\(args.limit ?? -1)|\(args.userID ?? "none")|\(context.agentName)")
    }

    static func context(_ variables: [String: JSONValue] = [:]) -> ToolContext {
        ToolContext(variables: variables, sessionID: "s", agentName: "coding", toolCallID: "c1")
    }

    @Test func contextVariablesAreHiddenFromTheSchema() {
        let properties = Self.tool.parametersSchema["properties"]?.objectValue ?? [:]
        #expect(Set(properties.keys) == ["query", "limit"])
        #expect(Self.tool.parametersSchema["required"] == ["query"])
        #expect(Self.tool.definition.parameters == Self.tool.parametersSchema)
    }

    @Test func contextVariablesArePassedAndCannotBeForged() async throws {
        let result = try await Self.tool.call(
            ["query": "swift", "limit": 3, "userID": "forged"], context: Self.context(["userID": "u-42"]))
        #expect(result.content == "swift|3|u-42|coding")
        let without = try await Self.tool.call(["query": "x", "userID": "forged"], context: Self.context())
        #expect(without.content == "x|-1|none|coding")
    }

    @Test func wrongArgumentsBecomeAnErrorResultNamingTheArgument() async throws {
        let missing = try await Self.tool.call(["limit": 3], context: Self.context())
        #expect(missing.isError)
        #expect(missing.content.contains("missing required argument 'query'"))
        let wrongType = try await Self.tool.call(["query": ["a"]], context: Self.context())
        #expect(
            wrongType.content == "error: invalid arguments for `lookup`: argument 'query' must be a string, got [\"a\"]"
        )
        let notObject = try await Self.tool.call([1, 2], context: Self.context())
        #expect(notObject.isError)
    }
}
