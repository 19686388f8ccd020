#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SparkLSP

/// A response that matched none of the client's typed requests: an answer to raw bytes the test
/// wrote, or an error with a `null` id.
public struct ReceivedResponse: Sendable {
    public var id: RequestID?
    public var error: ResponseError?
    public var body: Data

    /// The `result` as JSON.
    public var result: JSONValue? { (try? JSONValue(parsing: body))?["result"] }
}
