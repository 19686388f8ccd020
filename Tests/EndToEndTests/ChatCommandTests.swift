import AgentCore
import Glibc
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `spark-lsp chat` and `spark-lsp agents`, the built binary against the scripted vLLM server.
@Suite struct ChatCommandTests {
    @Test func plainTextAnswerGoesToStdout() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.text("Hello from the model.", chunks: 4))
        let exit = try await environment.run(["chat", "Say hello"], endpoint: server.endpoint)
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        #expect(exit.stdout == "Hello from the model.\n")
        let body = try #require(server.requests.last?.body)
        #expect(body["model"] == "gpt-oss-120b")
        #expect(body["messages"]?.arrayValue?.last?["content"] == "Say hello")
        #expect(body["stream"] == true)
    }

    @Test func jsonEventsEndWithDone() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.text("One two three", chunks: 3))
        let exit = try await environment.run(["chat", "--json", "Count"], endpoint: server.endpoint)
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        let events = exit.events
        #expect(events.count == exit.lines.count, "every line is one JSON object")
        let deltas = events.filter { $0["kind"] == "delta" }
        #expect(deltas.compactMap { $0["text"]?.stringValue }.joined() == "One two three")
        #expect(deltas.allSatisfy { $0["agent"] == "supervisor" })
        let done = try #require(events.last)
        #expect(done["kind"] == "done")
        #expect(done["status"] == "ok")
        #expect(done["agent"] == "supervisor")
        #expect(done["content"] == "One two three")
    }

    @Test func supervisorHandsOffToCoding() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        server.enqueue(.text("Coding here.", chunks: 2))
        let exit = try await environment.run(["chat", "--json", "Fix the bug"], endpoint: server.endpoint)
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        let kinds = exit.events.compactMap { $0["kind"]?.stringValue }
        #expect(kinds == ["toolCall", "toolResult", "handoff", "delta", "delta", "done"])
        let handoff = try #require(exit.events.first { $0["kind"] == "handoff" })
        #expect(handoff["from"] == "supervisor")
        #expect(handoff["to"] == "coding")
        #expect(exit.events.last?["agent"] == "coding")
        let requests = server.requests.compactMap(\.body)
        #expect(requests.map { $0["model"] } == ["gpt-oss-120b", "meta-llama/Llama-3.1-8B-Instruct"])
        let toolNames = requests.first?["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue }
        #expect(toolNames?.contains("transfer_to_coding") == true)
        // The coding agent sees the transfer and its answer.
        let roles = requests.last?["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(roles == ["system", "user", "assistant", "tool"])
    }

    @Test func backendDownExitsOneWithOneLine() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let exit = try await environment.run(["chat", "Hello"], endpoint: try ScriptedModelServer.refusingEndpoint())
        #expect(exit.status == 1)
        #expect(exit.stdout.isEmpty)
        #expect(exit.errorLines.count == 1, "stderr: \(exit.stderr)")
        #expect(exit.stderr.hasPrefix("spark-lsp: "))
        #expect(exit.stderr.contains("127.0.0.1"))
    }

    @Test func sigintStopsTheStreamAndExits130() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.stall(afterChunks: 2))
        let process = try SparkProcess(
            ["chat", "--json", "Talk"], environment: environment.variables(endpoint: server.endpoint))
        for await line in process.lines where line.contains("\"delta\"") { break }
        process.send(SIGINT)
        #expect(await server.waitForDisconnect())
        let exit = try await process.exit()
        #expect(exit.status == 130)
        #expect(exit.events.last?["kind"] == "done")
        #expect(exit.events.last?["status"] == "cancelled")
        #expect(exit.errorLines == ["spark-lsp: interrupted"])
    }

    @Test func sessionResumesAfterTheProcessEnds() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        server.enqueue(.text("First answer.", chunks: 2))
        let first = try await environment.run(
            ["chat", "--session", "s1", "--json", "First"], endpoint: server.endpoint)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.events.last?["sessionId"] == "s1")

        server.enqueue(.text("Second answer.", chunks: 2))
        let second = try await environment.run(
            ["chat", "--session", "s1", "--json", "Second"], endpoint: server.endpoint)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        // The coding agent, active at the end of the first run, answers.
        #expect(second.events.last?["agent"] == "coding")
        let body = try #require(server.requests.last?.body)
        #expect(body["model"] == "meta-llama/Llama-3.1-8B-Instruct")
        let messages = body["messages"]?.arrayValue ?? []
        #expect(
            messages.compactMap { $0["role"]?.stringValue } == [
                "system", "user", "assistant", "tool", "assistant", "user",
            ])
        #expect(messages[1]["content"] == "First")
        #expect(messages[4]["content"] == "First answer.")
        #expect(messages.last?["content"] == "Second")

        // --agent overrides the session's agent; a failed run stores nothing it did not answer.
        server.enqueue(.error(status: 500, message: "boom"))
        let third = try await environment.run(
            ["chat", "--session", "s1", "--agent", "supervisor", "Third"], endpoint: server.endpoint)
        #expect(third.status == 1)
        #expect(server.requests.last?.body?["model"] == "gpt-oss-120b")
        server.enqueue(.text("Fourth answer."))
        let fourth = try await environment.run(["chat", "--session", "s1", "Fourth"], endpoint: server.endpoint)
        #expect(fourth.status == 0, "stderr: \(fourth.stderr)")
        let resumed = server.requests.last?.body?["messages"]?.arrayValue ?? []
        #expect(!resumed.contains { $0["content"] == "Third" })
        #expect(resumed.count == 8)  // system + 4 of the first run + 2 of the second + "Fourth"
    }

    @Test func agentsListsTheAgents() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let exit = try await environment.run(
            ["agents", "--json"], endpoint: ModelEndpoint(baseURL: "http://127.0.0.1:9/v1"))
        #expect(exit.status == 0, "stderr: \(exit.stderr)")
        let agents = try #require(exit.events.first?["agents"]?.arrayValue)
        #expect(agents.compactMap { $0["name"]?.stringValue } == ["supervisor", "coding", "rag"])
        #expect(agents.first?["handoffs"] == ["coding", "rag"])
        #expect(agents.first?["endpoint"] == "http://127.0.0.1:9/v1")
    }

    @Test func failedRunKeepsItsAnsweredTurns() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        server.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        server.enqueue(.error(status: 500, message: "coding backend broke"))
        let failed = try await environment.run(
            ["chat", "--session", "s2", "--json", "Start"], endpoint: server.endpoint)
        #expect(failed.status == 1)
        #expect(failed.events.last?["kind"] == "done")
        #expect(failed.events.last?["status"] == "error")
        #expect(failed.errorLines.count == 1, "stderr: \(failed.stderr)")
        #expect(failed.stderr.contains("coding backend broke"))

        server.enqueue(.text("Recovered."))
        let next = try await environment.run(["chat", "--session", "s2", "--json", "Again"], endpoint: server.endpoint)
        #expect(next.status == 0, "stderr: \(next.stderr)")
        #expect(next.events.last?["agent"] == "coding")
        let roles = server.requests.last?.body?["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(roles == ["system", "user", "assistant", "tool", "user"])
    }

    /// The read-before-write contract on disk: a file changed between the agent's read and its overwrite is left as
    /// it is; a new process has seen nothing, even in the same session; a read then an overwrite works.
    @Test func anOverwriteOfAFileChangedOnDiskSinceItWasReadIsRefused() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let workspace = environment.directory + "/ws"
        let file = workspace + "/calc.py"
        #expect(mkdir(workspace, 0o755) == 0)
        try "def add(a, b):\n    return a + b\n".write(toFile: file, atomically: false, encoding: .utf8)
        func contents() -> String? { try? String(contentsOfFile: file, encoding: .utf8) }
        var variables = environment.variables(endpoint: try ScriptedModelServer.refusingEndpoint())
        variables["WORKSPACE_DIR"] = workspace
        variables["ENABLE_CODE_EXECUTION"] = "false"
        let read = ScriptedReply.toolCalls([
            ScriptedToolCall(id: "read", name: "file_read", arguments: ["path": "calc.py"])
        ])
        let overwrite = ScriptedReply.toolCalls([
            ScriptedToolCall(
                id: "write", name: "file_write",
                arguments: ["operation": "overwrite", "path": "calc.py", "content": "x = 1\n"])
        ])
        func chat(_ server: ScriptedModelServer) throws -> SparkProcess {
            variables["VLLM_ENDPOINT"] = server.endpoint.baseURL
            return try SparkProcess(
                ["chat", "--agent", "coding", "--session", "s", "--json", "rewrite calc.py"], environment: variables)
        }
        func result(of id: String, in exit: SparkProcess.Exit) -> String? {
            exit.events.first { $0["kind"] == "toolResult" && $0["id"]?.stringValue == id }?["content"]?.stringValue
        }

        // Another program writes the file while the model thinks about the agent's read.
        let server = try ScriptedModelServer()
        let thinking = try ScriptedHold()
        server.enqueue(read)
        server.enqueue(.held(thinking, then: overwrite))
        server.enqueue(.text("I will read it again."))
        let process = try chat(server)
        #expect(await thinking.reached(), "the model never got the file_read result")
        let theirs = "def add(a, b):\n    # their line\n    return a + b\n"
        try theirs.write(toFile: file, atomically: false, encoding: .utf8)
        thinking.release()
        let refused = try await process.exit()
        #expect(refused.status == 0, "stderr: \(refused.stderr)")
        #expect(
            result(of: "write", in: refused)
                == "refused: calc.py changed on disk since you read it: read it again with file_read before overwriting it"
        )
        #expect(refused.events.first { $0["kind"] == "edit" }?["applied"] == false)
        #expect(contents() == theirs, "the other program's text is intact")

        // A new process remembers nothing: the session's earlier read does not count.
        let restarted = try ScriptedModelServer()
        restarted.enqueue(overwrite)
        restarted.enqueue(.text("I will read it first."))
        let unread = try await chat(restarted).exit()
        #expect(
            result(of: "write", in: unread)?.hasPrefix("refused: calc.py has not been read in this conversation")
                == true)
        #expect(contents() == theirs)

        // Read, then overwrite: written.
        let again = try ScriptedModelServer()
        again.enqueue(read)
        again.enqueue(overwrite)
        again.enqueue(.text("Rewritten."))
        let written = try await chat(again).exit()
        #expect(written.status == 0, "stderr: \(written.stderr)")
        #expect(result(of: "write", in: written)?.hasPrefix("overwrite calc.py:") == true)
        #expect(contents() == "x = 1\n")
    }
}
