import AgentCore
import Synchronization

/// Prints a run's events: the answer's text to stdout (notes on tools and handoffs to stderr),
/// or with `json` one JSON object per event per line, shaped like the editor's chat events:
/// `kind` (`delta`, `toolCall`, `toolResult`, `handoff`, `edit`, `error`, `done`), `agent`, and
/// the kind's fields. The last line is always `kind: done`.
final class ChatEventPrinter: Sendable {
    private let json: Bool
    private let sessionID: String
    /// Whether the text on stdout ends with a newline; guarded by the mutex (edits may be
    /// reported from tool tasks while events print).
    private let state = Mutex((atLineStart: true, printedDone: false))

    init(json: Bool, sessionID: String) {
        self.json = json
        self.sessionID = sessionID
    }

    func print(_ event: RunEvent) {
        switch event {
        case .textDelta(let agent, let text):
            if json { line(["kind": "delta", "agent": .string(agent), "text": .string(text)]) } else { answer(text) }
        case .toolResult(let agent, let call, let result):
            let arguments = (try? JSONValue(parsing: call.function.arguments)) ?? .string(call.function.arguments)
            if json {
                line(["kind": "toolCall", "agent": .string(agent), "id": .string(call.id), "name": .string(call.function.name), "arguments": arguments])
                var fields: [String: JSONValue] = [
                    "kind": "toolResult", "agent": .string(agent), "id": .string(call.id),
                    "name": .string(call.function.name), "content": .string(result.content), "isError": .bool(result.isError),
                ]
                if let value = result.value { fields["value"] = value }
                line(.object(fields))
            } else {
                note("[\(agent)] \(call.function.name) \(arguments.serialized().prefix(200)) -> \(result.isError ? "failed: " + result.content.prefix(200) : "ok")")
            }
        case .handoff(let from, let to):
            if json { line(["kind": "handoff", "agent": .string(from), "from": .string(from), "to": .string(to)]) } else { note("[\(from) -> \(to)]") }
        case .error(let agent, let message):
            if json { line(["kind": "error", "agent": .string(agent), "message": .string(message)]) }
        case .done(let response):
            finish(agent: response.agent, status: "ok", extra: [
                "content": .string(response.content),
                "usage": (try? JSONValue(encoding: response.usage)) ?? .null,
            ])
        case .reasoningDelta, .toolCallStarted, .toolCallArguments, .agentSwitched, .usage:
            break
        }
    }

    /// Reports an edit an agent made (for the disk workspace editor).
    func printEdit(agent: String, change: FileChange, outcome: EditOutcome) {
        let kind: String
        switch change.kind {
        case .create: kind = "create"
        case .modify: kind = "modify"
        case .delete: kind = "delete"
        }
        if json {
            var fields: [String: JSONValue] = [
                "kind": "edit", "agent": .string(agent), "path": .string(change.path), "change": .string(kind),
                "applied": .bool(outcome.applied),
            ]
            if let message = outcome.message { fields["message"] = .string(message) }
            line(.object(fields))
        } else {
            note("[\(agent)] \(kind) \(change.path)\(outcome.applied ? "" : " (not applied: \(outcome.message ?? ""))")")
        }
    }

    /// Ends the output of a run that did not finish (`error` or `cancelled`); idempotent.
    func finish(agent: String, status: String, extra: [String: JSONValue] = [:]) {
        let first = state.withLock { state in
            defer { state.printedDone = true }
            return !state.printedDone
        }
        guard first else { return }
        if json {
            var fields = extra
            fields["kind"] = "done"
            fields["agent"] = .string(agent)
            fields["sessionId"] = .string(sessionID)
            fields["status"] = .string(status)
            line(.object(fields))
        } else if !state.withLock({ $0.atLineStart }) {
            answer("\n")
        }
    }

    private func line(_ value: JSONValue) {
        StandardStream.output(value.serialized() + "\n")
    }

    private func answer(_ text: String) {
        guard let last = text.last else { return }
        state.withLock { $0.atLineStart = last == "\n" }
        StandardStream.output(text)
    }

    private func note(_ text: String) {
        let needsBreak = state.withLock { state in
            defer { state.atLineStart = true }
            return !state.atLineStart
        }
        if needsBreak { StandardStream.output("\n") }
        StandardStream.error(text + "\n")
    }
}
