import AgentCore

/// Runs one chat request, printing its events, and stops it on Ctrl-C.
enum ChatRun {
    enum Outcome {
        case finished(RunResponse)
        case failed(agent: String, any Error)
        case interrupted(agent: String)
    }

    static func perform(
        engine: SwarmEngine, agent: String, messages: [ChatMessage], sessionID: String, printer: ChatEventPrinter
    ) async -> Outcome {
        let run = Task { () throws -> RunResponse? in
            for try await event in engine.stream(agent: agent, messages: messages, sessionID: sessionID) {
                printer.print(event)
                if case .done(let response) = event { return response }
            }
            return nil
        }
        let interrupt = InterruptSignal { run.cancel() }
        defer { interrupt.cancel() }
        switch await run.result {
        case .success(let response?):
            return .finished(response)
        case .success(nil):
            return .interrupted(agent: printer.activeAgent)
        case .failure(let error):
            if interrupt.wasTriggered || error is CancellationError { return .interrupted(agent: printer.activeAgent) }
            return .failed(agent: printer.activeAgent, error)
        }
    }
}
