import AgentCore
import SparkJSON

/// `python_repl(code, reset)`: a persistent Python session per conversation.
public struct PythonREPLTool: TypedAgentTool {
    let toolkit: ExecutionToolkit

    /// The tool, sharing `toolkit`'s options, policy and sandbox.
    public init(toolkit: ExecutionToolkit) {
        self.toolkit = toolkit
    }

    public var name: String { "python_repl" }

    public var description: String {
        """
        Run Python code in a persistent interpreter for this session: variables, imports and functions survive \
        between calls. The value of a final expression is shown like the interactive prompt; printed output and \
        tracebacks are returned. A statement that runs past the timeout is interrupted (KeyboardInterrupt) and \
        the session keeps its variables. Set reset to true to start a fresh interpreter.
        """
    }

    public var argumentDescriptions: [String: String] {
        [
            "timeout":
                "Seconds before the statement is interrupted (default \(toolkit.options.defaultTimeout.execWholeSeconds))."
        ]
    }

    public func run(_ arguments: PythonREPLArguments, context: ToolContext) async throws -> ToolResult {
        if let disabled = toolkit.disabledResult { return disabled }
        let code = arguments.code ?? ""
        let reset = arguments.reset ?? false
        guard reset || !code.execTrimmed.isEmpty else {
            throw ArgumentsError(tool: name, "missing required argument 'code' (it may be left out only with reset)")
        }
        var notes: [String] = []
        if reset {
            await toolkit.repls.remove(context.sessionID)
            notes.append("The Python session was reset; all variables are gone.")
            if code.execTrimmed.isEmpty { return ToolResult(notes[0]) }
        }
        let sandbox = await toolkit.currentSandbox()
        if let refused = toolkit.unavailableResult(sandbox) { return refused }
        if let denied = await toolkit.approve(tool: name, detail: code, context: context) { return denied }
        guard toolkit.workspaceExists else {
            return .error("the workspace directory \(toolkit.options.workspaceRoot) does not exist")
        }
        guard let python = toolkit.locator.locateFirst(["python3", "python"]) else {
            return .error("python is not available here: no `python3` or `python` on PATH")
        }
        let timeout = toolkit.options.timeout(requestedSeconds: arguments.timeout)
        let reply: REPLReply
        do {
            let (session, reopened) = try await toolkit.repls.session(context.sessionID) {
                let directory = try toolkit.makeScratchDirectory(prefix: "spark-repl")
                let configuration = PythonREPLConfiguration(
                    python: python.path, workspaceRoot: toolkit.options.workspaceRoot, directory: directory,
                    environment: toolkit.childEnvironment(adding: ["TMPDIR": directory]), sandbox: sandbox,
                    layout: toolkit.layout, outputLimit: toolkit.options.outputLimit,
                    interruptGrace: toolkit.options.terminationGrace)
                return (PythonREPLSession(configuration: configuration), directory)
            }
            if reopened {
                notes.append(
                    "This conversation's Python session had been closed to make room for others (at most \(toolkit.options.maximumREPLSessions) are kept); this is a fresh one and earlier variables are gone."
                )
            }
            let result = try await session.execute(code, timeout: timeout)
            reply = result.reply
            if result.started, !reset { notes.append("(started a new Python session)") }
        } catch {
            return .error("\(error)")
        }
        if let note = toolkit.sandboxNote(sandbox, session: context.sessionID) { notes.insert(note, at: 0) }
        return Self.result(reply, timeout: timeout, notes: notes)
    }

    static func result(_ reply: REPLReply, timeout: Duration, notes: [String]) -> ToolResult {
        var parts = notes.filter { !$0.hasPrefix("(") }
        let output = reply.output.text
        if !output.isEmpty { parts.append(output.execDroppingFinalNewline) }
        if let value = reply.value { parts.append(value) }
        switch reply.status {
        case .ok:
            break
        case .error:
            parts.append((reply.error ?? "error").execDroppingFinalNewline)
        case .interrupted:
            parts.append(
                "KeyboardInterrupt: interrupted after the \(timeout.execWholeSeconds) s timeout; the session and its variables are kept."
            )
        case .killed:
            parts.append(
                "The statement ignored the interrupt after the \(timeout.execWholeSeconds) s timeout, so the Python process was killed; the next call starts a fresh session and all variables are gone."
            )
        case .exited:
            parts.append(
                (reply.error ?? "the Python process exited")
                    + "; the next call starts a fresh session and all variables are gone.")
        }
        if parts.isEmpty { parts.append("(no output)") }
        let value: JSONValue = [
            "status": .string(reply.status.rawValue), "value": reply.value.map(JSONValue.string) ?? .null,
            "output": .string(output), "started": .bool(notes.contains("(started a new Python session)")),
        ]
        return ToolResult(parts.joined(separator: "\n"), value: value, isError: reply.status != .ok)
    }
}
