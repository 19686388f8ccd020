import AgentCore

/// What to run: a program, its arguments, where, with which environment, for how long.
public struct ProcessSpec: Sendable {
    /// Absolute path of the program.
    public var executable: String
    /// Arguments after `argv[0]`.
    public var arguments: [String]
    /// The directory it starts in.
    public var workingDirectory: String
    /// The complete environment (already scrubbed).
    public var environment: [String: String]
    /// After this the whole process group is sent SIGTERM, then SIGKILL.
    public var timeout: Duration
    /// Time between SIGTERM and SIGKILL.
    public var terminationGrace: Duration
    /// Bytes kept per stream (head and tail).
    public var outputLimit: Int
    /// The call's pids cgroup: every process in it is killed when the program ends.
    public var cgroup: CallCgroup?

    public init(
        executable: String,
        arguments: [String] = [],
        workingDirectory: String,
        environment: [String: String],
        timeout: Duration = .seconds(30),
        terminationGrace: Duration = .seconds(2),
        outputLimit: Int = 32 * 1024
    ) {
        self.executable = executable
        self.arguments = arguments
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.timeout = timeout
        self.terminationGrace = terminationGrace
        self.outputLimit = outputLimit
    }
}
