import AgentCore
import KnowledgeAgent
import SparkJSON
import SparkTestSupport
import Testing

@Suite struct KnowledgeToolTests {
    let context = ToolContext(sessionID: "s", agentName: "rag", toolCallID: "call")

    /// The rag agent built by its module over the fixture (workspace = the fixture's root), with `server` as
    /// every endpoint.
    func agent(_ fixture: KnowledgeFixture, server: ScriptedModelServer) throws -> Agent {
        var configuration = SparkConfiguration.defaults
        configuration.workspaceDir = fixture.root
        configuration.dataDir = fixture.dataDirectory
        configuration.endpoint = server.endpoint.baseURL
        let run = AgentRunContext(
            configuration: configuration, editor: RecordingWorkspaceEditor(), documents: nil, approval: DenyAllPolicy(),
            logger: .silent)
        return try KnowledgeAgentModule().makeAgent(for: run)
    }

    func tool(_ agent: Agent, _ name: String) throws -> any AgentTool {
        try #require(agent.tools.first { $0.name == name })
    }

    @Test func searchIndexesOnFirstUseAndCitesEachPassage() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try ScriptedModelServer()
        let agent = try agent(fixture, server: server)
        #expect(agent.name == "rag")
        #expect(agent.tools.map(\.name) == ["search_knowledge_base", "get_document", "summarize_documents"])
        let result = try await tool(agent, "search_knowledge_base").call(
            ["query": "configure the logger handlers", "top_k": 2], context: context)
        #expect(!result.isError, "\(result.content)")
        // Only the logging guide mentions these words.
        #expect(result.citations.map(\.path) == ["logging.md"])
        let first = try #require(result.citations.first)
        #expect(first.path == "logging.md" && first.startLine <= 7 && first.endLine >= 12)
        #expect(result.content.contains("logging.md:\(first.startLine)-\(first.endLine)"))
        #expect(result.content.contains("document_id \(first.documentID)"))

        let nothing = try await tool(agent, "search_knowledge_base").call(["query": "kubernetes"], context: context)
        #expect(nothing.citations.isEmpty && nothing.content.contains("Nothing in the knowledge base"))
        let empty = try await tool(agent, "search_knowledge_base").call(["query": "  "], context: context)
        #expect(empty.isError)
    }

    @Test func getDocumentReadsALineRangeBoundedAndCitesIt() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try ScriptedModelServer()
        let agent = try agent(fixture, server: server)
        let search = try await tool(agent, "search_knowledge_base").call(["query": "levels debug"], context: context)
        let id = try #require(search.citations.first?.documentID)
        let get = try tool(agent, "get_document")
        let range = try await get.call(["document_id": .string(id), "start_line": 5, "end_line": 7], context: context)
        #expect(range.content.hasPrefix("logging.md lines 5-7 of 16"))
        #expect(range.content.contains("5\t## Configuration"))
        #expect(range.citations.map(\.startLine) == [5] && range.citations.map(\.endLine) == [7])
        let whole = try await get.call(["document_id": .string(id)], context: context)
        #expect(whole.content.contains("16\tLevels are debug"))
        let unknown = try await get.call(["document_id": "999"], context: context)
        #expect(unknown.isError && unknown.content.contains("no document 999"))
        let beyond = try await get.call(["document_id": .string(id), "start_line": 400], context: context)
        #expect(beyond.isError)
        let backwards = try await get.call(["document_id": .string(id), "start_line": 9, "end_line": 2], context: context)
        #expect(backwards.isError)
    }

    @Test func summarizeMapsEachPartThroughTheModelAndCitesIt() async throws {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        try fixture.writeLoggingDocs()
        let server = try ScriptedModelServer()
        server.enqueue(.text("Logging writes messages; handlers send them to files."))
        let agent = try agent(fixture, server: server)
        let search = try await tool(agent, "search_knowledge_base").call(["query": "logging"], context: context)
        let id = try #require(search.citations.first { $0.path == "logging.md" }?.documentID)
        let summary = try await tool(agent, "summarize_documents").call(
            ["document_ids": [.string(id)]], context: context)
        #expect(!summary.isError, "\(summary.content)")
        #expect(summary.content.contains("## logging.md (document \(id))"))
        #expect(summary.content.contains("handlers send them to files"))
        #expect(summary.citations.count == 1 && summary.citations.first?.path == "logging.md")
        let request = try #require(server.requests.last { $0.path == "/v1/chat/completions" }?.body)
        #expect(request["model"] == "gpt-oss-20b")
        #expect(request["messages"]?.arrayValue?.last?["content"]?.stringValue?.contains("Configure the logger") == true)
    }
}
