import SparkJSON

/// One user message to run through the agents, as every front end hands it to `ChatService`.
public struct ChatTurnRequest: Sendable {
    /// The user message as the model sees it.
    public var message: String
    /// The conversation to continue; `nil` starts a new one with a fresh id.
    public var sessionID: String?
    /// The agent that answers first; `nil`: the session's active agent, else the configured default agent.
    public var agent: String?
    /// The workflow of agents that have several (`review`, `debug`, ...); `nil` for the default.
    public var workflow: String?
    /// Values for instructions and tools, never shown in a schema (the file and lines the user is at).
    public var contextVariables: [String: JSONValue]
    /// Whether the turn is stored in the session (`spark-lsp chat` without `--session` stores nothing).
    public var persistent: Bool
    /// Whether `sessionID` is new, made by the front end with `ChatService.freshSessionID()` for this turn: the
    /// run then reads no stored history (there is none), which keeps the store off the way to the first event.
    public var startsSession = false
    /// Who a session this turn creates belongs to (an API key's owner in the HTTP service); `nil` for none.
    public var owner: String?
    /// Images attached to the message: workspace paths (relative, or absolute inside the workspace), `file:`
    /// URIs or `data:image/<type>;base64,` URLs. Each is stored once by its hash and the message names it by
    /// reference (`ImageAttachment`).
    public var images: [String] = []

    public init(
        message: String, sessionID: String? = nil, agent: String? = nil, workflow: String? = nil,
        contextVariables: [String: JSONValue] = [:], persistent: Bool = true
    ) {
        self.message = message
        self.sessionID = sessionID
        self.agent = agent
        self.workflow = workflow
        self.contextVariables = contextVariables
        self.persistent = persistent
    }
}
