import AgentCore

/// How a `python_repl` session starts its process.
struct PythonREPLConfiguration: Sendable {
    /// Absolute path of the Python interpreter.
    var python: String
    /// Where the code runs (writable in the sandbox).
    var workspaceRoot: String
    /// The session's private directory (driver, output file; writable).
    var directory: String
    var environment: [String: String]
    var sandbox: Sandbox
    /// What the sandbox binds.
    var layout: SandboxLayout
    /// Bytes of printed output kept per call.
    var outputLimit: Int
    /// How long an interrupted statement has to stop before the process is killed.
    var interruptGrace: Duration
}
