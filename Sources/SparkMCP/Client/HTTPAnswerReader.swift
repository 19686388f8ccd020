import AgentCore
import Foundation
import Synchronization

/// The body of one answer of a streamable-HTTP MCP server (`StreamableHTTPTransport`), read on its transfer's
/// thread: a JSON body is one message, handed on at its end; an SSE body is parsed as it arrives, each event's data
/// one message (events of other types, and the empty priming events, are skipped).
final class HTTPAnswerReader: Sendable {
    private enum Kind { case unknown, json, events }
    private struct State {
        var kind = Kind.unknown
        var parser = SSEParser()
        var json: [UInt8] = []
        var retry: Int?
    }

    private let deliver: @Sendable (Data) -> Void
    private let state = Mutex(State())

    init(deliver: @escaping @Sendable (Data) -> Void) {
        self.deliver = deliver
    }

    /// The server's `retry` (milliseconds), when its stream gave one.
    var retry: Int? { state.withLock { $0.retry } }

    /// The answer's headers are in: its `Content-Type` says how to read the body.
    func start(contentType: String) {
        let type = contentType.lowercased()
        state.withLock {
            $0.kind =
                type.hasPrefix("text/event-stream") ? .events : type.hasPrefix("application/json") ? .json : .unknown
        }
    }

    /// The next bytes of a 2xx body.
    func receive(_ bytes: UnsafeRawBufferPointer) -> (any Error)? {
        var events: [SSEEvent] = []
        state.withLock { state in
            switch state.kind {
            case .json: state.json.append(contentsOf: bytes)
            case .events: events = state.parser.feed(bytes)
            case .unknown: break
            }
            if let retry = events.last(where: { $0.retry != nil })?.retry { state.retry = retry }
        }
        for event in events where event.type == "message" && !event.data.isEmpty { deliver(Data(event.data.utf8)) }
        return nil
    }

    /// The body ended: a JSON body is handed on.
    func finish() {
        let json = state.withLock { state in
            defer { state.json = [] }
            return state.json
        }
        if !json.isEmpty { deliver(Data(json)) }
    }
}
