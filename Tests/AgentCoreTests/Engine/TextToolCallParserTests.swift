import AgentCore
import SparkTestSupport
import Testing

@Suite struct TextToolCallParserTests {
    let parser = TextToolCallParser(knownTools: ["file_read", "transfer_to_coding"])

    @Test func hermesBlocksAreParsedAndCutOut() {
        let text = """
            Let me look.
            <tool_call>{"name": "file_read", "arguments": {"path": "a.swift"}}</tool_call>
            <tool_call>{"name": "grep", "arguments": "{\\"pattern\\": \\"x\\"}"}</tool_call>
            """
        let (calls, rest) = parser.parse(text)
        #expect(calls.map(\.name) == ["file_read", "grep"])
        #expect(calls[0].arguments == #"{"path":"a.swift"}"#)
        #expect(calls[1].arguments == #"{"pattern": "x"}"#)
        #expect(rest == "Let me look.")
    }

    @Test func anUnclosedHermesBlockAtTheEndStillCounts() {
        let (calls, rest) = parser.parse(#"<tool_call>{"name": "file_read", "arguments": {}}"#)
        #expect(calls.map(\.name) == ["file_read"])
        #expect(rest == "")
    }

    @Test func aBrokenHermesBlockStaysText() {
        let (calls, rest) = parser.parse("<tool_call>{not json}</tool_call>")
        #expect(calls.isEmpty)
        #expect(rest == "<tool_call>{not json}</tool_call>")
    }

    @Test func bareJSONNamingAKnownToolIsACall() {
        let llama = parser.parse(#"<|python_tag|>{"name": "file_read", "parameters": {"path": "b"}}"#)
        #expect(llama.calls == [.init(name: "file_read", arguments: #"{"path":"b"}"#)])
        let fenced = parser.parse(
            "```json\n{\"type\": \"function\", \"function\": {\"name\": \"transfer_to_coding\"}}\n```")
        #expect(fenced.calls.map(\.name) == ["transfer_to_coding"])
        #expect(fenced.calls.first?.arguments == "{}")
        let array = parser.parse(#"[{"name": "file_read", "arguments": {}}, {"name": "transfer_to_coding"}]"#)
        #expect(array.calls.count == 2)
    }

    @Test func bareJSONNamingAnUnknownToolOrPlainTextIsNotACall() {
        #expect(parser.parse(#"{"name": "Ada", "age": 36}"#).calls.isEmpty)
        #expect(parser.parse("The answer is {42}.").calls.isEmpty)
        #expect(parser.parse(#"Here: {"name": "file_read"}"#).calls.isEmpty)
    }

    @Test func theEngineRunsToolCallsWrittenAsText() async throws {
        let client = ScriptedModelClient(replies: [
            .text(#"<tool_call>{"name": "note", "arguments": {"n": 1}}</tool_call>"#, chunks: 4),
            .text("finished", chunks: 1),
        ])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let (events, error) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        #expect(error == nil)
        #expect(events.contains(.toolCallStarted(agent: "coding", index: 0, id: "call_0_text_0", name: "note")))
        // The call's text never streams to the user as prose.
        let streamed = events.compactMap { if case .textDelta(_, let text) = $0 { text } else { nil } }
        #expect(streamed == ["finished"])
        guard case .done(let response) = events.last else { Issue.record("no done"); return }
        let assistant = response.messages[0]
        #expect(assistant.content == nil)
        #expect(assistant.toolCalls == [ToolCall(id: "call_0_text_0", name: "note", arguments: #"{"n":1}"#)])
        #expect(response.messages[1] == .tool(callID: "call_0_text_0", name: "note", #"echo {"n":1}"#))
    }

    @Test func heldTextThatIsNoCallIsReleasedAndProseStreamsAtOnce() async throws {
        let client = ScriptedModelClient(replies: [
            .text(#"{"answer": 42}"#, chunks: 3), .text("Plain answer.", chunks: 3),
        ])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let (first, _) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("json please")]))
        let firstTexts = first.compactMap { if case .textDelta(_, let text) = $0 { text } else { nil } }
        #expect(firstTexts == [#"{"answer": 42}"#])
        let (second, _) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("prose")]))
        let secondTexts = second.compactMap { if case .textDelta(_, let text) = $0 { text } else { nil } }
        #expect(secondTexts.count == 3)
        #expect(secondTexts.joined() == "Plain answer.")
    }

    @Test func proseBeforeAHermesBlockStreamsButTheBlockDoesNot() async throws {
        let reply = #"Let me look. <tool_call>{"name": "note", "arguments": {}}</tool_call>"#
        for chunks in [1, 2, 5, 17, reply.count] {
            let client = ScriptedModelClient(replies: [.text(reply, chunks: chunks), .text("done", chunks: 1)])
            let engine = EngineFixtures.engine(
                client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
            let (events, _) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
            let streamed = events.compactMap { if case .textDelta(_, let text) = $0 { text } else { nil } }
            #expect(streamed.joined() == "Let me look. done", "chunks: \(chunks)")
            guard case .done(let response) = events.last else { Issue.record("no done"); continue }
            #expect(response.messages[0].text == "Let me look.")
            #expect(response.messages[0].toolCalls?.map(\.function.name) == ["note"])
        }
    }

    @Test func textThatOnlyLooksLikeATagStartIsReleasedInTheEnd() async throws {
        let client = ScriptedModelClient(replies: [.text("a < b and x <tool", chunks: 6)])
        let engine = EngineFixtures.engine(
            client, agents: [EngineFixtures.agent("coding", tools: [EngineFixtures.echo("note")])])
        let (events, _) = await EngineFixtures.collect(engine.stream(agent: "coding", messages: [.user("go")]))
        let streamed = events.compactMap { if case .textDelta(_, let text) = $0 { text } else { nil } }
        #expect(streamed.joined() == "a < b and x <tool")
    }
}
