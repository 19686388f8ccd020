import AgentCore
import Logging
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process tools of the coding agent (`execute_code`, `python_repl`, `bash`) and what they share:
/// options, the approval policy, the command validator, the sandbox decision and the REPL sessions.
///
/// When `options.enableCodeExecution` is false, `tools` is empty and any direct call is refused.
public final class ExecutionToolkit: Sendable {
    /// The configuration the tools run with.
    public let options: ExecutionOptions
    let approval: any ApprovalPolicy
    let runner = ProcessRunner()
    let sandbox: SandboxProvider
    let validator: CommandValidator
    let locator: ToolchainLocator
    let repls: PythonREPLRegistry
    let layout: SandboxLayout
    let toolchains: ToolchainInstallations
    let environment: ChildEnvironment
    /// Sessions already told what the sandbox here does not allow (said once per session).
    let toldSandboxNote: Mutex<Set<String>>
    let logger: Logger

    public init(options: ExecutionOptions, approval: any ApprovalPolicy, logger: Logger = Logger(label: "spark.exec")) {
        self.options = options
        self.approval = approval
        self.logger = logger
        locator = ToolchainLocator(searchPath: options.searchPath)
        validator = CommandValidator(policy: options.commandPolicy, workspaceRoot: options.workspaceRoot)
        toolchains = ToolchainInstallations(searchPath: options.searchPath, baseEnvironment: options.baseEnvironment)
        layout = SandboxLayout(toolchainDirectories: toolchains.directories)
        environment = ChildEnvironment(base: options.baseEnvironment)
        toldSandboxNote = Mutex([])
        sandbox = SandboxProvider(
            preference: options.sandbox, launcherPath: options.launcherPath, locator: locator, layout: layout,
            logger: logger)
        repls = PythonREPLRegistry(maximumSessions: options.maximumREPLSessions, logger: logger) { directory in
            Self.removeDirectory(directory, logger: logger)
        }
    }

    private init(sharing other: ExecutionToolkit, approval: any ApprovalPolicy) {
        options = other.options
        self.approval = approval
        logger = other.logger
        locator = other.locator
        validator = other.validator
        sandbox = other.sandbox
        repls = other.repls
        layout = other.layout
        toolchains = other.toolchains
        environment = other.environment
        toldSandboxNote = Mutex([])
    }

    /// The same toolkit (options, sandbox decision, the sessions' Python REPLs) asking `approval`
    /// instead: for front ends that ask the user differently per request.
    public func asking(_ approval: any ApprovalPolicy) -> ExecutionToolkit {
        ExecutionToolkit(sharing: self, approval: approval)
    }

    /// The tools to offer the model (none when code execution is disabled).
    public var tools: [any AgentTool] {
        guard options.enableCodeExecution else { return [] }
        return [ExecuteCodeTool(toolkit: self), PythonREPLTool(toolkit: self), BashTool(toolkit: self)]
    }

    /// The sandbox in force (probed on first use).
    public func currentSandbox() async -> Sandbox {
        await sandbox.sandbox()
    }

    /// A runner of analysis processes through this sandbox.
    public var analysisSandbox: AnalysisSandbox {
        AnalysisSandbox(provider: sandbox, layout: layout, environment: environment, toolchains: toolchains)
    }

    /// The refusal when no sandbox can be applied; else `nil`.
    func unavailableResult(_ sandbox: Sandbox) -> ToolResult? {
        guard let refusal = sandbox.refusal else { return nil }
        logger.info("run refused: no sandbox")
        return .refused(refusal)
    }

    /// `sandbox.note`, the first time a session runs something.
    func sandboxNote(_ sandbox: Sandbox, session: String) -> String? {
        guard let note = sandbox.note else { return nil }
        let first = toldSandboxNote.withLock { $0.insert(session).inserted }
        return first ? note : nil
    }

    /// `result` with the sandbox's note in front, when this is the session's first run.
    func noting(_ result: ToolResult, _ sandbox: Sandbox, session: String) -> ToolResult {
        guard let note = sandboxNote(sandbox, session: session) else { return result }
        return ToolResult(note + "\n" + result.content, value: result.value, isError: result.isError)
    }

    /// Ends what the tools keep for a conversation: its Python REPL process and directory.
    public func endSession(_ id: String) async {
        await repls.remove(id)
    }

    /// Stops every Python REPL process.
    public func shutdown() async {
        await repls.shutdownAll()
    }

    /// The command validator for runs under `sandbox`: without one, `bash FILE` also checks the
    /// script's contents.
    func validator(for sandbox: Sandbox) -> CommandValidator {
        var checked = validator
        checked.policy.checkScriptContents = !sandbox.isConfined
        return checked
    }

    /// The refusal for a call when execution is disabled, else `nil`.
    var disabledResult: ToolResult? {
        options.enableCodeExecution ? nil : .refused("code execution is disabled (ENABLE_CODE_EXECUTION=false)")
    }

    /// Asks the approval policy; returns the refusal when denied.
    func approve(tool: String, detail: String, context: ToolContext) async -> ToolResult? {
        let decision = await approval.decide(ApprovalRequest(tool: tool, detail: detail, sessionID: context.sessionID))
        if case .deny(let reason) = decision {
            logger.info("run not approved", metadata: ["tool": "\(tool)", "session": "\(context.sessionID)"])
            return .refused(reason)
        }
        return nil
    }

    /// Validates a shell command for runs under `sandbox`; returns the refusal (and logs it) when refused.
    func refusal(for command: String, tool: String, sandbox: Sandbox) -> ToolResult? {
        guard case .refused(let reason) = validator(for: sandbox).validate(command) else { return nil }
        logger.info("command refused", metadata: ["tool": "\(tool)", "reason": "\(reason)"])
        return .refused(reason)
    }

    /// The environment children get: the allowlist, the toolchains' variables, then `extra`.
    func childEnvironment(adding extra: [String: String] = [:]) -> [String: String] {
        var added = toolchains.environment
        added["PATH"] = options.searchPath
        added["PYTHONDONTWRITEBYTECODE"] = "1"
        added.merge(extra) { _, new in new }
        return environment.make(adding: added)
    }

    /// A process spec for `run` in `sandbox`, with `environment` plus the sandbox's `HOME` and `TMPDIR`.
    func spec(_ run: SandboxRun, timeout: Duration, environment: [String: String], sandbox: Sandbox) -> ProcessSpec {
        sandbox.spec(
            run, layout: layout, environment: environment, timeout: timeout,
            terminationGrace: options.terminationGrace, outputLimit: options.outputLimit)
    }

    /// A fresh private directory under `options.scratchRoot`.
    func makeScratchDirectory(prefix: String) throws -> String {
        var template = Array("\(options.scratchRoot.execDroppingTrailingSlashes)/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw ExecutionError("cannot create a scratch directory in \(options.scratchRoot)", errno: errno)
        }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a scratch directory and everything in it.
    func removeDirectory(_ path: String) {
        Self.removeDirectory(path, logger: logger)
    }

    private static func removeDirectory(_ path: String, logger: Logger) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            logger.warning("cannot remove scratch directory", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }

    /// Whether the workspace root exists as a directory.
    var workspaceExists: Bool {
        var info = stat()
        return stat(options.workspaceRoot, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
