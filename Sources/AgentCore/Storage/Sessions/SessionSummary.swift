#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One stored conversation, as listed by ``SessionStore/sessions()``.
public struct SessionSummary: Hashable, Sendable, Codable {
    /// The session id.
    public var id: String
    /// The first line of the first user message (at most 80 characters), or `nil` before one.
    public var title: String?
    /// When the first message was stored.
    public var createdAt: Date
    /// When a message was last stored.
    public var updatedAt: Date
    /// How many messages the session holds.
    public var messageCount: Int
    /// The agent the conversation continues with.
    public var activeAgent: String?
    /// Who created it through a front end with API keys (the HTTP service's key owner); `nil` for every other.
    public var owner: String?

    public init(
        id: String, title: String?, createdAt: Date, updatedAt: Date, messageCount: Int, activeAgent: String?,
        owner: String? = nil
    ) {
        self.id = id
        self.title = title
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.messageCount = messageCount
        self.activeAgent = activeAgent
        self.owner = owner
    }

    /// The longest title kept, in characters.
    public static let maxTitleLength = 80

    /// The title a session gets from its first user message: the first non-blank line, trimmed and shortened.
    public static func title(for message: ChatMessage) -> String? {
        guard message.role == .user else { return nil }
        // Index searches on the line (no reversed views: building a string from one walks graphemes backwards,
        // a noticeable part of every stored turn).
        for line in message.text.split(whereSeparator: \.isNewline) {
            guard let first = line.firstIndex(where: { !$0.isWhitespace }),
                let last = line.lastIndex(where: { !$0.isWhitespace })
            else { continue }
            let text = line[first...last]
            guard text.count > maxTitleLength else { return String(text) }
            return String(text.prefix(maxTitleLength - 1)) + "…"
        }
        return nil
    }
}
