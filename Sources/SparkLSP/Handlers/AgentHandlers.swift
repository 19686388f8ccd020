import AgentCore
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark/chat`, `spark/agents`, `spark/sessions`, `spark/session`, `spark/resetSession`.
enum AgentHandlers {
    static func register(on server: LSPServer, chat: ChatFrontEnd) {
        server.register(SparkChatRequest.self) { request, context in
            try await chat.run(try await job(for: request, context: context), context: context)
        }
        server.register(AgentsRequest.self) { _, context in
            let registry = try await answering(context) {
                try await chat.service.registryWithProvidedTools(on: await chat.surface(context).0)
            }
            return AgentsResult(
                agents: registry.agents.map { agent in
                    let mcpTools = agent.tools.compactMap { tool in
                        (tool as? any ProvidedAgentTool).map { MCPToolDescription(name: $0.name, server: $0.origin) }
                    }
                    return AgentDescription(
                        name: agent.name, description: agent.description, model: agent.model,
                        endpoint: agent.endpoint.baseURL, tools: agent.tools.map(\.name),
                        mcpTools: mcpTools.isEmpty ? nil : mcpTools)
                })
        }
        server.register(SessionsRequest.self) { _, context in
            let surface = await chat.surface(context).0
            let summaries = try await answering(context) { try await chat.service.sessions(on: surface) }
            let sessions = summaries.map { summary in
                SessionListEntry(
                    id: summary.id, title: summary.title, agent: summary.activeAgent,
                    messageCount: summary.messageCount,
                    createdAt: summary.createdAt.formatted(.iso8601), updatedAt: summary.updatedAt.formatted(.iso8601))
            }
            return SessionsResult(sessions: sessions)
        }
        server.register(SessionRequest.self) { request, context in
            let surface = await chat.surface(context).0
            let history = try await answering(context) {
                try await chat.service.history(of: request.sessionId, on: surface)
            }
            return SessionHistory(id: request.sessionId, agent: history.agent, messages: history.messages.map(describe))
        }
        server.register(ResetSessionRequest.self) { request, context in
            let surface = await chat.surface(context).0
            try await answering(context) { try await chat.service.reset(session: request.sessionId, on: surface) }
            return VoidResponse()
        }
    }

    /// The value of `body`, with a `ChatError` turned into the request's `ResponseError`.
    static func answering<T>(_ context: ServerContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ChatError {
            throw ResponseError(error, context: context)
        }
    }

    static func job(for request: SparkChatRequest, context: ServerContext) async throws -> ChatJob {
        guard !request.message.isEmpty || !(request.images ?? []).isEmpty else {
            throw ResponseError.invalidParams("message must not be empty")
        }
        var turn = ChatTurnRequest(
            message: request.message, sessionID: request.sessionId, agent: request.agent, workflow: request.workflow)
        turn.images = request.images ?? []
        if let document = request.textDocument {
            let code = await CodeContext.load(uri: document.uri, range: request.range, documents: context.documents)
            turn.message += "\n\n(The user is looking at \(code.location).)\(code.block)"
            turn.contextVariables = code.variables
        }
        var job = ChatJob(turn, token: request.token)
        job.progressToken = request.workDoneToken
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
