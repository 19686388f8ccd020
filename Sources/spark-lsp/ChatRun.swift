import AgentCore

/// Runs one chat request, printing its events, and stops it on Ctrl-C.
enum ChatRun {
    enum Outcome {
        case finished(RunResponse)
        /// The run failed; `answered` is what it added before, without unanswered tool calls.
        case failed(agent: String, any Error, answered: [ChatMessage])
        /// Ctrl-C stopped the run; `answered` as for `failed`.
        case interrupted(agent: String, answered: [ChatMessage])
    }

    static func perform(
        engine: SwarmEngine, agent: String, messages: [ChatMessage], sessionID: String, printer: ChatEventPrinter
    ) async -> Outcome {
        let transcript = RunTranscript()
        let run = Task { () throws -> RunResponse? in
            let events = engine.stream(agent: agent, messages: messages, sessionID: sessionID, transcript: transcript)
            for try await event in events {
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
            return .interrupted(agent: printer.activeAgent, answered: transcript.answeredMessages)
        case .failure(let error):
            if interrupt.wasTriggered || error is CancellationError {
                return .interrupted(agent: printer.activeAgent, answered: transcript.answeredMessages)
            }
            return .failed(agent: printer.activeAgent, error, answered: transcript.answeredMessages)
        }
    }
}
