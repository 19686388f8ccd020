import AgentCore
import SparkJSON

/// A tool call the scripted server streams; `arguments` is sent verbatim, so it may be invalid JSON.
public struct ScriptedToolCall: Sendable, Hashable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String? = nil, name: String, arguments: String) {
        self.id = id ?? "chatcmpl-tool-\(name)"
        self.name = name
        self.arguments = arguments
    }

    /// A call whose arguments are `arguments` serialised.
    public init(id: String? = nil, name: String, arguments: JSONValue) {
        self.init(id: id, name: name, arguments: arguments.serialized())
    }
}
