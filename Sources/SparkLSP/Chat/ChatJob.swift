import AgentCore

/// One run to make: from `spark/chat`, a `spark.codeAction` or a `spark.chat` command.
struct ChatJob: Sendable {
    /// What `ChatService` runs.
    var request: ChatTurnRequest
    /// The client's `token` for the run's `spark/chatEvent`s.
    var token: String?
    /// The client's work-done token.
    var progressToken: ProgressToken?
    /// Create a progress token when the client gave none (commands; chat streams its own events).
    var createProgress = false
    var progressTitle = "Spark"
    /// Called with each text delta, in order (the `spark.chat` command's chat document).
    var onDelta: (@Sendable (String) async -> Void)?

    init(_ request: ChatTurnRequest, token: String? = nil) {
        self.request = request
        self.token = token
    }
}
