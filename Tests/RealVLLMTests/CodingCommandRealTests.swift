import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension RealVLLMTests {
    /// `spark-lsp chat --agent coding --yes --json --config FILE` end to end against the real vLLM,
    /// the coding agent forced (by the file's `toolChoice`) to call one tool on its first turn.
    ///
    /// The command line keeps the engine's default `resetToolChoice`: after the forced call the
    /// choice relaxes to `auto` and the model answers, so the run completes (exit 0, a `done` line
    /// with status `ok`, nothing on stderr) within two turns, rather than running into the turn limit.
    @Suite(.realVLLM) struct CodingCommandRealTests {
        /// Runs the command in a fresh sandbox with the coding agent forced to `tool`.
        private func chat(forcing tool: String, in sandbox: CodingSandbox) async throws -> SparkProcess.Exit {
            let configuration: JSONValue = [
                "endpoint": .string(RealVLLM.endpoint.baseURL),
                "modelFallback": false,
                "agents": [
                    "coding": [
                        "model": .string(RealVLLM.model), "toolChoice": .string(tool), "maxTurns": 2,
                        "maxTokens": 2000,
                    ],
                    "supervisor": ["model": .string(RealVLLM.model), "maxTokens": 40],
                ],
            ]
            let file = sandbox.data + "/config.json"
            try Data(configuration.serialized().utf8).write(to: URL(fileURLWithPath: file))
            var environment = sandbox.environment
            environment["WORKSPACE_DIR"] = sandbox.workspace
            let process = try SparkProcess(
                [
                    "chat", "--agent", "coding", "--yes", "--json", "--config", file,
                    "Create notes.txt with a summary of src/main.py, then run `ls src`.",
                ], environment: environment)
            return try await process.exit(timeout: .seconds(90))
        }

        /// The checks both runs share; returns the forced call and its result (`toolCall`, `toolResult`).
        private func verifyCompleted(
            _ exit: SparkProcess.Exit, tool: String, sandbox: CodingSandbox
        ) throws -> (call: JSONValue, result: JSONValue) {
            #expect(exit.status == 0, "stderr: \(exit.stderr)")
            #expect(exit.errorLines.isEmpty, "stderr: \(exit.stderr)")
            let events = exit.events
            #expect(events.count == exit.lines.count, "every line is one JSON object: \(exit.stdout)")
            let done = try #require(events.last)
            #expect(done["kind"] == "done")
            #expect(done["status"] == "ok")
            #expect(done["agent"] == "coding")
            let calls = events.filter { $0["kind"] == "toolCall" }
            let results = events.filter { $0["kind"] == "toolResult" }
            let call = try #require(calls.first, "\(exit.stdout)")
            let result = try #require(results.first, "\(exit.stdout)")
            #expect(call["name"] == .string(tool))
            #expect(call["agent"] == "coding")
            #expect(result["id"] == call["id"])
            #expect(result["name"] == .string(tool))
            #expect(calls.map { $0["id"] } == results.map { $0["id"] }, "one result per call")
            #expect(call["arguments"]?.objectValue != nil, "\(call)")
            let content = result["content"]?.stringValue ?? ""
            if result["isError"] == true {
                #expect(content.hasPrefix("error: ") || content.hasPrefix("refused: "), "\(content)")
            }
            #expect(sandbox.escapes().isEmpty, "changed outside the workspace: \(sandbox.escapes())")
            return (call, result)
        }

        @Test(arguments: 1...3)
        func forcedFileWriteRunsToCompletionInsideTheWorkspace(run: Int) async throws {
            let sandbox = try CodingSandbox()
            defer { sandbox.remove() }
            let before = TreeSnapshot(root: sandbox.workspace)
            let exit = try await chat(forcing: "file_write", in: sandbox)
            let (call, result) = try verifyCompleted(exit, tool: "file_write", sandbox: sandbox)
            let arguments = call["arguments"] ?? [:]
            let operation = arguments["operation"]?.stringValue ?? ""
            let path = arguments["path"]?.stringValue ?? ""
            let content = result["content"]?.stringValue ?? ""
            // The disk agrees with the result: a failed or refused write leaves the workspace as it
            // was; a create or overwrite wrote exactly the content, at the path, inside the workspace.
            let changed = TreeSnapshot(root: sandbox.workspace).differences(from: before)
            if result["isError"] != false {
                #expect(changed.isEmpty, "\(content): \(changed)")
            } else if ["create", "overwrite"].contains(operation) {
                let written = try String(contentsOfFile: sandbox.workspace + "/" + path, encoding: .utf8)
                #expect(written == arguments["content"]?.stringValue ?? "", "\(content)")
                #expect(!changed.isEmpty, "\(content)")
            }
            if CodingAgentRun.Outcome.leavesWorkspace(path, workspace: sandbox.workspace) {
                #expect(content.hasPrefix("refused: "), "\(content)")
            }
            let edits = exit.events.filter { $0["kind"] == "edit" }
            #expect(edits.allSatisfy { $0["path"]?.stringValue?.hasPrefix(sandbox.workspace + "/") == true })
        }

        @Test func forcedBashIsValidatedAndRunsInTheWorkspace() async throws {
            let sandbox = try CodingSandbox()
            defer { sandbox.remove() }
            let exit = try await chat(forcing: "bash", in: sandbox)
            let (call, result) = try verifyCompleted(exit, tool: "bash", sandbox: sandbox)
            let command = call["arguments"]?["command"]?.stringValue
            #expect(command != nil, "\(call)")
            let content = result["content"]?.stringValue ?? ""
            // `--yes` approves, so a command that did not run was refused by the validator (with
            // its reason), and one that ran reports its exit status.
            #expect(!content.contains("--yes"), "\(content)")
            if result["isError"] == true {
                #expect(content.hasPrefix("refused: ") || content.contains("exit"), "\(content)")
            }
        }
    }
}
