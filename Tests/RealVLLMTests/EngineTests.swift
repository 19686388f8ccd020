import AgentCore
import SparkJSON
import Testing

extension RealVLLMTests {
    /// `SwarmEngine` + `HTTPModelClient` against vLLM: forced handoffs and tool calls, model fallback.
    @Suite(.realVLLM) struct EngineTests {
        // Strings and arrays are bounded: a random model fills a string until the bound or max_tokens.
        static let readFileSchema: JSONValue = [
            "type": "object",
            "properties": ["path": ["type": "string", "maxLength": 60], "line": ["type": "integer"]],
            "required": ["path", "line"], "additionalProperties": false,
        ]
        static let editFileSchema: JSONValue = [
            "type": "object",
            "properties": [
                "path": ["type": "string", "maxLength": 60],
                "mode": ["type": "string", "enum": ["insert", "replace", "delete"]],
                "line": ["type": "integer"], "force": ["type": "boolean"], "ratio": ["type": "number"],
                "tags": ["type": "array", "items": ["type": "string", "maxLength": 20], "maxItems": 3],
            ],
            "required": ["path", "mode", "line", "force"], "additionalProperties": false,
        ]

        private func agent(_ name: String, model: String = RealVLLM.model, seed: Int) -> Agent {
            Agent(
                name: name, description: "The \(name) agent.", model: model, endpoint: RealVLLM.endpoint,
                instructions: .text("You are the \(name) agent."), maxTokens: 300, seed: seed)
        }

        @Test(arguments: 1...8)
        func forcedHandoffThenForcedSchemaValidToolCalls(seed: Int) async throws {
            let readFile = SchemaCheckingTool(
                name: "read_file", description: "Read a file", schema: Self.readFileSchema)
            let editFile = SchemaCheckingTool(
                name: "edit_file", description: "Change a file", schema: Self.editFileSchema)
            var supervisor = agent("supervisor", seed: seed)
            supervisor.handsOffToAllAgents = true
            supervisor.toolChoice = .required
            var worker = agent("worker", seed: seed)
            worker.tools = [readFile, editFile]
            worker.toolChoice = .required
            worker.parallelToolCalls = false
            let engine = SwarmEngine(
                client: RealVLLM.client(), registry: AgentRegistry([supervisor, worker]),
                options: RunOptions(maxTurns: 3, resetToolChoice: false), logger: RealVLLM.logger)

            var events: [RunEvent] = []
            var failure: (any Error)?
            do {
                for try await event in engine.stream(agent: "supervisor", messages: [.user("Fix the parser")]) {
                    events.append(event)
                }
            } catch {
                failure = error
            }
            // Turn 1: the supervisor must transfer; turns 2 and 3: the worker must call its tools.
            #expect(events.contains(.handoff(from: "supervisor", to: "worker")))
            let results = events.compactMap { event -> (String, ToolCall)? in
                if case .toolResult(let agent, let call, _) = event { return (agent, call) }
                return nil
            }
            #expect(results.first?.0 == "supervisor")
            #expect(results.first?.1.function.name == "transfer_to_worker")
            let workerCalls = results.filter { $0.0 == "worker" }.map(\.1)
            #expect(workerCalls.count >= 2, "forced tool choice persists over the worker's turns")
            let checked = readFile.calls + editFile.calls
            #expect(
                checked.count == workerCalls.count,
                "\(workerCalls.map { "\($0.function.name) \($0.function.arguments)" })")
            for call in checked {
                #expect(call.violations.isEmpty, "\(call.arguments.serialized()): \(call.violations)")
            }
            // Forced every turn, the worker never answers: the turn limit ends the run.
            #expect((failure as? EngineError)?.code == .turnLimitExceeded)
        }

        @Test func unservedModelFallsBackToTheServedOne() async throws {
            let registry = AgentRegistry([agent("solo", model: "no-such-model", seed: 3)])
            let engine = SwarmEngine(
                client: RealVLLM.client(), registry: registry, options: RunOptions(modelFallback: true),
                logger: RealVLLM.logger)
            let response = try await engine.run(agent: "solo", messages: [.user("Hello")])
            #expect(response.agent == "solo")
            #expect(!response.content.isEmpty)
            #expect(response.usage.completionTokens > 0)

            let strict = SwarmEngine(
                client: RealVLLM.client(), registry: registry, options: RunOptions(modelFallback: false),
                logger: RealVLLM.logger)
            await #expect {
                _ = try await strict.run(agent: "solo", messages: [.user("Hello")])
            } throws: { ($0 as? LLMError)?.code == .modelNotFound }
        }
    }
}
