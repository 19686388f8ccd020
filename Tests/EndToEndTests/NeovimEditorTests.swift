import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// The editor experience in a real editor: headless Neovim with the plugin from `editors/neovim`, the built
/// `spark-lsp`, and `ScriptedModelServer` as the model. The Lua scripts under `Neovim/` drive the editor and
/// write `PASS` or `FAIL` with the reason.
@Suite struct NeovimEditorTests {
    typealias Outcome = NeovimScript.Outcome

    static let brokenName = "prnt"
    static let source = "def greet(name):\n    prnt(f\"héllo {name} 👋\")\n\ngreet(\"wörld\")\n"
    static let fixed = "def greet(name):\n    print(f\"héllo {name} 👋\")\n\ngreet(\"wörld\")\n"
    static let diagnostic = "undefined name 'prnt'"

    /// Runs `script` in headless Neovim on a fresh workspace holding `sample.py` and `files` (and
    /// `.spark/config.json` with `workspaceConfiguration`, when given).
    private func runNeovim(
        script: String, model: ScriptedModelServer, environment extra: [String: String],
        workspaceConfiguration: String? = nil, files: [String: Data] = [:]
    ) async throws -> Outcome {
        let directory = try EndToEnd.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/.spark", withIntermediateDirectories: true)
        if let workspaceConfiguration {
            try workspaceConfiguration.write(
                toFile: directory + "/.spark/config.json", atomically: true, encoding: .utf8)
        }
        let file = directory + "/sample.py"
        try Self.source.write(toFile: file, atomically: true, encoding: .utf8)
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: directory + "/" + name)) }
        var environment = [
            "SPARK_LSP_BIN": EndToEnd.binary, "SPARK_TEST_FILE": file,
            "VLLM_ENDPOINT": model.endpoint.baseURL, "SPARK_DATA_DIR": directory + "/data", "WORKSPACE_DIR": directory,
            "ENABLE_CODE_EXECUTION": "false", "XDG_DATA_HOME": directory + "/xdg",
        ]
        for agent in ["SUPERVISOR", "CODING", "RAG", "IMAGE"] { environment["\(agent)_MODEL"] = "test-model" }
        environment.merge(extra) { _, new in new }
        return try await NeovimScript.run(script, in: directory, environment: environment)
    }

    private func runCodeAction(model: ScriptedModelServer) async throws -> Outcome {
        try await runNeovim(
            script: "code_action_check.lua", model: model,
            environment: ["SPARK_TEST_MESSAGE": Self.diagnostic, "SPARK_TEST_EXPECTED": Self.fixed])
    }

    @Test func diagnosticQuickFixEditLandsInTheBuffer() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(
            .toolCalls([
                ScriptedToolCall(
                    name: "file_write",
                    arguments: [
                        "operation": "str_replace", "path": "sample.py",
                        "old_text": "    prnt(f\"héllo {name} 👋\")", "new_text": "    print(f\"héllo {name} 👋\")",
                    ])
            ]))
        model.enqueue(.text("Fixed the misspelt print.", chunks: 2))
        let outcome = try await runCodeAction(model: model)
        #expect(outcome.passed, "\(outcome.result)")
        // The model saw the diagnostic the fix was for, and was called directly (no supervisor turn first).
        let requests = model.requests.filter { $0.path == "/v1/chat/completions" }
        #expect(requests.count == 2)
        #expect(requests.first?.bodyText.contains(Self.brokenName) == true)
    }

    @Test func quickFixCheckFailsWhenNoEditArrives() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text("I looked but changed nothing.", chunks: 2))
        let outcome = try await runCodeAction(model: model)
        #expect(outcome.failed, "\(outcome.result)")
        #expect(outcome.result.contains("did not land"), "\(outcome.result)")
    }

    /// The workspace trust question in a real editor: answered through Neovim's own `inputlist`, the answer
    /// decides whether the workspace's API key is sent.
    @Test(arguments: [("Trust this workspace", "Bearer workspace-key"), ("Not now", nil)])
    func theTrustQuestionIsAskedOnceAndItsAnswerHolds(answer: String, authorization: String?) async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text("ok", chunks: 1))
        let outcome = try await runNeovim(
            script: "trust_check.lua", model: model, environment: ["SPARK_TEST_ANSWER": answer],
            workspaceConfiguration: #"{"apiKey": "workspace-key"}"#)
        #expect(outcome.passed, "\(outcome.result)")
        let chat = try #require(model.requests.first { $0.path == "/v1/chat/completions" })
        #expect(chat.header("authorization") == authorization)
    }

    static let answer = "Hello from Spark — streamed in parts 🙂."

    private func runChat(model: ScriptedModelServer, scenario: String) async throws -> Outcome {
        try await runNeovim(
            script: "chat_check.lua", model: model,
            environment: ["SPARK_TEST_SCENARIO": scenario, "SPARK_TEST_EXPECTED": Self.answer])
    }

    @Test func chatEventsStreamInOrderIntoThePanel() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text(Self.answer, chunks: 5))
        let outcome = try await runChat(model: model, scenario: "stream")
        #expect(outcome.passed, "\(outcome.result)")
    }

    @Test func panelPromptSendsOnEnter() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text(Self.answer, chunks: 4))
        let outcome = try await runChat(model: model, scenario: "prompt")
        #expect(outcome.passed, "\(outcome.result)")
    }

    @Test func chatSelectionSendsExactlyTheSelectedText() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text(Self.answer, chunks: 3))
        let outcome = try await runChat(model: model, scenario: "selection")
        #expect(outcome.passed, "\(outcome.result)")
        let sent = try #require(model.requests.first { $0.path == "/v1/chat/completions" }).bodyText
        let user = try #require(Self.lastUserMessage(sent), "no user message in \(sent)")
        // The selection ends right after the emoji (two UTF-16 units): not a half surrogate, not the quote after it.
        #expect(user.contains("\nprnt(f\"héllo {name} 👋\n```"), "\(user)")
        #expect(user.hasPrefix("hello"), "\(user)")
    }

    /// The content of the last `user` message of a chat completion request body.
    static func lastUserMessage(_ body: String) -> String? {
        guard let data = body.data(using: .utf8),
            let request = try? JSONDecoder().decode(JSONValue.self, from: data),
            case .array(let messages)? = request["messages"]
        else { return nil }
        return messages.last { $0["role"]?.stringValue == "user" }?["content"]?.stringValue
    }

    /// A 1x1 PNG.
    static let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

    @Test func attachedImagesGoInTheChatRequestAndShowUnderIt() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text(Self.answer, chunks: 2))
        model.enqueue(.text(Self.answer, chunks: 2))
        let outcome = try await runNeovim(
            script: "chat_check.lua", model: model,
            environment: [
                "SPARK_TEST_SCENARIO": "image", "SPARK_TEST_EXPECTED": Self.answer,
                "SPARK_TEST_DATA_URL": "data:image/png;base64," + Self.png,
            ],
            files: ["sample.png": try #require(Data(base64Encoded: Self.png))])
        #expect(outcome.passed, "\(outcome.result)")
    }

    /// The cursor in `greet` with no selection and no diagnostic: the four actions name it, and the panel shows
    /// the explain action's request before its answer.
    @Test func cursorCodeActionsNameTheEnclosingFunctionAndThePanelShowsTheRequest() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.text(Self.answer, chunks: 3))
        let outcome = try await runNeovim(
            script: "cursor_action_check.lua", model: model, environment: ["SPARK_TEST_EXPECTED": Self.answer])
        #expect(outcome.passed, "\(outcome.result)")
        let asked = try #require(model.requests.first { $0.path == "/v1/chat/completions" }).bodyText
        #expect(asked.contains("the function `greet`"), "\(asked)")
    }

    @Test func chatCheckFailsWhenTheBackendFails() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.modelNotFound("test-model"))
        let outcome = try await runChat(model: model, scenario: "stream")
        #expect(outcome.failed, "\(outcome.result)")
        #expect(outcome.result.contains("spark/chat failed"), "\(outcome.result)")
    }

    @Test func sparkCancelStopsTheRunAndTheModelStream() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.stall(afterChunks: 1))
        model.enqueue(.text(Self.answer, chunks: 3))
        let outcome = try await runChat(model: model, scenario: "cancel")
        #expect(outcome.passed, "\(outcome.result)")
        // The stalled stream was abandoned: the chat after the cancel reached the model on a new connection.
        #expect(model.requests.filter { $0.path == "/v1/chat/completions" }.count == 2)
        #expect(model.midReplyDisconnects >= 1)
    }

    /// A logging guide whose sections are each large enough to be a chunk of their own.
    static let loggingGuide = """
        # Logging

        The logging package records what an application does while it runs: requests served, files written, \
        errors met. Every record has a level, a message and the time it was made, and goes to every handler \
        attached to the logger that made it, in the order the handlers were added.

        ## Levels

        Five levels order the records from the most detailed to the most severe: trace, debug, info, warning \
        and error. A logger drops the records below its level before any handler sees them, so a quiet level \
        costs almost nothing at run time.

        ## Configuration

        Configure the logger once at start-up with `configure(level:)`, then attach handlers with \
        `addHandler(_:)`: a `FileHandler("app.log")` writes records to a file, a `ConsoleHandler()` to the \
        terminal. Later calls to `configure` replace the level but keep the handlers.

        """

    /// The supervisor hands a knowledge question to `rag`, whose citation opens the guide at its section.
    @Test func aRagCitationOpensTheFileAtTheCitedLine() async throws {
        let model = try ScriptedModelServer()
        model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_rag", arguments: [:])]))
        model.enqueue(
            .toolCalls([
                ScriptedToolCall(name: "search_knowledge_base", arguments: ["query": "configure the logger", "top_k": 1])
            ]))
        model.enqueue(.text("Call `configure(level:)` once, then `addHandler` (logging.md, Configuration).", chunks: 2))
        let lines = Self.loggingGuide.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0 == "## Configuration" }) + 1
        let outcome = try await runNeovim(
            script: "citation_check.lua", model: model,
            environment: ["SPARK_TEST_CITED": "logging.md", "SPARK_TEST_LINE": String(line)],
            files: ["logging.md": Data(Self.loggingGuide.utf8)])
        #expect(outcome.passed, "\(outcome.result)")
        // The supervisor, then rag twice (its search, then its answer from the search's result).
        #expect(model.requests.filter { $0.path == "/v1/chat/completions" }.count == 3)
    }

    static let userLine = "    # typed while the model was thinking"

    /// The read-before-write contract in Neovim: the user types a line between the agent's read and its write.
    @Test(arguments: ["overwrite", "str_replace"])
    func theLineTheUserTypedWhileTheModelThoughtSurvivesTheAgentsWrite(scenario: String) async throws {
        let model = try ScriptedModelServer()
        let thinking = try ScriptedHold()
        model.enqueue(.toolCalls([ScriptedToolCall(id: "read", name: "file_read", arguments: ["path": "sample.py"])]))
        let write: JSONValue =
            scenario == "overwrite"
            ? ["operation": "overwrite", "path": "sample.py", "content": .string(Self.fixed)]
            : ["operation": "str_replace", "path": "sample.py", "old_text": "prnt(", "new_text": "print("]
        model.enqueue(
            .held(thinking, then: .toolCalls([ScriptedToolCall(id: "write", name: "file_write", arguments: write)])))
        model.enqueue(.text("Done.", chunks: 1))
        var lines = Self.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.insert(Self.userLine, at: 1)
        let typed = lines.joined(separator: "\n")
        let expected = scenario == "overwrite" ? typed : typed.replacing("prnt(", with: "print(")
        let outcome = try await runNeovim(
            script: "read_before_write_check.lua", model: model,
            environment: [
                "SPARK_TEST_SCENARIO": scenario, "SPARK_TEST_LINE": Self.userLine, "SPARK_TEST_EXPECTED": expected,
            ])
        #expect(outcome.passed, "\(outcome.result)")
    }
}
