import SparkJSON
import SparkTestSupport
import Synchronization

/// The soak's script for the scripted model server: the reply to each chat completion request comes from the
/// operation under way and the step its run has reached (the assistant messages after the last user message),
/// with the operation's fault injected into the first attempt at its fault step.
///
/// Operations run one after the other, so the operation under way is the one every request belongs to; a
/// request of another chat operation (its user message names another operation) is counted as stray.
final class SoakModel: Sendable {
    struct State: ~Copyable {
        var operation: SoakOperation?
        /// The one before, to name its fault when a request of it comes late.
        var previous: SoakOperation?
        /// Attempts per step of the operation under way.
        var attempts: [Int: Int] = [:]
        var faults: [String: Int] = [:]
        var requests = 0
        var strays: [String] = []
        var late = 0
    }

    /// Guarded by the mutex; replies are chosen on the scripted server's connection threads.
    private let state = Mutex(State())
    /// Called on a connection thread when the operation's write step is about to be answered and the user types.
    private let typing: @Sendable (SoakOperation) -> Void
    /// Called on a connection thread when the kill step's reply is about to be written.
    private let killPoint: @Sendable (SoakOperation) -> Void

    init(
        typing: @escaping @Sendable (SoakOperation) -> Void, killPoint: @escaping @Sendable (SoakOperation) -> Void
    ) {
        self.typing = typing
        self.killPoint = killPoint
    }

    /// Makes `operation` the one requests belong to.
    func begin(_ operation: SoakOperation) {
        state.withLock { state in
            state.previous = state.operation
            state.operation = operation
            state.attempts = [:]
        }
    }

    /// Faults injected so far, by kind.
    var faults: [String: Int] { state.withLock { $0.faults } }
    /// Chat completion requests answered.
    var requests: Int { state.withLock { $0.requests } }
    /// Requests that belonged to no operation under way.
    var strays: [String] { state.withLock { $0.strays } }
    /// Requests of the previous operation, interrupted by the client, read after its answer.
    var late: Int { state.withLock { $0.late } }

    /// Counts a fault the driver injects itself (cancel, disconnect, kill).
    func count(_ fault: SoakFault) {
        state.withLock { $0.faults[fault.rawValue, default: 0] += 1 }
    }

    /// The reply to `request`.
    func reply(to request: RecordedRequest) -> ScriptedReply? {
        guard request.path.hasSuffix("/chat/completions") else { return nil }
        let messages = request.body?["messages"]?.arrayValue ?? []
        let lastUser = messages.lastIndex { $0["role"]?.stringValue == "user" } ?? 0
        let step = messages[lastUser...].filter { $0["role"]?.stringValue == "assistant" }.count
        let userText = messages.indices.contains(lastUser) ? messages[lastUser]["content"]?.stringValue ?? "" : ""
        let decided = state.withLock { state -> (SoakOperation, ScriptedReply, attempt: Int)? in
            state.requests += 1
            guard let operation = state.operation else { return nil }
            if operation.kind == .chat || operation.kind == .editChat, !userText.hasPrefix(operation.message) {
                if let previous = state.previous, previous.fault.interruptsTheRun {
                    state.late += 1
                } else {
                    let previous = state.previous.map { " (\($0.id) had the fault \($0.fault.rawValue))" } ?? ""
                    state.strays.append("\(operation.id) got a request for: \(userText.prefix(40))\(previous)")
                }
                return nil
            }
            let attempt = state.attempts[step, default: 0]
            state.attempts[step] = attempt + 1
            if step == operation.faultStep, attempt == 0, let fault = operation.fault.reply {
                state.faults[operation.fault.rawValue, default: 0] += 1
                return (operation, fault, attempt)
            }
            let reply = operation.steps.indices.contains(step) ? operation.steps[step] : .text("nothing more to do")
            return (operation, reply, attempt)
        }
        guard let decided else { return .error(status: 500, message: "soak: a request that belongs to no operation") }
        let (operation, reply, attempt) = decided
        if attempt == 0, operation.types, step == operation.writeStep { typing(operation) }
        if attempt == 0, operation.fault == .kill, step == operation.faultStep { killPoint(operation) }
        return reply
    }
}
