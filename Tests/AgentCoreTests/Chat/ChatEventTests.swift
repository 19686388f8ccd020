import AgentCore
import SparkJSON
import Testing

/// The JSON shape every front end gives a chat event (`spark/chatEvent`, `chat --json` lines): unchanged
/// from the editor's wire format.
@Suite struct ChatEventTests {
    func fields(_ event: ChatEvent) throws -> JSONValue { try JSONValue(encoding: event) }

    @Test func eachEventHasItsKindAgentAndFields() throws {
        let call = ToolCall(id: "c1", name: "file_read", arguments: #"{"path":"a"}"#)
        #expect(try fields(.delta(agent: "coding", text: "hi")) == ["kind": "delta", "agent": "coding", "text": "hi"])
        #expect(
            try fields(.toolCall(agent: "coding", call: call))
                == ["kind": "toolCall", "agent": "coding", "id": "c1", "name": "file_read", "arguments": ["path": "a"]])
        #expect(
            try fields(.toolResult(agent: "coding", call: call, result: .error("no such file"))) == [
                "kind": "toolResult", "agent": "coding", "id": "c1", "name": "file_read",
                "content": "error: no such file", "isError": true,
            ])
        #expect(
            try fields(.handoff(from: "supervisor", to: "coding"))
                == ["kind": "handoff", "agent": "supervisor", "from": "supervisor", "to": "coding"])
        #expect(
            try fields(.error(agent: "coding", message: "down")) == [
                "kind": "error", "agent": "coding", "message": "down",
            ])
        #expect(
            try fields(.done(agent: "coding", content: "answer", usage: Usage(promptTokens: 2, completionTokens: 1)))
                == [
                    "kind": "done", "agent": "coding", "content": "answer",
                    "usage": ["prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3],
                ])
        #expect(
            try fields(
                .edit(
                    agent: "coding", edit: AgentEdit(path: "/w/a.py", change: .modify, applied: false, message: "stale")
                ))
                == [
                    "kind": "edit", "agent": "coding", "path": "/w/a.py", "change": "modify", "applied": false,
                    "message": "stale",
                ])
    }

    @Test func aToolsProgressNamesItsCallAndLeavesOutWhatItDoesNotKnow() throws {
        let known = ToolProgress(toolCallID: "c1", toolName: "git__git_log", progress: 2, total: 3, message: "step 2")
        #expect(
            try fields(.progress(agent: "coding", progress: known)) == [
                "kind": "progress", "agent": "coding", "id": "c1", "name": "git__git_log", "progress": 2, "total": 3,
                "message": "step 2",
            ])
        let bare = ToolProgress(toolCallID: "c1", toolName: "git__git_log", progress: 0.5)
        #expect(
            try fields(.progress(agent: "coding", progress: bare)) == [
                "kind": "progress", "agent": "coding", "id": "c1", "name": "git__git_log", "progress": 0.5,
            ])
        #expect(known.summary == "step 2 (2/3)")
        #expect(bare.summary == "0.5")
    }

    @Test func argumentsThatAreNotJSONAreSentAsTheModelWroteThem() throws {
        let call = ToolCall(id: "c1", name: "bash", arguments: "{not json")
        #expect(try fields(.toolCall(agent: "coding", call: call))["arguments"] == "{not json")
    }

    @Test func aToolResultCarriesItsStructuredValue() throws {
        let call = ToolCall(id: "c1", name: "glob", arguments: "{}")
        let result = ToolResult("a.py", value: ["matches": ["a.py"]])
        #expect(try fields(.toolResult(agent: "coding", call: call, result: result))["value"] == ["matches": ["a.py"]])
    }
}
