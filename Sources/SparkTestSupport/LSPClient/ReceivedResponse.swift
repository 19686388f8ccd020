import AgentCore
import SparkJSON
import SparkLSP

/// A response that matched none of the client's typed requests: an answer to raw bytes the test
/// wrote, or an error with a `null` id.
public struct ReceivedResponse: Sendable {
    public var id: RequestID?
    public var error: ResponseError?
    /// The `result` (`null` for an error response).
    public var result: JSONValue
}
