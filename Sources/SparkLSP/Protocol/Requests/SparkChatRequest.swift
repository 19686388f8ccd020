/// `spark/chat`: runs one request through the agents, streaming `spark/chatEvent` notifications.
public struct SparkChatRequest: LSPRequest, Hashable {
    public static let method = "spark/chat"
    public typealias Response = ChatResult

    /// The user's request.
    public var message: String
    /// Continues this conversation; a new id is made when absent.
    public var sessionId: String?
    /// The agent that answers first (`supervisor` unless the `defaultAgent` setting says otherwise).
    public var agent: String?
    /// A client string echoed on every `spark/chatEvent` of this run.
    public var token: String?
    /// The document the user is looking at.
    public var textDocument: TextDocumentIdentifier?
    /// The selection, sent to the agent as context with its text.
    public var range: LSPRange?
    /// The coding workflow (`coding`, `codeReview`, `featureDevelopment`, `codeArchitecture`, `debugging`).
    public var workflow: String?
    /// Standard work-done progress token.
    public var workDoneToken: ProgressToken?
    /// Images attached to the message: workspace paths, `file:` URIs or `data:image/<type>;base64,` URLs.
    public var images: [String]?

    public init(
        message: String, sessionId: String? = nil, agent: String? = nil, token: String? = nil,
        textDocument: TextDocumentIdentifier? = nil, range: LSPRange? = nil, workflow: String? = nil,
        workDoneToken: ProgressToken? = nil
    ) {
        self.message = message
        self.sessionId = sessionId
        self.agent = agent
        self.token = token
        self.textDocument = textDocument
        self.range = range
        self.workflow = workflow
        self.workDoneToken = workDoneToken
    }
}
