import AgentCore
import Hummingbird
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `POST /chat/stream`: one server-sent event per run event, named by its kind, whose data is the event's
/// JSON as in `spark/chatEvent` (`kind`, `agent`, the kind's fields, `sessionId`). The last event is always
/// `done`: the run's own (with `status: "ok"`), or after an `error` event a closing one with `status`
/// `error`, `cancelled` or `timeout`.
extension HTTPService {
    func chatStream(_ request: Request, _ context: ServiceContext) async throws -> Response {
        var request = request
        let (turn, surface) = try await turn(&request, context)
        let collected = request
        try admit(context)
        let limitKey = context.limitKey
        let sessionID = turn.sessionID ?? ""
        let body = ResponseBody { [self] writer in
            metrics.streamOpened()
            let start = ContinuousClock.now
            defer {
                metrics.streamClosed(after: ContinuousClock.now - start)
                limiter.release(limitKey)
            }
            let (events, continuation) = AsyncStream<ChatEvent>.makeStream()
            let run = Task { [chat, metrics, settings, turns] () -> String in
                defer { continuation.finish() }
                return
                    (try? await turns.run { () -> String in
                        do {
                            _ = try await withDeadline(settings.requestTimeout) {
                                try await chat.run(turn, on: surface) { event in
                                    metrics.observe(event)
                                    continuation.yield(event)
                                }
                            }
                            return "ok"
                        } catch let error as ChatError {
                            metrics.error(cause: error.code.rawValue)
                            return "error"
                        } catch let error as ServiceError {
                            metrics.error(cause: error.code)
                            return error.code
                        } catch {
                            return "cancelled"
                        }
                    }) ?? "cancelled"
            }
            let agent = Mutex(turn.agent ?? "")
            do {
                try await withTaskCancellationHandler {
                    // A client that hangs up cancels the run; so does the end of the shutdown grace.
                    try await collected.body.consumeWithInboundCloseHandler { _ in
                        for await event in events {
                            agent.withLock { $0 = Self.activeAgent(after: event) }
                            try await writer.write(
                                ByteBuffer(bytes: ServerSentEvent.encode(event, sessionID: sessionID)))
                        }
                    } onInboundClosed: {
                        run.cancel()
                    }
                } onCancel: {
                    run.cancel()
                }
            } catch {
                run.cancel()
                _ = await run.value
                throw error
            }
            let status = await run.value
            if status != "ok" {
                let closing = ServerSentEvent.closing(
                    agent: agent.withLock { $0 }, sessionID: sessionID, status: status)
                try await writer.write(ByteBuffer(bytes: closing))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .init("X-Accel-Buffering")!: "no"],
            body: body)
    }

    /// The agent that answers after `event` (a handoff's target, else the event's agent).
    static func activeAgent(after event: ChatEvent) -> String {
        if case .handoff(_, let to) = event { return to }
        return event.agent
    }
}

/// Server-sent events in the service's shape.
enum ServerSentEvent {
    /// `event: <kind>` and one `data:` line of the event's JSON with `sessionId` (and `status: "ok"` on `done`).
    static func encode(_ event: ChatEvent, sessionID: String) -> [UInt8] {
        frame(kind: event.kind, json: try? encoder.encode(SessionChatEvent(event, sessionID: sessionID)))
    }

    /// The closing `done` of a run that did not finish.
    static func closing(agent: String, sessionID: String, status: String) -> [UInt8] {
        let json = try? encoder.encode(["kind": "done", "agent": agent, "sessionId": sessionID, "status": status])
        return frame(kind: "done", json: json)
    }

    /// One encoder for every stream (its settings are fixed; encoding through it is thread-safe).
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    private static func frame(kind: String, json: Data?) -> [UInt8] {
        Array("event: \(kind)\ndata: ".utf8) + Array(json ?? Data("{}".utf8)) + Array("\n\n".utf8)
    }
}
