/// The reply to `spark/sessions`.
public struct SessionsResult: Codable, Hashable, Sendable {
    public var sessions: [SessionListEntry]

    public init(sessions: [SessionListEntry]) { self.sessions = sessions }
}
