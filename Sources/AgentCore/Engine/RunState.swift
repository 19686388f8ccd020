import SparkJSON

/// The mutable state of one run, owned by the run's task.
struct RunState {
    /// The conversation so far: the caller's messages, then the run's own.
    var history: [ChatMessage]
    /// How many of `history` the caller gave (the rest are the run's).
    let inputCount: Int
    var contextVariables: [String: JSONValue]
    var usage = Usage(promptTokens: 0, completionTokens: 0)
    /// Agents that have called tools in this run (their forced tool choice relaxes).
    var agentsThatUsedTools: Set<String> = []
    /// Models substituted after "model not found", by `endpoint|model`.
    var modelSubstitutions: [String: String] = [:]
    /// Where the caller collects the run's messages as they come, if anywhere.
    let transcript: RunTranscript?

    init(messages: [ChatMessage], contextVariables: [String: JSONValue], transcript: RunTranscript? = nil) {
        self.history = messages
        self.inputCount = messages.count
        self.contextVariables = contextVariables
        self.transcript = transcript
    }

    /// Adds a message the run made to the history (and the transcript).
    mutating func append(_ message: ChatMessage) {
        history.append(message)
        transcript?.append(message)
    }

    /// The messages the run added.
    var added: [ChatMessage] { Array(history.dropFirst(inputCount)) }
}

/// Sends run events to whoever consumes them.
typealias RunEmitter = @Sendable (RunEvent) -> Void
