import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark/chat`, `spark/agents`, `spark/sessions`, `spark/session`, `spark/resetSession`.
enum AgentHandlers {
    static func register(on server: LSPServer, service: AgentService) {
        server.register(SparkChatRequest.self) { request, context in
            try await service.run(try await job(for: request, context: context), context: context)
        }
        server.register(AgentsRequest.self) { _, context in
            try await service.agents(context)
        }
        server.register(SessionsRequest.self) { _, context in
            let store = try await service.sessionStore(try await service.resolve(context).0)
            let sessions = try await store.sessions().map { summary in
                SessionListEntry(
                    id: summary.id, title: summary.title, agent: summary.activeAgent,
                    messageCount: summary.messageCount,
                    createdAt: summary.createdAt.formatted(.iso8601), updatedAt: summary.updatedAt.formatted(.iso8601))
            }
            return SessionsResult(sessions: sessions)
        }
        server.register(SessionRequest.self) { request, context in
            let store = try await service.sessionStore(try await service.resolve(context).0)
            let messages = try await store.messages(session: request.sessionId)
            return SessionHistory(
                id: request.sessionId, agent: try await store.activeAgent(session: request.sessionId),
                messages: messages.map(describe))
        }
        server.register(ResetSessionRequest.self) { request, context in
            let store = try await service.sessionStore(try await service.resolve(context).0)
            try await store.reset(session: request.sessionId)
            await service.endSession(request.sessionId)
            return VoidResponse()
        }
    }

    static func job(for request: SparkChatRequest, context: ServerContext) async throws -> ChatJob {
        guard !request.message.isEmpty else { throw ResponseError.invalidParams("message must not be empty") }
        var job = ChatJob(
            message: request.message, sessionID: request.sessionId, agent: request.agent, token: request.token)
        job.progressToken = request.workDoneToken
        if let name = request.workflow {
            guard let workflow = PromptWorkflow(name: name) else {
                throw ResponseError.invalidParams(
                    "unknown workflow '\(name)' (\(PromptWorkflow.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            job.workflow = workflow
        }
        if let document = request.textDocument {
            let code = await CodeContext.load(uri: document.uri, range: request.range, documents: context.documents)
            job.message += "\n\n(The user is looking at \(code.location).)\(code.block)"
            job.contextVariables = code.variables
        }
        return job
    }

    private static func describe(_ message: ChatMessage) -> JSONValue {
        var fields: [String: JSONValue] = ["role": .string(message.role.rawValue), "content": .string(message.text)]
        if let agent = message.agent { fields["agent"] = .string(agent) }
        if let calls = message.toolCalls, let encoded = try? JSONValue(encoding: calls) {
            fields["toolCalls"] = encoded
        }
        if let id = message.toolCallID { fields["toolCallId"] = .string(id) }
        return .object(fields)
    }
}
