/// The definitions of typed tools (`TypedAgentTool.definition`) with their wire JSON, by tool type, name,
/// description and argument descriptions: what a definition is made of, since a typed tool's schema is its
/// arguments type's with those descriptions.
///
/// Every model request sends each of its agent's tool definitions (15.7 KB of a coding turn's 21 KB), and the
/// tools are built anew for every run; kept here, a definition's JSON is written once per process and copied into
/// each request body (`ChatRequest.wireBytes`). A tool configured differently (another description, other argument
/// descriptions) is another key.
enum ToolDefinitionCache {
    /// Equal when all four parts are; hashed by the type and name only. Every model request looks up each of its
    /// tools, and hashing every description and argument description (a few hundred bytes each) was most of the
    /// lookup; keys of one type and name differ only when a tool is configured otherwise, and they still compare
    /// unequal.
    struct Key: Hashable, Sendable {
        var type: ObjectIdentifier
        var name: String
        var description: String
        var argumentDescriptions: [String: String]

        func hash(into hasher: inout Hasher) {
            hasher.combine(type)
            hasher.combine(name)
        }
    }

    /// Bounded: the tool types times their configured descriptions, a few dozen in practice.
    private static let definitions = BoundedCache<Key, ToolDefinition>(capacity: 1024)

    /// The definition of `tool`, kept with its wire JSON.
    static func definition<Tool: TypedAgentTool>(of tool: Tool) -> ToolDefinition {
        let name = tool.name
        let description = tool.description
        let key = Key(
            type: ObjectIdentifier(Tool.self), name: name, description: description,
            argumentDescriptions: tool.argumentDescriptions)
        return definitions.value(for: key) {
            ToolDefinition(name: name, description: description, parameters: tool.parametersSchema).encodingWire()
        }
    }
}
