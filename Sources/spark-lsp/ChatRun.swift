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
        let run = Task { () throws -> (RunResponse?, String) in
            var lastAgent = agent
            for try await event in engine.stream(agent: agent, messages: messages, sessionID: sessionID) {
                printer.print(event)
                switch event {
                case .agentSwitched(let next): lastAgent = next
                case .done(let response): return (response, response.agent)
                default: break
                }
            }
            return (nil, lastAgent)
        }
        let interrupt = InterruptSignal { run.cancel() }
        defer { interrupt.cancel() }
        switch await run.result {
        case .success((let response?, _)):
            return .finished(response)
        case .success((nil, let lastAgent)):
            return .interrupted(agent: lastAgent)
        case .failure(let error):
            if interrupt.wasTriggered || error is CancellationError { return .interrupted(agent: agent) }
            return .failed(agent: agent, error)
        }
    }
}
