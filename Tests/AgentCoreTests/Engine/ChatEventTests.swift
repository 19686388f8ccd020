import AgentCore
import Testing

@Suite struct ChatEventTests {
    @Test func runEventsBecomeTheEditorsChatEvents() {
        let call = ToolCall(id: "c1", name: "file_read", arguments: #"{"path":"a"}"#)
        #expect(
            RunEvent.textDelta(agent: "coding", text: "hi").chatEvents == [
                ["kind": "delta", "agent": "coding", "text": "hi"]
            ])
        #expect(
            RunEvent.toolCall(agent: "coding", call: call).chatEvents == [
                ["kind": "toolCall", "agent": "coding", "id": "c1", "name": "file_read", "arguments": ["path": "a"]]
            ])
        #expect(
            RunEvent.toolResult(agent: "coding", call: call, result: .error("no such file")).chatEvents == [
                [
                    "kind": "toolResult", "agent": "coding", "id": "c1", "name": "file_read",
                    "content": "error: no such file", "isError": true,
                ]
            ])
        #expect(
            RunEvent.handoff(from: "supervisor", to: "coding").chatEvents == [
                ["kind": "handoff", "agent": "supervisor", "from": "supervisor", "to": "coding"]
            ])
        #expect(
            RunEvent.error(agent: "coding", message: "down").chatEvents == [
                ["kind": "error", "agent": "coding", "message": "down"]
            ])
        let response = RunResponse(
            messages: [.assistant("answer")], agent: "coding", contextVariables: [:],
            usage: Usage(promptTokens: 2, completionTokens: 1))
        #expect(
            RunEvent.done(response).chatEvents == [
                [
                    "kind": "done", "agent": "coding", "content": "answer",
                    "usage": ["prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3],
                ]
            ])
        #expect(RunEvent.usage(Usage(promptTokens: 1, completionTokens: 1)).chatEvents.isEmpty)
        #expect(RunEvent.toolCallArguments(agent: "a", index: 0, id: "c", fragment: "{").chatEvents.isEmpty)
    }

    @Test func editsBecomeEditEvents() {
        let change = FileChange(kind: .modify, path: "/ws/a.swift", originalText: "a", newText: "b", baseVersion: 3)
        #expect(
            RunEvent.chatEvent(agent: "coding", edit: change, outcome: EditOutcome(applied: false, message: "stale"))
                == [
                    "kind": "edit", "agent": "coding", "path": "/ws/a.swift", "change": "modify", "applied": false,
                    "message": "stale",
                ])
    }
}
