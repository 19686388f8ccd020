import SparkJSON

extension RunEvent {
    /// The chat events the editor (`spark/chatEvent`) and `spark-lsp chat --json` show for this
    /// event: objects with `kind` (`delta`, `toolCall`, `toolResult`, `handoff`, `error`, `done`),
    /// `agent`, and the kind's fields. A tool call gives a `toolCall` object (with its parsed arguments)
    /// when it is about to run and a `toolResult` when it is done; reasoning, argument fragments, agent
    /// switches and per-call usage give none.
    public var chatEvents: [[String: JSONValue]] {
        switch self {
        case .textDelta(let agent, let text):
            return [["kind": "delta", "agent": .string(agent), "text": .string(text)]]
        case .toolCall(let agent, let call):
            let arguments = (try? JSONValue(parsing: call.function.arguments)) ?? .string(call.function.arguments)
            return [
                [
                    "kind": "toolCall", "agent": .string(agent), "id": .string(call.id),
                    "name": .string(call.function.name), "arguments": arguments,
                ]
            ]
        case .toolResult(let agent, let call, let result):
            var outcome: [String: JSONValue] = [
                "kind": "toolResult", "agent": .string(agent), "id": .string(call.id),
                "name": .string(call.function.name), "content": .string(result.content),
                "isError": .bool(result.isError),
            ]
            if let value = result.value { outcome["value"] = value }
            return [outcome]
        case .handoff(let from, let to):
            return [["kind": "handoff", "agent": .string(from), "from": .string(from), "to": .string(to)]]
        case .error(let agent, let message):
            return [["kind": "error", "agent": .string(agent), "message": .string(message)]]
        case .done(let response):
            return [
                [
                    "kind": "done", "agent": .string(response.agent), "content": .string(response.content),
                    "usage": (try? JSONValue(encoding: response.usage)) ?? .null,
                ]
            ]
        case .reasoningDelta, .toolCallStarted, .toolCallArguments, .agentSwitched, .usage:
            return []
        }
    }

    /// The `edit` chat event for a change an agent made through the workspace editor.
    public static func chatEvent(agent: String, edit change: FileChange, outcome: EditOutcome) -> [String: JSONValue] {
        let kind: String
        switch change.kind {
        case .create: kind = "create"
        case .modify: kind = "modify"
        case .delete: kind = "delete"
        }
        var event: [String: JSONValue] = [
            "kind": "edit", "agent": .string(agent), "path": .string(change.path), "change": .string(kind),
            "applied": .bool(outcome.applied),
        ]
        if let message = outcome.message { event["message"] = .string(message) }
        return event
    }
}
