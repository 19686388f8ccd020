import SparkJSON

/// `spark/chatEvent`: one event of a running chat. The fields are `token`, `sessionId`, `agent`,
/// `kind` and the kind's own fields (see `docs/protocol.md`), so the params are kept as JSON.
public struct ChatEventNotification: LSPNotification, Hashable {
    public static let method = "spark/chatEvent"

    /// The whole event object.
    public var fields: [String: JSONValue]

    public init(fields: [String: JSONValue]) { self.fields = fields }

    public init(from decoder: any Decoder) throws {
        fields = try [String: JSONValue](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws { try fields.encode(to: encoder) }

    /// `delta`, `toolCall`, `toolResult`, `handoff`, `edit`, `error` or `done`.
    public var kind: String? { fields["kind"]?.stringValue }
    public var token: String? { fields["token"]?.stringValue }
    public var sessionId: String? { fields["sessionId"]?.stringValue }
    public var agent: String? { fields["agent"]?.stringValue }
    /// The text of a `delta`.
    public var text: String? { fields["text"]?.stringValue }
}
