import AgentCore
import Testing

@Suite struct ToolCallAssemblerTests {
    @Test func foldsInterleavedDeltasByIndex() {
        var assembler = ToolCallAssembler()
        #expect(assembler.isEmpty)
        assembler.add(ToolCallDelta(index: 1, id: "b", name: "second"))
        assembler.add(ToolCallDelta(index: 0, id: "a", name: "first"))
        assembler.add(ToolCallDelta(index: 0, argumentsFragment: "{\"x\":"))
        assembler.add(ToolCallDelta(index: 1, argumentsFragment: "{\"y\":\r\n"))
        assembler.add(ToolCallDelta(index: 0, argumentsFragment: " 1}"))
        assembler.add(ToolCallDelta(index: 1, argumentsFragment: "2}"))
        #expect(
            assembler.toolCalls == [
                ToolCall(id: "a", name: "first", arguments: "{\"x\": 1}"),
                ToolCall(id: "b", name: "second", arguments: "{\"y\":\r\n2}"),
            ])
    }

    @Test func fillsMissingIDAndEmptyArguments() {
        var assembler = ToolCallAssembler()
        assembler.add(ToolCallDelta(index: 3, name: "ping"))
        #expect(assembler.toolCalls == [ToolCall(id: "call_3", name: "ping", arguments: "{}")])
    }

    @Test func addReturnsTheIDWithTheConfiguredPrefix() {
        var assembler = ToolCallAssembler(idPrefix: "call_2")
        #expect(assembler.add(ToolCallDelta(index: 0, name: "ping")) == "call_2_0")
        #expect(assembler.add(ToolCallDelta(index: 1, id: "server-id", name: "pong")) == "server-id")
        #expect(assembler.add(ToolCallDelta(index: 1, argumentsFragment: "{}")) == "server-id")
        #expect(assembler.toolCalls.map(\.id) == ["call_2_0", "server-id"])
    }
}
