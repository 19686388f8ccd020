import SparkJSON

extension ChatRequest {
    /// The OpenAI JSON body of this request: `model`, `messages`, `tools`, `tool_choice`,
    /// `parallel_tool_calls`, `max_tokens`, `temperature`, `seed`, `stream`, `stream_options`, then
    /// `extraBody` merged last. `reasoning_content` and `agent` are never sent.
    public var wireBody: JSONValue {
        .object(wireMembers(tools: .array(tools.map(\.wireValue))))
    }

    /// `wireBody` as compact JSON text with sorted keys (what is sent), byte for byte
    /// `wireBody.jsonBytes(sortedKeys: true)`; each tool definition that kept its wire JSON (`encodingWire()`) is
    /// copied in rather than written again (the tools are most of a request's 20 KB).
    public var wireBytes: [UInt8] {
        // `extraBody` may replace the tools; its value is then written as any other.
        let splicesTools = !tools.isEmpty && extraBody["tools"] == nil
        var writer = JSONWriter(capacity: 32 * 1024)
        writer.beginObject()
        for (key, value) in wireMembers(tools: .null).sorted(by: { $0.key < $1.key }) {
            writer.key(key)
            if splicesTools && key == "tools" {
                writer.beginArray()
                for tool in tools { tool.writeWire(into: &writer) }
                writer.endArray()
            } else {
                value.write(into: &writer, sortedKeys: true)
            }
        }
        writer.endObject()
        return writer.bytes
    }

    /// The body's members, with `tools` as the value of `"tools"` when there are tools.
    private func wireMembers(tools toolsValue: JSONValue) -> [String: JSONValue] {
        var body: [String: JSONValue] = [
            "model": .string(model),
            "messages": .array(messages.map(\.wireValue)),
            "stream": .bool(stream),
        ]
        if !tools.isEmpty { body["tools"] = toolsValue }
        if let toolChoice { body["tool_choice"] = toolChoice.wireValue }
        if let parallelToolCalls { body["parallel_tool_calls"] = .bool(parallelToolCalls) }
        if let maxTokens { body["max_tokens"] = .int(maxTokens) }
        if let temperature { body["temperature"] = .double(temperature) }
        if let seed { body["seed"] = .int(seed) }
        if stream && includeUsage { body["stream_options"] = ["include_usage": true] }
        for (key, value) in extraBody { body[key] = value }
        return body
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

    /// This definition keeping its wire JSON (sorted keys), for a definition sent again and again: a cached one
    /// (`TypedAgentTool.definition`).
    public func encodingWire() -> ToolDefinition {
        var encoded = self
        encoded.wireJSON = wireValue.jsonBytes(sortedKeys: true)
        return encoded
    }

    /// Writes the wire JSON (sorted keys): the kept text when there is one.
    func writeWire(into writer: inout JSONWriter) {
        if let wireJSON {
            writer.writeEncoded(wireJSON)
        } else {
            wireValue.write(into: &writer, sortedKeys: true)
        }
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
