import AgentCore
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the language server knows of one MCP server: its tools once listed, or why it is down and when it may be
/// tried again (back-off doubling from one second to a minute after each failure, reset by a good start).
struct MCPServerStatus: Sendable {
    enum State: Sendable {
        case ready(tools: [MCPToolInfo])
        case failed(message: String, retryAt: ContinuousClock.Instant)
    }

    static let longestBackOff = Duration.seconds(60)

    /// The definition it was listed (or failed) with; another definition starts it again.
    var definition: MCPServerDefinition
    var state: State
    var backOff: Duration = .zero

    /// This status after a failure: tools withdrawn, the next attempt after the back-off.
    func failed(_ message: String, now: ContinuousClock.Instant, firstBackOff: Duration) -> MCPServerStatus {
        var next = self
        next.backOff = backOff == .zero ? firstBackOff : min(backOff * 2, Self.longestBackOff)
        next.state = .failed(message: message, retryAt: now + next.backOff)
        return next
    }
}

/// One tool as the server lists it.
struct MCPToolInfo: Sendable {
    var name: String
    var description: String
    var inputSchema: JSONValue

    init?(_ json: JSONValue) {
        guard let name = json["name"]?.stringValue else { return nil }
        self.name = name
        description = json["description"]?.stringValue ?? ""
        inputSchema = json["inputSchema"] ?? ["type": "object"]
    }
}
