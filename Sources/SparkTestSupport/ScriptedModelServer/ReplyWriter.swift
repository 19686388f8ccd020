import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one scripted reply to a connection in vLLM's wire format.
struct ReplyWriter {
    /// How the exchange ended.
    enum Ending {
        /// The reply was complete; the connection may serve another request.
        case complete
        /// The reply deliberately ended the connection (a cut stream, a bad length).
        case closeConnection
        /// The client went away in the middle of the reply.
        case clientClosed
    }

    let connection: ServerConnection
    let wire: VLLMWireFormat
    let streamed: Bool
    let includeUsage: Bool
    let promptTokens: Int

    func write(_ reply: ScriptedReply) -> Ending {
        switch reply {
        case .text(let text, let chunks, let reasoning, let finishReason):
            return writeText(text, chunks: chunks, reasoning: reasoning, finishReason: finishReason)
        case .toolCalls(let calls, let fragments, let finishReason):
            return writeToolCalls(calls, fragments: fragments, finishReason: finishReason)
        case .error(let status, let message, let retryAfter):
            let headers = retryAfter.map { ["retry-after: \($0)"] } ?? []
            return writeJSON(
                status: status, VLLMWireFormat.errorBody(status: status, message: message), headers: headers)
        case .modelNotFound(let model):
            let body = VLLMWireFormat.vllmErrorBody(status: 404, message: "The model `\(model)` does not exist.")
            return writeJSON(status: 404, body)
        case .cutMidStream(let text, let chunks, let after):
            guard streamed else {
                guard connection.write(head(status: 200, type: "application/json", extra: ["content-length: 1000"]))
                else { return .clientClosed }
                connection.write("{\"id\":\"chatcmpl-scripted\",\"choices\":[")
                return .closeConnection
            }
            guard startStream() else { return .clientClosed }
            var events = [wire.chunk(delta: ["role": "assistant", "content": ""])]
            events += VLLMWireFormat.split(text, into: chunks).prefix(after).map {
                wire.chunk(delta: ["content": .string($0)])
            }
            return writeAll(events) ? .closeConnection : .clientClosed
        case .malformedSSE:
            guard streamed else { return writeRaw(status: 200, type: "application/json", "{\"choices\": [tru") }
            guard startStream(), writeChunk(wire.chunk(delta: ["role": "assistant", "content": ""])),
                writeChunk("data: {\"id\":\"chatcmpl-scripted\",\"choices\":[{\"delta\":{\"content\":\"x\"\n\n")
            else { return .clientClosed }
            return endStream()
        case .errorEvent(let message):
            guard streamed else {
                return writeJSON(status: 500, VLLMWireFormat.errorBody(status: 500, message: message))
            }
            let events = [
                wire.chunk(delta: ["role": "assistant", "content": ""]), wire.chunk(delta: ["content": "partial"]),
                wire.event(VLLMWireFormat.errorBody(status: 500, message: message)), VLLMWireFormat.done,
            ]
            guard startStream(), writeAll(events) else { return .clientClosed }
            return endStream()
        case .stall(let afterChunks):
            if streamed {
                var events = [wire.chunk(delta: ["role": "assistant", "content": ""])]
                events += (0..<afterChunks).map { wire.chunk(delta: ["content": .string("token\($0) ")]) }
                guard startStream(), writeAll(events) else { return .clientClosed }
            } else {
                guard connection.write(head(status: 200, type: "application/json", extra: ["content-length: 100"]))
                else { return .clientClosed }
            }
            return connection.waitForClose() ? .clientClosed : .closeConnection
        case .noResponse:
            return connection.waitForClose() ? .clientClosed : .closeConnection
        case .json(let body, let status):
            return writeJSON(status: status, body)
        case .timestamped(let chunks, let interval):
            guard startStream(), writeChunk(wire.chunk(delta: ["role": "assistant", "content": ""])) else {
                return .clientClosed
            }
            let template = wire.chunk(delta: ["content": "STAMP"])
            let parts = template.split(separator: "STAMP", omittingEmptySubsequences: false).map(String.init)
            var pause = timespec(
                tv_sec: Int(interval.components.seconds), tv_nsec: Int(interval.components.attoseconds / 1_000_000_000))
            for _ in 0..<chunks {
                let text = parts[0] + String(ScriptedModelServer.monotonicNanoseconds()) + parts[parts.count - 1]
                guard writeChunk(text) else { return .clientClosed }
                nanosleep(&pause, nil)  // pacing, so that every chunk travels alone
            }
            return writeStream(
                [wire.chunk(delta: ["content": ""], finishReason: "length")], completionTokens: chunks, started: true)
        case .held(_, let then):
            // The server held the request before it started writing (`ScriptedModelServerCore.respond`).
            return write(then)
        case .rawSSE(let bytes):
            guard startStream() else { return .clientClosed }
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + 65536, bytes.count)
                guard writeChunk(bytes[offset..<end]) else { return .clientClosed }
                offset = end
            }
            return endStream()
        }
    }

    private func writeText(_ text: String, chunks: Int, reasoning: String?, finishReason: String) -> Ending {
        let pieces = VLLMWireFormat.split(text, into: chunks)
        guard streamed else {
            var message: [String: JSONValue] = ["role": "assistant", "content": .string(text), "tool_calls": []]
            if let reasoning { message["reasoning_content"] = .string(reasoning) }
            let body = wire.completion(
                message: .object(message), finishReason: finishReason, prompt: promptTokens, completion: pieces.count)
            return writeJSON(status: 200, body)
        }
        var events = [wire.chunk(delta: ["role": "assistant", "content": ""])]
        var count = pieces.count
        if let reasoning {
            let thoughts = VLLMWireFormat.split(reasoning, into: chunks)
            count += thoughts.count
            events += thoughts.map { wire.chunk(delta: ["reasoning_content": .string($0)]) }
        }
        events += pieces.map { wire.chunk(delta: ["content": .string($0)]) }
        events.append(wire.chunk(delta: ["content": ""], finishReason: finishReason))
        return writeStream(events, completionTokens: count)
    }

    private func writeToolCalls(_ calls: [ScriptedToolCall], fragments: Int, finishReason: String) -> Ending {
        guard streamed else {
            let wireCalls: [JSONValue] = calls.map { call in
                [
                    "id": .string(call.id), "type": "function",
                    "function": ["name": .string(call.name), "arguments": .string(call.arguments)],
                ]
            }
            let message: JSONValue = ["role": "assistant", "content": nil, "tool_calls": .array(wireCalls)]
            return writeJSON(
                status: 200,
                wire.completion(
                    message: message, finishReason: finishReason, prompt: promptTokens, completion: calls.count))
        }
        var events = [wire.chunk(delta: ["role": "assistant", "content": ""])]
        var count = 0
        for (index, call) in calls.enumerated() {
            let opening: JSONValue = [
                "id": .string(call.id), "type": "function", "index": .int(index),
                "function": ["name": .string(call.name)],
            ]
            events.append(wire.chunk(delta: ["tool_calls": [opening]]))
            for fragment in VLLMWireFormat.split(call.arguments, into: fragments) where !fragment.isEmpty {
                let delta: JSONValue = ["index": .int(index), "function": ["arguments": .string(fragment)]]
                events.append(wire.chunk(delta: ["tool_calls": [delta]]))
                count += 1
            }
        }
        events.append(wire.chunk(delta: [:], finishReason: finishReason))
        return writeStream(events, completionTokens: count + calls.count)
    }

    private func writeStream(_ events: [String], completionTokens: Int, started: Bool = false) -> Ending {
        var events = events
        if includeUsage { events.append(wire.usageChunk(prompt: promptTokens, completion: completionTokens)) }
        events.append(VLLMWireFormat.done)
        guard started || startStream(), writeAll(events) else { return .clientClosed }
        return endStream()
    }

    private func writeJSON(status: Int, _ body: JSONValue, headers: [String] = []) -> Ending {
        writeRaw(status: status, type: "application/json", body.serialized(), headers: headers)
    }

    private func writeRaw(status: Int, type: String, _ body: String, headers: [String] = []) -> Ending {
        let bytes = Array(body.utf8)
        let ok = connection.write(head(status: status, type: type, extra: headers + ["content-length: \(bytes.count)"]))
        return ok && connection.write(bytes) ? .complete : .clientClosed
    }

    private func head(status: Int, type: String, extra: [String]) -> String {
        let reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 429 ? "Too Many Requests" : "Error"
        let lines =
            ["HTTP/1.1 \(status) \(reason)", "date: Tue, 25 Nov 2026 12:00:00 GMT", "server: uvicorn"]
            + extra + ["content-type: \(type)"]
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    private func startStream() -> Bool {
        connection.write(
            head(status: 200, type: "text/event-stream; charset=utf-8", extra: ["transfer-encoding: chunked"]))
    }

    private func writeAll(_ events: [String]) -> Bool {
        events.allSatisfy { writeChunk($0) }
    }

    private func writeChunk(_ text: String) -> Bool { writeChunk(Array(text.utf8)[...]) }

    private func writeChunk(_ bytes: ArraySlice<UInt8>) -> Bool {
        var frame = Array(String(bytes.count, radix: 16).utf8) + [13, 10]
        frame.append(contentsOf: bytes)
        frame += [13, 10]
        return connection.write(frame)
    }

    private func endStream() -> Ending {
        connection.write("0\r\n\r\n") ? .complete : .clientClosed
    }
}
