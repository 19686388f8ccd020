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

    /// Six sections of about 700 characters each, and a server that answers every chat with one sentence and
    /// `GET /v1/models` with `models` (as vLLM lists them).
    func summarise(models: JSONValue) async throws -> (summary: ToolResult, chats: Int, modelLists: Int) {
        let fixture = try KnowledgeFixture()
        defer { fixture.cleanUp() }
        let paragraph = String(
            repeating: "The scheduler keeps one queue per worker and steals from the others. ", count: 10)
        try fixture.write(
            "scheduler.md",
            "# Scheduler\n\n" + (1...6).map { "## Part \($0)\n\n\(paragraph)\n" }.joined(separator: "\n"))
        let server = try ScriptedModelServer()
        server.respond { request -> ScriptedReply? in
            switch request.path {
            case "/v1/models": return .json(["object": "list", "data": models])
            case "/v1/chat/completions": return .text("A summary.")
            default: return nil
            }
        }
        let agent = try agent(fixture, server: server)
        let search = try await tool(agent, "search_knowledge_base").call(["query": "scheduler"], context: context)
        let id = try #require(search.citations.first?.documentID)
        let summary = try await tool(agent, "summarize_documents").call(
            ["document_ids": [.string(id)]], context: context)
        #expect(!summary.isError, "\(summary.content)")
        let paths = server.requests.map(\.path)
        return (summary, paths.filter { $0 == "/v1/chat/completions" }.count, paths.filter { $0 == "/v1/models" }.count)
    }

    /// vLLM states the model's context (`max_model_len`): 1,024 tokens make parts of 1,000 characters, one section
    /// each (six summaries and the one that combines them).
    @Test func summarizeSizesPartsToTheContextTheServerStates() async throws {
        let stated = try await summarise(models: [
            ["id": "other-model", "object": "model", "max_model_len": 131072],
            ["id": "gpt-oss-20b", "object": "model", "max_model_len": 1024],
        ])
        #expect(stated.modelLists == 1)
        #expect(stated.summary.citations.count == 6 && stated.chats == 7)
        #expect(stated.summary.citations.map(\.startLine) == stated.summary.citations.map(\.startLine).sorted())
    }

    /// A server that states no context length (or not for this model): 8,192 tokens are assumed, one part.
    @Test func summarizeAssumesEightThousandTokensOtherwise() async throws {
        let unstated = try await summarise(models: [["id": "gpt-oss-20b", "object": "model"]])
        #expect(unstated.modelLists == 1)
        #expect(unstated.summary.citations.count == 1 && unstated.chats == 1)
        let otherModel = try await summarise(models: [["id": "other-model", "object": "model", "max_model_len": 1024]])
        #expect(otherModel.summary.citations.count == 1 && otherModel.chats == 1)
    }
}
