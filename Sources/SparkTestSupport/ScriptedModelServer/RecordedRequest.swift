import AgentCore
import SparkJSON

/// A request `ScriptedModelServer` received.
public struct RecordedRequest: Sendable, Hashable {
    public var method: String
    public var path: String
    /// Header names lower-cased; the last value wins.
    public var headers: [String: String]
    /// The raw body text.
    public var bodyText: String
    /// The body parsed as JSON, when it is JSON.
    public var body: JSONValue?
    /// Which accepted connection (1-based) carried the request.
    public var connection: Int

    /// The header's value, by case-insensitive name.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
