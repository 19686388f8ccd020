/// One event of a `text/event-stream`, as the WHATWG rules dispatch it.
public struct SSEEvent: Hashable, Sendable {
    /// The event type (`event:`), `"message"` when the stream named none.
    public var type: String
    /// The `data:` lines joined with `\n`.
    public var data: String
    /// The last event id seen so far (`id:`), which persists across events.
    public var lastEventID: String
    /// A reconnection time the stream asked for (`retry:`), in milliseconds, when this event carried one.
    public var retry: Int?

    public init(type: String = "message", data: String, lastEventID: String = "", retry: Int? = nil) {
        self.type = type
        self.data = data
        self.lastEventID = lastEventID
        self.retry = retry
    }
}
