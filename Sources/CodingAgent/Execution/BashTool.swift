import AgentCore
import SparkJSON

/// `bash(command, timeout)`: a validated shell command run in the workspace.
public struct BashTool: TypedAgentTool {
    let toolkit: ExecutionToolkit

    /// The tool, sharing `toolkit`'s options, policy and sandbox.
    public init(toolkit: ExecutionToolkit) {
        self.toolkit = toolkit
    }

    public var name: String { "bash" }

    public var description: String {
        """
        Run a shell command in the workspace directory with bash and return its exit status, stdout and stderr \
        (output is capped). Commands are checked first: only allowlisted development programs may run (ls, cat, \
        grep, rg, find, git, python3, node, npm, swift, cargo, go, make, pytest, ...); sudo, network tools, \
        writes outside the workspace and destructive patterns are refused with the reason. No stdin; the whole \
        process group is killed at the timeout.
        """
    }

    public var argumentDescriptions: [String: String] {
        [
            "timeout":
                "Seconds before the command is killed (default \(toolkit.options.defaultTimeout.execWholeSeconds), at most \(toolkit.options.maximumTimeout.execWholeSeconds))."
        ]
    }

    public func run(_ arguments: BashArguments, context: ToolContext) async throws -> ToolResult {
        if let disabled = toolkit.disabledResult { return disabled }
        let command = arguments.command
        let sandbox = await toolkit.currentSandbox()
        if let refused = toolkit.unavailableResult(sandbox) { return refused }
        if let refused = toolkit.refusal(for: command, tool: name, sandbox: sandbox) { return refused }
        if let denied = await toolkit.approve(tool: name, detail: command, context: context) { return denied }
        guard toolkit.workspaceExists else {
            return .error("the workspace directory \(toolkit.options.workspaceRoot) does not exist")
        }
        guard let bash = toolkit.locator.locate("bash") else {
            return .error("bash is not available here: no `bash` on PATH")
        }
        let scratch: String
        do {
            scratch = try toolkit.makeScratchDirectory(prefix: "spark-bash")
        } catch {
            return .error("\(error)")
        }
        defer { toolkit.removeDirectory(scratch) }
        let timeout = toolkit.options.timeout(requestedSeconds: arguments.timeout)
        let root = toolkit.options.workspaceRoot
        let run = SandboxRun(
            command: [bash, "--noprofile", "--norc", "-c", command], workingDirectory: root,
            writable: [root, scratch], scratch: scratch, workspaceRoot: root)
        let spec = toolkit.spec(
            run, timeout: timeout, environment: toolkit.childEnvironment(adding: ["TMPDIR": scratch]),
            sandbox: sandbox)
        let outcome: ProcessOutcome
        do {
            outcome = try await toolkit.runner.run(spec)
        } catch {
            return .error("\(error)")
        }
        let result = ToolResult(
            ExecutionReport.text(for: outcome, timeout: timeout),
            value: ExecutionReport.value(for: outcome, phase: "run"),
            isError: outcome.timedOut)
        return toolkit.noting(result, sandbox, session: context.sessionID)
    }
}
