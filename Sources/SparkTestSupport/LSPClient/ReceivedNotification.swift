import AgentCore
import SparkJSON

/// A notification as received: its method and params (`null` when it had none).
public struct ReceivedNotification: Sendable {
    public var method: String
    public var params: JSONValue
}
