import AgentCore

/// One run to make: from `spark/chat`, a `spark.codeAction` or a `spark.chat` command.
struct ChatJob: Sendable {
    /// The user message as the model sees it (with the code the user is looking at).
    var message: String
    var sessionID: String?
    var agent: String?
    var token: String?
    var workflow: PromptWorkflow = .coding
    var contextVariables: [String: JSONValue] = [:]
    /// The client's work-done token.
    var progressToken: ProgressToken?
    /// Create a progress token when the client gave none (commands; chat streams its own events).
    var createProgress = false
    var progressTitle = "Spark"
    /// Called with each text delta, in order (the `spark.chat` command's chat document).
    var onDelta: (@Sendable (String) async -> Void)?
}
