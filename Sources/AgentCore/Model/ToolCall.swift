/// A tool call made by an assistant message (OpenAI `tool_calls[]`).
public struct ToolCall: Hashable, Sendable, Codable {
    /// The function a tool call names, with its arguments as JSON text (as the model wrote it).
    public struct Function: Hashable, Sendable, Codable {
        public var name: String
        public var arguments: String

        public init(name: String, arguments: String) {
            self.name = name
            self.arguments = arguments
        }
    }

    public var id: String
    public var type: String
    public var function: Function

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.type = "function"
        self.function = Function(name: name, arguments: arguments)
    }
}
