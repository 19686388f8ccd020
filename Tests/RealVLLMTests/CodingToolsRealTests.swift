import AgentCore
import CodingAgent
import Testing

extension RealVLLMTests {
    /// The real coding agent, forced by `tool_choice` to call its tools with the tiny model's random
    /// (schema-valid) arguments, through `SwarmEngine` and the real `CodingToolkit`: nothing crashes,
    /// hangs, or changes anything outside the workspace (see `CodingAgentRun.Outcome.verify`).
    @Suite(.realVLLM) struct CodingToolsRealTests {
        static let toolNames = [
            "file_read", "file_write", "glob", "grep", "memory", "execute_code", "python_repl", "bash",
            "analyze_code", "search_code_patterns", "generate_tests", "explain_code", "suggest_improvements",
        ]
        static let runsPerTool = 6

        /// Runs them all at once (the server batches them); the outcomes in the order given.
        static func runAll(_ runs: [CodingAgentRun]) async throws -> [CodingAgentRun.Outcome] {
            try await withThrowingTaskGroup(of: (Int, CodingAgentRun.Outcome).self) { group in
                for (index, run) in runs.enumerated() {
                    group.addTask { (index, try await run.perform()) }
                }
                var outcomes: [(Int, CodingAgentRun.Outcome)] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
            }
        }

        @Test(arguments: toolNames)
        func namedToolChoiceOverRuns(tool: String) async throws {
            // Half the runs with free random strings, half aimed at the workspace's edge.
            let runs = (1...Self.runsPerTool).map {
                CodingAgentRun(toolChoice: .function(tool), index: $0, maxTurns: 2, aimed: $0 % 2 == 0)
            }
            let outcomes = try await Self.runAll(runs)
            for outcome in outcomes {
                #expect(outcome.tools.keys.sorted() == Self.toolNames.sorted())
                outcome.verify(forcedTool: tool)
                // Forced every turn (the choice kept), the agent never answers: the turn limit ends the run.
                #expect((outcome.failure as? EngineError)?.code == .turnLimitExceeded)
                #expect(outcome.results.count == 2, "one call per turn, the second after seeing the first's result")
            }
        }

        @Test func requiredToolChoiceOverRuns() async throws {
            let runs = (1...12).map { CodingAgentRun(toolChoice: .required, index: $0, aimed: $0 % 2 == 0) }
            let outcomes = try await Self.runAll(runs)
            var called: Set<String> = []
            for outcome in outcomes {
                outcome.verify(forcedTool: nil)
                called.formUnion(outcome.results.map(\.call.function.name))
            }
            #expect(called.count >= 3, "the model chose among the tools: \(called.sorted())")
        }

        /// Without bwrap only the command checks stand between `bash` and the files beside the
        /// workspace: aimed commands must still change nothing outside it.
        @Test func aimedBashWithoutTheSandbox() async throws {
            let runs = (1...8).map {
                CodingAgentRun(toolChoice: .function("bash"), index: $0, maxTurns: 1, aimed: true, sandboxed: false)
            }
            for outcome in try await Self.runAll(runs) {
                #expect(!outcome.sandboxMode.isConfined)
                outcome.verify(forcedTool: "bash")
            }
        }
    }
}
