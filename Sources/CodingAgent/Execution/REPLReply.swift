import AgentCore

/// What one `python_repl` call produced.
struct REPLReply: Sendable {
    enum Status: String, Sendable {
        /// The code ran.
        case ok
        /// The code raised; `error` has the traceback.
        case error
        /// The timeout interrupted it (KeyboardInterrupt); the process and its variables survive.
        case interrupted
        /// It ignored the interrupt, so the process was killed; the next call starts fresh.
        case killed
        /// The process exited by itself (for example `os._exit`); the next call starts fresh.
        case exited
    }

    var status: Status
    var value: String?
    var error: String?
    var output: CappedOutput
}
