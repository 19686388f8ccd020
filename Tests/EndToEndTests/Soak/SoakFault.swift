import SparkTestSupport

/// What goes wrong in one soak operation.
enum SoakFault: String, CaseIterable, Sendable {
    /// Nothing: the run ends normally.
    case none
    /// The model's stream closes without `[DONE]`.
    case cutStream
    /// HTTP 500 (not retried: the run fails).
    case serverError
    /// HTTP 429 with `Retry-After: 0` on the first attempt (retried: the run goes on).
    case rateLimited
    /// The stream stops after a delta and sends nothing more: past the idle timeout.
    case stall
    /// Headers never come: past the first-byte timeout.
    case noResponse
    /// An event that is not JSON.
    case malformedSSE
    /// An `{"error": ..}` event in the middle of the stream.
    case errorEvent
    /// A tool call whose arguments are not JSON (the agent gets an error result and goes on).
    case invalidToolArguments
    /// `$/cancelRequest` after a random delay.
    case cancel
    /// `$/cancelRequest` while the server waits for the answer to its `workspace/applyEdit`.
    case cancelAtEdit
    /// The client closes its end of the pipes mid-stream; the server must exit by itself.
    case disconnect
    /// `SIGKILL` of the server around the session write at the end of the run, then a restart on the same data.
    case kill

    /// Faults the scripted model server injects into one reply.
    var isModelFault: Bool {
        switch self {
        case .cutStream, .serverError, .rateLimited, .stall, .noResponse, .malformedSSE, .errorEvent: true
        default: false
        }
    }

    /// Faults that end the server process.
    var endsTheServer: Bool { self == .disconnect || self == .kill }
    /// The client interrupts the run wherever it is: a model request sent just before may reach the model
    /// server's connection thread after the operation's answer (`SoakModel` counts it as late, not stray).
    var interruptsTheRun: Bool { self == .cancel || self == .cancelAtEdit || endsTheServer }

    /// The reply that injects this fault, for model faults.
    var reply: ScriptedReply? {
        switch self {
        case .cutStream: .cutMidStream("a partial answer that never ends", chunks: 4, after: 2)
        case .serverError: .error(status: 500, message: "soak: internal error")
        case .rateLimited: .error(status: 429, message: "soak: slow down", retryAfter: 0)
        case .stall: .stall(afterChunks: 1)
        case .noResponse: .noResponse
        case .malformedSSE: .malformedSSE
        case .errorEvent: .errorEvent("soak: the engine died")
        default: nil
        }
    }

    /// Picks a fault: about a third of the operations run clean; `restarts` admits the faults that end the server.
    static func random(using generator: inout SplitMix64, restarts: Bool) -> SoakFault {
        let weighted: [(SoakFault, Int)] = [
            (.none, 30), (.cutStream, 6), (.serverError, 6), (.rateLimited, 6), (.stall, 4), (.noResponse, 3),
            (.malformedSSE, 5), (.errorEvent, 5), (.invalidToolArguments, 8), (.cancel, 10), (.cancelAtEdit, 6),
            (.disconnect, restarts ? 4 : 0), (.kill, restarts ? 5 : 0),
        ]
        var pick = generator.next(below: weighted.reduce(0) { $0 + $1.1 })
        for (fault, weight) in weighted {
            if pick < weight { return fault }
            pick -= weight
        }
        return .none
    }
}
