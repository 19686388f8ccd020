import SparkJSON

/// One MCP server the user configured under `mcpServers`, in the shape editors use: a command started with
/// stdio pipes (`command`, `args`, `env`, `cwd`), or a streamable-HTTP `url` with optional `headers`. SparkLSP's own
/// fields sit beside them: `approval` and `tools` (per-tool approvals), `timeout` (seconds per call), `startup`
/// (`lazy`, the default, or `eager`) and `disabled`.
public struct MCPServerDefinition: Hashable, Sendable {
    /// How the server is reached.
    public enum Transport: Hashable, Sendable {
        case stdio(command: String, arguments: [String], environment: [String: String], directory: String?)
        case http(url: String, headers: [String: String])
    }

    /// When the server starts.
    public enum Startup: String, Hashable, Sendable, CaseIterable {
        /// On the first run of an agent that uses it (the default).
        case lazy
        /// When the front end starts.
        case eager
    }

    static let fields: Set<String> = [
        "command", "args", "env", "cwd", "url", "headers", "type", "approval", "tools", "timeout", "startup",
        "disabled",
    ]

    /// The key under `mcpServers`; tools are offered as `<name>__<tool>`.
    public var name: String
    public var transport: Transport
    /// The decision for tools `toolApprovals` does not name.
    public var approval: MCPApproval
    /// Per-tool decisions, by the server's own tool name.
    public var toolApprovals: [String: MCPApproval]
    /// The longest one call may take; `nil` is the tool provider's default.
    public var timeout: Duration?
    public var startup: Startup
    public var disabled: Bool
    /// The file (or `editor settings`) that defined it, for messages.
    public var source: String

    public init(
        name: String, transport: Transport, approval: MCPApproval = .ask, toolApprovals: [String: MCPApproval] = [:],
        timeout: Duration? = nil, startup: Startup = .lazy, disabled: Bool = false, source: String
    ) {
        self.name = name
        self.transport = transport
        self.approval = approval
        self.toolApprovals = toolApprovals
        self.timeout = timeout
        self.startup = startup
        self.disabled = disabled
        self.source = source
    }

    /// The decision for the server's tool `tool`.
    public func approval(forTool tool: String) -> MCPApproval {
        toolApprovals[tool] ?? approval
    }

    /// Reads one entry of `mcpServers`. Unknown fields are errors when `strict` (the user's own files).
    init(name: String, json: JSONValue, source: String, path: String, strict: Bool) throws {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }),
            !name.contains("__")
        else {
            throw ConfigurationError(
                source: source, field: String(path.dropLast()),
                message: "a server name is letters, digits, - and single _ (it prefixes its tools as <name>__<tool>)")
        }
        let reader = try FieldReader(json, source: source, path: path, strict: strict, known: Self.fields)
        self.name = name
        self.source = source
        if let command = try reader.string("command") {
            transport = .stdio(
                command: command, arguments: try reader.strings("args") ?? [],
                environment: try reader.stringMap("env") ?? [:], directory: try reader.string("cwd"))
        } else if let url = try reader.url("url") {
            transport = .http(url: url, headers: try reader.stringMap("headers") ?? [:])
        } else {
            throw ConfigurationError(
                source: source, field: String(path.dropLast()), message: "needs a command (stdio) or a url (HTTP)")
        }
        approval = try reader.choice("approval", MCPApproval.self) ?? .ask
        var tools: [String: MCPApproval] = [:]
        for (tool, value) in try reader.object("tools") ?? [:] {
            guard let decision = value.stringValue.flatMap(MCPApproval.init(rawValue:)) else {
                throw ConfigurationError(
                    source: source, field: path + "tools." + tool, message: "expected ask, allow or deny")
            }
            tools[tool] = decision
        }
        toolApprovals = tools
        timeout = try reader.seconds("timeout")
        startup = try reader.choice("startup", Startup.self) ?? .lazy
        disabled = try reader.bool("disabled") ?? false
    }

    /// The definition as the `spark-mcp` helper reads it (the transport only: decisions stay in this process).
    public var launchJSON: JSONValue {
        switch transport {
        case .stdio(let command, let arguments, let environment, let directory):
            var object: [String: JSONValue] = [
                "name": .string(name), "command": .string(command), "args": .array(arguments.map(JSONValue.string)),
                "env": .object(environment.mapValues(JSONValue.string)),
            ]
            if let directory { object["cwd"] = .string(directory) }
            return .object(object)
        case .http(let url, let headers):
            return .object([
                "name": .string(name), "url": .string(url), "headers": .object(headers.mapValues(JSONValue.string)),
            ])
        }
    }
}

extension MCPServerDefinition {
    /// Every entry of an `mcpServers` object.
    static func all(in servers: [String: JSONValue], source: String, strict: Bool) throws -> [String:
        MCPServerDefinition]
    {
        var result: [String: MCPServerDefinition] = [:]
        for (name, value) in servers {
            result[name] = try MCPServerDefinition(
                name: name, json: value, source: source, path: "mcpServers.\(name).", strict: strict)
        }
        return result
    }
}
