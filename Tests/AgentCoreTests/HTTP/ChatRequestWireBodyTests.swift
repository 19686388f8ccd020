import AgentCore
import SparkJSON
import Testing

@Suite struct ChatRequestWireBodyTests {
    @Test func encodesEveryMessageShapeWithoutPrivateFields() {
        let call = ToolCall(id: "call-1", name: "read_file", arguments: "{\"path\":\"a\"}")
        var assistant = ChatMessage.assistant(nil, toolCalls: [call], agent: "coding")
        assistant.reasoningContent = "secret thoughts"
        let request = ChatRequest(
            model: "m",
            messages: [
                .system("sys"),
                ChatMessage(
                    role: .user,
                    content: .parts([.text("look"), .imageURL(url: "data:image/png;base64,AA", detail: "low")])),
                assistant,
                .tool(callID: "call-1", name: "read_file", "contents"),
            ],
            stream: false)
        let messages = request.wireBody["messages"]?.arrayValue ?? []
        #expect(
            messages == [
                ["role": "system", "content": "sys"],
                [
                    "role": "user",
                    "content": [
                        ["type": "text", "text": "look"],
                        ["type": "image_url", "image_url": ["url": "data:image/png;base64,AA", "detail": "low"]],
                    ],
                ],
                [
                    "role": "assistant", "content": nil,
                    "tool_calls": [
                        [
                            "id": "call-1", "type": "function",
                            "function": ["name": "read_file", "arguments": "{\"path\":\"a\"}"],
                        ]
                    ],
                ],
                ["role": "tool", "content": "contents", "name": "read_file", "tool_call_id": "call-1"],
            ])
        #expect(!request.wireBody.serialized().contains("reasoning_content"))
        #expect(!request.wireBody.serialized().contains("agent"))
        #expect(request.wireBody["stream_options"] == nil)
    }

    @Test func encodesToolsChoicesAndSampling() {
        let tool = ToolDefinition(name: "f", description: "does f", parameters: ["type": "object"], strict: true)
        var request = ChatRequest(
            model: "m", messages: [.user("u")], tools: [tool], toolChoice: .function("f"), parallelToolCalls: false,
            maxTokens: 64, temperature: 0.5, seed: 42)
        let body = request.wireBody
        #expect(
            body["tools"] == [
                [
                    "type": "function",
                    "function": [
                        "name": "f", "description": "does f", "parameters": ["type": "object"], "strict": true,
                    ],
                ]
            ])
        #expect(body["tool_choice"] == ["type": "function", "function": ["name": "f"]])
        #expect(body["parallel_tool_calls"] == false)
        #expect(body["max_tokens"] == 64)
        #expect(body["temperature"] == 0.5)
        #expect(body["seed"] == 42)
        #expect(body["stream"] == true)
        #expect(body["stream_options"] == ["include_usage": true])
        for (choice, wire) in [(ToolChoice.auto, JSONValue("auto")), (.required, "required"), (.none, "none")] {
            request.toolChoice = choice
            #expect(request.wireBody["tool_choice"] == wire)
        }
    }
}
