import SparkJSON

/// A request for `POST /v1/chat/completions`.
public struct ChatRequest: Hashable, Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var tools: [ToolDefinition]
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool?
    public var maxTokens: Int?
    public var temperature: Double?
    public var seed: Int?
    /// Whether the reply streams as server-sent events.
    public var stream: Bool
    /// Asks for a usage chunk at the end of a stream (`stream_options.include_usage`).
    public var includeUsage: Bool
    /// Members merged into the request body last (vLLM's `top_k`, `ignore_eos`, guided decoding, ...).
    public var extraBody: [String: JSONValue]

    public init(
        model: String,
        messages: [ChatMessage],
        tools: [ToolDefinition] = [],
        toolChoice: ToolChoice? = nil,
        parallelToolCalls: Bool? = nil,
        maxTokens: Int? = nil,
        temperature: Double? = nil,
        seed: Int? = nil,
        stream: Bool = true,
        includeUsage: Bool = true,
        extraBody: [String: JSONValue] = [:]
    ) {
        self.model = model
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.seed = seed
        self.stream = stream
        self.includeUsage = includeUsage
        self.extraBody = extraBody
    }
}

/// A function tool as the model sees it.
///
/// A definition can keep its own wire JSON (`encodingWire()`), written once and spliced into every request body
/// that sends it (`ChatRequest.wireBytes`); changing any member drops the kept JSON, and equality ignores it.
public struct ToolDefinition: Hashable, Sendable {
    public var name: String { didSet { wireJSON = nil } }
    public var description: String { didSet { wireJSON = nil } }
    /// JSON Schema of the arguments.
    public var parameters: JSONValue { didSet { wireJSON = nil } }
    /// Asks the server to keep arguments schema-valid (`"strict": true`).
    public var strict: Bool? { didSet { wireJSON = nil } }
    /// The definition's wire JSON with sorted keys, when kept (`encodingWire()`).
    var wireJSON: [UInt8]?

    public init(name: String, description: String, parameters: JSONValue, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }

    public static func == (lhs: ToolDefinition, rhs: ToolDefinition) -> Bool {
        lhs.name == rhs.name && lhs.description == rhs.description && lhs.parameters == rhs.parameters
            && lhs.strict == rhs.strict
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(description)
        hasher.combine(parameters)
        hasher.combine(strict)
    }
}

/// How the model may use tools (`tool_choice`).
public enum ToolChoice: Hashable, Sendable {
    case auto
    case required
    case none
    /// Forces a call of the named function.
    case function(String)

    /// Parses `auto`, `required`, `none`, or a function name.
    public init(_ text: String) {
        switch text {
        case "auto": self = .auto
        case "required": self = .required
        case "none": self = .none
        default: self = .function(text)
        }
    }
}
