import AgentCore
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Prints a turn's events: the answer's text to stdout (notes on tools, edits and handoffs to stderr),
/// or with `json` one JSON object per event per line, shaped like the editor's chat events (`kind`,
/// `agent`, the kind's fields, `sessionId`). The last line is always `kind: done`, with `status` `ok`,
/// `error` or `cancelled`.
final class ChatEventPrinter: Sendable {
    private let json: Bool
    private let sessionID: String
    /// Whether stdout is at a line start, whether `done` was printed, and the active agent; behind a
    /// mutex because edits are reported from tool tasks while events print.
    private let state = Mutex<(atLineStart: Bool, printedDone: Bool, activeAgent: String)>(
        (atLineStart: true, printedDone: false, activeAgent: ""))

    init(json: Bool, sessionID: String) {
        self.json = json
        self.sessionID = sessionID
    }

    /// The agent the last event came from.
    var activeAgent: String { state.withLock { $0.activeAgent } }

    func print(_ event: ChatEvent) {
        state.withLock { $0.activeAgent = event.agent }
        if case .handoff(_, let to) = event { state.withLock { $0.activeAgent = to } }
        if json {
            if case .done = event, !markDone() { return }
            line(SessionChatEvent(event, sessionID: sessionID))
            return
        }
        switch event {
        case .delta(_, let text):
            answer(text)
        case .toolResult(let agent, let call, let result):
            let outcome = result.isError ? "failed: " + result.content.prefix(200) : "ok"
            note("[\(agent)] \(call.function.name) \(call.function.arguments.prefix(200)) -> \(outcome)")
        case .progress(let agent, let update):
            note("[\(agent)] \(update.toolName): \(update.summary)")
        case .handoff(let from, let to):
            note("[\(from) -> \(to)]")
        case .edit(let agent, let edit):
            let status = edit.applied ? "" : " (not applied: \(edit.message ?? ""))"
            note("[\(agent)] \(edit.change.name) \(edit.path)\(status)")
        case .citation(let agent, let citation):
            note("[\(agent)] cites \(citation.reference) \(citation.title)")
        case .done:
            finish(agent: event.agent, status: "ok")
        case .toolCall, .error:
            break
        }
    }

    /// Ends the output of the turn: the closing `done` line with `status` in JSON, a line break in text;
    /// only the first call counts.
    func finish(agent: String, status: String) {
        guard markDone() else { return }
        if json {
            line(ClosingLine(agent: agent, sessionID: sessionID, status: status))
        } else if !state.withLock({ $0.atLineStart }) {
            answer("\n")
        }
    }

    private func markDone() -> Bool {
        state.withLock { state in
            defer { state.printedDone = true }
            return !state.printedDone
        }
    }

    private func line(_ value: some Encodable) {
        guard let data = try? JSONEncoder().encode(value) else { return }
        StandardStream.output(String(decoding: data, as: UTF8.self) + "\n")
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

/// The `done` line of a turn that did not finish.
private struct ClosingLine: Encodable {
    var kind = "done"
    var agent: String
    var sessionID: String
    var status: String

    enum CodingKeys: String, CodingKey {
        case kind, agent, status
        case sessionID = "sessionId"
    }
}
