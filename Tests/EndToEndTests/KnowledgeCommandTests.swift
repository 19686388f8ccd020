import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp kb ...` and the `rag` agent behind the supervisor, the built binary against the scripted server.
@Suite struct KnowledgeCommandTests {
    /// A workspace with a logging guide, in the environment's directory.
    func workspace(_ environment: ChatEnvironment) throws -> String {
        let workspace = environment.directory + "/workspace"
        try FileManager.default.createDirectory(atPath: workspace + "/docs", withIntermediateDirectories: true)
        try Data(
            """
            # Logging

            The logger writes what the application does.

            ## Configuration

            Call `configure(level:)` once at start-up.

            ### Handlers

            Add a handler with `addHandler(FileHandler("app.log"))` to write records to a file.

            """.utf8
        ).write(to: URL(fileURLWithPath: workspace + "/docs/logging.md"))
        return workspace
    }

    func run(_ arguments: [String], _ environment: ChatEnvironment, workspace: String, endpoint: ModelEndpoint)
        async throws -> SparkProcess.Exit
    {
        var variables = environment.variables(endpoint: endpoint)
        variables["WORKSPACE_DIR"] = workspace
        return try await SparkProcess(arguments, environment: variables).exit()
    }

    @Test func indexSearchGetStatsReset() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let workspace = try workspace(environment)
        let endpoint = try ScriptedModelServer.refusingEndpoint()
        let dataDir = environment.directory + "/kb"

        let index = try await run(["kb", "index", "--data-dir", dataDir], environment, workspace: workspace, endpoint: endpoint)
        #expect(index.status == 0, "stderr: \(index.stderr)")
        #expect(index.stdout.hasPrefix("indexed 1 files (1 indexed, 0 unchanged), 1 chunks, skipped 0"), "\(index.stdout)")
        #expect(index.stderr.isEmpty, "no progress bar without a terminal")

        let search = try await run(
            ["kb", "search", "--data-dir", dataDir, "--json", "--top-k", "2", "how do I add a log handler"], environment,
            workspace: workspace, endpoint: endpoint)
        #expect(search.status == 0, "stderr: \(search.stderr)")
        let results = search.events
        // The short introductions open the `Handlers` chunk: one chunk for the whole page.
        #expect(results.count == 1)
        let top = try #require(results.first)
        #expect(top["path"] == "docs/logging.md")
        #expect(top["startLine"] == 1 && top["endLine"] == 11)
        #expect(top["heading"] == "Logging › Configuration › Handlers")
        #expect(top["text"]?.stringValue?.contains("addHandler") == true)
        #expect(top["score"]?.doubleValue != nil)
        let id = try #require(top["documentId"]?.stringValue)

        let get = try await run(
            ["kb", "get", "--data-dir", dataDir, "--lines", "9-9", id], environment, workspace: workspace, endpoint: endpoint)
        #expect(get.status == 0, "stderr: \(get.stderr)")
        #expect(get.stdout == "### Handlers\n")
        let missing = try await run(["kb", "get", "--data-dir", dataDir, "4242"], environment, workspace: workspace, endpoint: endpoint)
        #expect(missing.status == 1 && missing.stderr.contains("no document 4242"))

        let again = try await run(["kb", "index", "--data-dir", dataDir], environment, workspace: workspace, endpoint: endpoint)
        #expect(again.stdout.hasPrefix("indexed 1 files (0 indexed, 1 unchanged), 0 chunks"), "\(again.stdout)")

        let stats = try await run(["kb", "stats", "--data-dir", dataDir], environment, workspace: workspace, endpoint: endpoint)
        #expect(stats.stdout.contains("documents: 1") && stats.stdout.contains("chunks:    1"), "\(stats.stdout)")
        let reset = try await run(["kb", "reset", "--data-dir", dataDir], environment, workspace: workspace, endpoint: endpoint)
        #expect(reset.status == 0)
        let empty = try await run(["kb", "stats", "--data-dir", dataDir], environment, workspace: workspace, endpoint: endpoint)
        #expect(empty.stdout.contains("documents: 0"))

        let badRoot = try await run(
            ["kb", "index", "--data-dir", dataDir, environment.directory + "/nowhere"], environment, workspace: workspace,
            endpoint: endpoint)
        #expect(badRoot.status == 1 && badRoot.stdout.contains("nowhere"))
    }

    @Test func theBenchmarkHooksReachIndexAndSearch() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let workspace = try workspace(environment)
        let endpoint = try ScriptedModelServer.refusingEndpoint()
        let dataDir = environment.directory + "/kb"
        func run(_ arguments: [String], _ hooks: [String: String]) async throws -> SparkProcess.Exit {
            var variables = environment.variables(endpoint: endpoint)
            variables["WORKSPACE_DIR"] = workspace
            variables.merge(hooks) { $1 }
            return try await SparkProcess(["kb"] + arguments + ["--data-dir", dataDir], environment: variables).exit()
        }
        let index = try await run(["index"], ["SPARK_KB_CHUNKING": "lines:4"])
        #expect(index.status == 0, "stderr: \(index.stderr)")
        #expect(index.stdout.contains(", 3 chunks,"), "11 lines in windows of 4: \(index.stdout)")
        let search = try await run(["search", "--json", "add a log handler"], ["SPARK_KB_RANKING": "lexical"])
        #expect(search.status == 0, "stderr: \(search.stderr)")
        let top = try #require(search.events.first)
        #expect(top["startLine"] == 9 && top["endLine"] == 11 && top["heading"] == "")

        for (name, value) in [("SPARK_KB_CHUNKING", "lines:x"), ("SPARK_KB_RANKING", "bm25")] {
            let refused = try await run(["search", "handler"], [name: value])
            #expect(refused.status == 2 && refused.stderr.contains(name) && refused.stderr.contains(value), "\(refused.stderr)")
        }
    }

    @Test func theSupervisorRoutesKnowledgeQuestionsToRagWhichCites() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let workspace = try workspace(environment)
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_rag", arguments: [:])]))
        server.enqueue(
            .toolCalls([ScriptedToolCall(name: "search_knowledge_base", arguments: ["query": "configure logger handler", "top_k": 1])]))
        server.enqueue(.text("Add a handler with `addHandler` (docs/logging.md:1-11).", chunks: 2))
        let exit = try await run(
            ["chat", "--json", "How do I configure the logger?"], environment, workspace: workspace, endpoint: server.endpoint)
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        let kinds = exit.events.compactMap { $0["kind"]?.stringValue }
        #expect(kinds == ["toolCall", "toolResult", "handoff", "toolCall", "toolResult", "citation", "delta", "delta", "done"])
        let citation = try #require(exit.events.first { $0["kind"] == "citation" })
        #expect(citation["agent"] == "rag")
        #expect(citation["uri"]?.stringValue?.hasSuffix("/workspace/docs/logging.md") == true)
        #expect(citation["range"] == ["start": ["line": 0, "character": 0], "end": ["line": 11, "character": 0]])
        #expect(citation["title"] == "docs/logging.md › Logging › Configuration › Handlers")
        #expect(citation["documentId"]?.stringValue != nil && citation["score"]?.doubleValue != nil)
        #expect((citation["snippet"]?.stringValue?.count ?? 999) <= 300)
        let done = try #require(exit.events.last)
        #expect(done["agent"] == "rag")
        #expect(done["citations"]?.arrayValue?.count == 1)
        #expect(done["citations"]?.arrayValue?.first?["title"] == citation["title"])
        let requests = server.requests.filter { $0.path == "/v1/chat/completions" }.compactMap(\.body)
        #expect(requests.map { $0["model"] } == ["gpt-oss-120b", "gpt-oss-20b", "gpt-oss-20b"])
        let supervisorTools = requests.first?["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue }
        #expect(supervisorTools?.contains("transfer_to_rag") == true)
        let system = requests[1]["messages"]?.arrayValue?.first?["content"]?.stringValue ?? ""
        #expect(system.contains("knowledge agent") && system.contains("transfer_to_supervisor"))
    }
}
