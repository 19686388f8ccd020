import Synchronization

/// Collects the messages a run adds as it goes, so a caller can keep the part of a run that
/// failed or was cancelled (`RunResponse.messages` only exists for a finished run).
///
/// ```swift
/// let transcript = RunTranscript()
/// do {
///     let response = try await engine.run(agent: "supervisor", messages: history, transcript: transcript)
///     store(response.messages)
/// } catch {
///     store(transcript.answeredMessages)  // no tool call without its tool message
/// }
/// ```
public final class RunTranscript: Sendable {
    /// The run's messages; behind a mutex because the run appends on its own task while the
    /// caller may read from another.
    private let added = Mutex<[ChatMessage]>([])

    public init() {}

    /// Every message the run added so far (assistant and tool messages), in order.
    public var messages: [ChatMessage] { added.withLock { $0 } }

    /// `messages` up to the first assistant message whose tool calls are not all answered by
    /// the tool messages after it: what can be stored without orphan tool calls.
    public var answeredMessages: [ChatMessage] { Self.answeredPrefix(of: messages) }

    func append(_ message: ChatMessage) {
        added.withLock { $0.append(message) }
    }

    /// The longest prefix of `messages` in which every tool call has its tool message (and no
    /// tool message answers a call that is not in the prefix).
    public static func answeredPrefix(of messages: [ChatMessage]) -> [ChatMessage] {
        var end = 0
        var index = 0
        var unanswered: Set<String> = []
        while index < messages.count {
            let message = messages[index]
            switch message.role {
            case .assistant:
                guard unanswered.isEmpty else { return Array(messages[..<end]) }
                unanswered = Set(message.toolCalls?.map(\.id) ?? [])
            case .tool:
                guard let id = message.toolCallID, unanswered.remove(id) != nil else {
                    return Array(messages[..<end])
                }
            case .system, .user:
                guard unanswered.isEmpty else { return Array(messages[..<end]) }
            }
            index += 1
            if unanswered.isEmpty { end = index }
        }
        return Array(messages[..<end])
    }
}
