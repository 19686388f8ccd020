import AgentCore
import SparkTestSupport
import Testing

@Suite struct ParallelToolsTests {
    @Test func toolsRunConcurrentlyAndResultsComeBackInCallOrder() async throws {
        let rendezvous = Rendezvous()
        // `slow` can only finish once `fast` has started: sequential execution would hang.
        let slowTool = ClosureTool(name: "slow") { _, _ in
            await rendezvous.wait()
            return ToolResult("slow done")
        }
        let fastTool = ClosureTool(name: "fast") { _, _ in
            await rendezvous.signal()
            return ToolResult("fast done")
        }
        let client = ScriptedModelClient(replies: [.toolCalls([("slow", "{}"), ("fast", "{}")]), .text("both")])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [slowTool, fastTool])])
        let response = try await withDeadline { try await engine.run(agent: "coding", messages: [.user("go")]) }
        let tools = response.messages.filter { $0.role == .tool }
        #expect(tools.map(\.text) == ["slow done", "fast done"])
        #expect(tools.map(\.name) == ["slow", "fast"])
    }

    @Test func everyCallIsAnnouncedBeforeTheConcurrentToolsRun() async throws {
        let client = ScriptedModelClient(replies: [.toolCalls([("a", "{}"), ("b", "{}")]), .text("done")])
        let tools = ["a", "b"].map { name in ClosureTool(name: name) { _, _ in ToolResult(name) } }
        let engine = EngineFixtures.engine(client, agents: [EngineFixtures.agent("coding", tools: tools)])
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        #expect(error == nil)
        let order = events.compactMap { event -> String? in
            switch event {
            case .toolCall(_, let call): "call \(call.function.name)"
            case .toolResult(_, let call, _): "result \(call.function.name)"
            default: nil
            }
        }
        #expect(order == ["call a", "call b", "result a", "result b"])
    }

    @Test func withoutParallelToolCallsToolsRunOneAfterAnotherAndSeeEarlierUpdates() async throws {
        let first = ClosureTool(name: "first") { _, _ in ToolResult("first", contextUpdates: ["step": 1]) }
        let second = ClosureTool(name: "second") { _, context in
            ToolResult("saw step \(context.variables["step"]?.intValue ?? 0)")
        }
        let client = ScriptedModelClient(replies: [.toolCalls([("first", "{}"), ("second", "{}")]), .text("ok")])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [first, second], parallel: false)])
        let response = try await engine.run(agent: "coding", messages: [.user("go")])
        #expect(response.messages.filter { $0.role == .tool }.map(\.text) == ["first", "saw step 1"])
        #expect(client.requests[0].request.parallelToolCalls == false)
    }
}
