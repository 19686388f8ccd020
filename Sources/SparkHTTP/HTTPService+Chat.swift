import AgentCore
import Hummingbird
import SparkJSON

/// `POST /chat` and `POST /chat/stream`.
extension HTTPService {
    func addChatRoutes(to router: Router<ServiceContext>) {
        router.post("/chat") { request, context in try await self.chat(request, context) }
        router.post("/chat/stream") { request, context in try await self.chatStream(request, context) }
    }

    /// Reads and checks a chat request: the body, the agent, the session's owner. The body is collected into
    /// `request` itself (`collectBody`), which keeps the connection's inbound stream behind it: Hummingbird's
    /// inbound-close handlers then see the body's end and, later, the client hanging up.
    func turn(_ request: inout Request, _ context: ServiceContext) async throws -> (ChatTurnRequest, ChatSurface) {
        let body = try await request.collectBody(upTo: settings.maxBodyBytes)
        let payload = try ChatPayload(body: Array(buffer: body))
        let surface = try surface()
        // By name, without building the agents (the run builds them; one that cannot be built answers then).
        if let agent = payload.agentType, !chat.agentNames.contains(agent) {
            throw ServiceError(
                .badRequest, "unknown_agent",
                "no agent named '\(agent)' (agents: \(chat.agentNames.joined(separator: ", ")))")
        }
        if let id = payload.sessionID {
            let session = try await chat.owner(of: id, on: surface)
            if session.exists && session.owner != context.owner { throw ServiceError.notFound("no session \(id)") }
        }
        var turn = ChatTurnRequest(
            message: payload.message, sessionID: payload.sessionID ?? chat.freshSessionID(), agent: payload.agentType)
        turn.owner = context.owner
        turn.startsSession = payload.sessionID == nil
        turn.images = payload.images
        // A missing or broken image is 422 before anything starts, also for a stream (whose status is sent first).
        try chat.checkAttachments(turn, on: surface)
        return (turn, surface)
    }

    /// Takes one of the caller's places for a chat, or answers 429.
    func admit(_ context: ServiceContext) throws(ServiceError) {
        guard limiter.acquire(context.limitKey) else {
            throw ServiceError(
                .tooManyRequests, "too_many_requests",
                "\(limiter.limit) chat requests are already running for this key; retry when one has finished",
                headers: [.retryAfter: "1"])
        }
    }

    private func chat(_ request: Request, _ context: ServiceContext) async throws -> Response {
        var request = request
        let (turn, surface) = try await turn(&request, context)
        try admit(context)
        defer { limiter.release(context.limitKey) }
        let chat = self.chat
        let metrics = self.metrics
        let timeout = settings.requestTimeout
        let run = { @Sendable in
            try await self.turns.run {
                try await withDeadline(timeout) { try await chat.run(turn, on: surface) { metrics.observe($0) } }
            }
        }
        // A client that hangs up cancels the run (and with it the model's stream); so does shutdown. The
        // connection stays open for the client's next request (`HangUpWatcher`).
        let result =
            if let hangUp = await context.hangUp() { try await hangUp.cancelling(run) } else { try await run() }
        var fields: [String: JSONValue] = [
            "response": .string(result.content), "session_id": .string(result.sessionID),
            "agent": .string(result.agent), "edits": .array(result.edits.map(Self.describe)),
            "usage": Self.describe(result.usage),
            // What the answer cites, as in the `done` event's `citations` (empty when it cites nothing).
            "citations": .array(try result.citations.map { try JSONValue(encoding: $0) }),
        ]
        if let notice = result.notice { fields["notice"] = .string(notice) }
        return JSONResponse.make(.object(fields))
    }

    static func describe(_ edit: AgentEdit) -> JSONValue {
        var fields: [String: JSONValue] = [
            "path": .string(edit.path), "change": .string(edit.change.name), "applied": .bool(edit.applied),
        ]
        if let message = edit.message { fields["message"] = .string(message) }
        return .object(fields)
    }

    static func describe(_ usage: Usage) -> JSONValue {
        [
            "prompt_tokens": .int(usage.promptTokens),
            "completion_tokens": .int(usage.completionTokens),
            "total_tokens": .int(usage.totalTokens),
        ]
    }
}

/// Runs `body`, cancelling it after `limit`.
/// - Throws: what `body` throws, or `ServiceError` 504 `timeout` when the limit passed first.
func withDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await AgentCore.withDeadline(
        limit,
        else: { ServiceError(.gatewayTimeout, "timeout", "the request ran longer than \(limit) and was stopped") },
        body)
}
