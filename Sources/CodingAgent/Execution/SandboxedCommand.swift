import AgentCore

/// A run as the host starts it: the outermost program, its arguments, and the variables the sandbox sets.
public struct SandboxedCommand: Sendable, Equatable {
    /// Absolute path of the program the host spawns (bwrap, the launcher, or the command itself).
    public var executable: String
    /// Its arguments (after `argv[0]`).
    public var arguments: [String]
    /// `HOME` and `TMPDIR` inside the sandbox.
    public var environment: [String: String]

    public init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}
