import AgentCore
import Foundation
import MCP

/// What `spark-lsp mcp serve` lists as MCP resources. The sessions are one source; the knowledge agent's indexed
/// documents are meant to be another (a module conforming to this protocol, added to `SparkMCPServer`'s list), so this
/// target never depends on that agent.
public protocol MCPResourceSource: Sendable {
    /// The URI scheme and host this source answers, for example `spark://sessions/`.
    var prefix: String { get }
    func list() async throws -> [Resource]
    func read(_ uri: String) async throws -> [Resource.Content]
}

/// The stored conversations: `spark://sessions/<id>`, read as JSON (`{"agent", "messages": [...]}`).
struct SessionResources: MCPResourceSource {
    let service: ChatService
    let surface: ChatSurface

    var prefix: String { "spark://sessions/" }

    func list() async throws -> [Resource] {
        try await service.sessions(on: surface).map { session in
            Resource(
                name: session.title ?? session.id, uri: prefix + session.id,
                description: "\(session.messageCount) messages with \(session.activeAgent ?? "the supervisor")",
                mimeType: "application/json")
        }
    }

    func read(_ uri: String) async throws -> [Resource.Content] {
        let id = String(uri.dropFirst(prefix.count))
        let history = try await service.history(of: id, on: surface)
        guard !history.messages.isEmpty else { throw MCPError.invalidParams("no session \(id)") }
        let messages: [[String: String]] = history.messages.map { message in
            var entry = ["role": message.role.rawValue, "content": message.text]
            if let agent = message.agent { entry["agent"] = agent }
            return entry
        }
        let document = try JSONEncoder().encode(SessionDocument(agent: history.agent, messages: messages))
        return [.text(String(decoding: document, as: UTF8.self), uri: uri, mimeType: "application/json")]
    }

    private struct SessionDocument: Encodable {
        var agent: String?
        var messages: [[String: String]]
    }
}
