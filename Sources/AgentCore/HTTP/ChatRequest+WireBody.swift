import SparkJSON

extension ChatRequest {
    /// The OpenAI JSON body of this request: `model`, `messages`, `tools`, `tool_choice`,
    /// `parallel_tool_calls`, `max_tokens`, `temperature`, `seed`, `stream`, `stream_options`, then
    /// `extraBody` merged last. `reasoning_content` and `agent` are never sent.
    public var wireBody: JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(model),
            "messages": .array(messages.map(\.wireValue)),
            "stream": .bool(stream),
        ]
        if !tools.isEmpty { body["tools"] = .array(tools.map(\.wireValue)) }
        if let toolChoice { body["tool_choice"] = toolChoice.wireValue }
        if let parallelToolCalls { body["parallel_tool_calls"] = .bool(parallelToolCalls) }
        if let maxTokens { body["max_tokens"] = .int(maxTokens) }
        if let temperature { body["temperature"] = .double(temperature) }
        if let seed { body["seed"] = .int(seed) }
        if stream && includeUsage { body["stream_options"] = ["include_usage": true] }
        for (key, value) in extraBody { body[key] = value }
        return .object(body)
    }
}

extension ChatMessage {
    /// The message as the OpenAI wire format has it, without `reasoning_content` and `agent`.
    var wireValue: JSONValue {
        var object: [String: JSONValue] = ["role": .string(role.rawValue)]
        switch content {
        case .text(let text): object["content"] = .string(text)
        case .parts(let parts): object["content"] = .array(parts.map(\.wireValue))
        case nil: object["content"] = (toolCalls?.isEmpty == false) ? .null : .string("")
        }
        if let name { object["name"] = .string(name) }
        if let toolCalls, !toolCalls.isEmpty {
            object["tool_calls"] = .array(
                toolCalls.map { call in
                    [
                        "id": .string(call.id), "type": .string(call.type),
                        "function": [
                            "name": .string(call.function.name), "arguments": .string(call.function.arguments),
                        ],
                    ]
                })
        }
        if let toolCallID { object["tool_call_id"] = .string(toolCallID) }
        return .object(object)
    }
}

extension ContentPart {
    var wireValue: JSONValue {
        switch self {
        case .text(let text):
            return ["type": "text", "text": .string(text)]
        case .imageURL(let url, let detail):
            var image: [String: JSONValue] = ["url": .string(url)]
            if let detail { image["detail"] = .string(detail) }
            return ["type": "image_url", "image_url": .object(image)]
        }
    }
}

extension ToolDefinition {
    var wireValue: JSONValue {
        var function: [String: JSONValue] = [
            "name": .string(name), "description": .string(description), "parameters": parameters,
        ]
        if let strict { function["strict"] = .bool(strict) }
        return ["type": "function", "function": .object(function)]
    }
}

extension ToolChoice {
    var wireValue: JSONValue {
        switch self {
        case .auto: return "auto"
        case .required: return "required"
        case .none: return "none"
        case .function(let name): return ["type": "function", "function": ["name": .string(name)]]
        }
    }
}
