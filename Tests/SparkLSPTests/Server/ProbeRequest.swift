import SparkJSON
import SparkLSP

/// A request only tests register, to drive server features from a handler.
struct ProbeRequest: LSPRequest, Hashable {
    static let method = "test/probe"
    typealias Response = JSONValue
    var action: String
}
