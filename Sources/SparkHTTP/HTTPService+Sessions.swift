import AgentCore
import Hummingbird
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `GET /sessions`, `GET /sessions/{id}`, `DELETE /sessions/{id}`: the caller's sessions only (a session made
/// with another key, or without a key while the service has keys, answers 404).
extension HTTPService {
    func addSessionRoutes(to router: Router<ServiceContext>) {
        router.get("/sessions") { _, context in
            let summaries = try await self.chat.sessions(on: try self.surface())
            let sessions = summaries.filter { $0.owner == context.owner }.map(Self.describe)
            return JSONResponse.make(["sessions": .array(sessions)])
        }
        router.get("/sessions/{id}") { _, context in
            let id = try Self.sessionID(context)
            let surface = try self.surface()
            try await self.requireOwn(id, context, surface)
            let history = try await self.chat.history(of: id, on: surface)
            return JSONResponse.make([
                "id": .string(id), "agent": history.agent.map(JSONValue.string) ?? .null,
                "messages": .array(history.messages.map(Self.describe)),
            ])
        }
        router.delete("/sessions/{id}") { _, context in
            let id = try Self.sessionID(context)
            let surface = try self.surface()
            try await self.requireOwn(id, context, surface)
            try await self.chat.delete(session: id, on: surface)
            return JSONResponse.make(["id": .string(id), "deleted": true])
        }
    }

    private static func sessionID(_ context: ServiceContext) throws(ServiceError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw .invalidRequest("a session id is required")
        }
        return id
    }

    /// 404 unless the session exists and belongs to the caller.
    private func requireOwn(_ id: String, _ context: ServiceContext, _ surface: ChatSurface) async throws {
        let session = try await chat.owner(of: id, on: surface)
        guard session.exists, session.owner == context.owner else { throw ServiceError.notFound("no session \(id)") }
    }

    static func describe(_ summary: SessionSummary) -> JSONValue {
        [
            "id": .string(summary.id), "title": summary.title.map(JSONValue.string) ?? .null,
            "agent": summary.activeAgent.map(JSONValue.string) ?? .null,
            "message_count": .int(summary.messageCount),
            "created_at": .string(summary.createdAt.formatted(.iso8601)),
            "updated_at": .string(summary.updatedAt.formatted(.iso8601)),
        ]
    }

    static func describe(_ message: ChatMessage) -> JSONValue {
        var fields: [String: JSONValue] = ["role": .string(message.role.rawValue), "content": .string(message.text)]
        if let agent = message.agent { fields["agent"] = .string(agent) }
        if let calls = message.toolCalls, let encoded = try? JSONValue(encoding: calls) {
            fields["tool_calls"] = encoded
        }
        if let id = message.toolCallID { fields["tool_call_id"] = .string(id) }
        return .object(fields)
    }
}
