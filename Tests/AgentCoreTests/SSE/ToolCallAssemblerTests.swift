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
        #expect(assembler.toolCalls == [
            ToolCall(id: "a", name: "first", arguments: "{\"x\": 1}"),
            ToolCall(id: "b", name: "second", arguments: "{\"y\":\r\n2}"),
        ])
    }

    @Test func fillsMissingIDAndEmptyArguments() {
        var assembler = ToolCallAssembler()
        assembler.add(ToolCallDelta(index: 3, name: "ping"))
        #expect(assembler.toolCalls == [ToolCall(id: "call_3", name: "ping", arguments: "{}")])
    }
}
