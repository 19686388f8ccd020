import AgentCore
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `execute_code(code, language, timeout)`: runs a snippet in a fresh scratch directory with the
/// toolchains present, compiling first where the language needs it.
public struct ExecuteCodeTool: TypedAgentTool {
    let toolkit: ExecutionToolkit

    /// The tool, sharing `toolkit`'s options, policy and sandbox.
    public init(toolkit: ExecutionToolkit) {
        self.toolkit = toolkit
    }

    public var name: String { "execute_code" }

    public var description: String {
        """
        Run a code snippet and return its exit status, stdout and stderr (capped). Languages: python, javascript, \
        typescript, go, rust, java, c, cpp, bash (aliases py, js, ts, golang, rs, c++, sh). Each run gets a fresh \
        scratch directory; compiled languages are compiled first and compile errors are reported as such. \
        No stdin and no network; the process group is killed at the timeout.
        """
    }

    public var argumentDescriptions: [String: String] {
        [
            "timeout":
                "Seconds per step before the run is killed (default \(toolkit.options.defaultTimeout.execWholeSeconds), at most \(toolkit.options.maximumTimeout.execWholeSeconds))."
        ]
    }

    public func run(_ arguments: ExecuteCodeArguments, context: ToolContext) async throws -> ToolResult {
        if let disabled = toolkit.disabledResult { return disabled }
        let code = arguments.code
        guard let language = CodeLanguage(alias: arguments.language) else {
            let names = CodeLanguage.allCases.map(\.rawValue).joined(separator: ", ")
            throw ArgumentsError(tool: name, "unsupported language `\(arguments.language)`; supported: \(names)")
        }
        let sandbox = await toolkit.currentSandbox()
        if let refused = toolkit.unavailableResult(sandbox) { return refused }
        if language == .bash, let refused = toolkit.refusal(for: code, tool: name, sandbox: sandbox) {
            return refused
        }
        if let denied = await toolkit.approve(tool: name, detail: "[\(language.rawValue)]\n\(code)", context: context) {
            return denied
        }
        let scratch: String
        do {
            scratch = try toolkit.makeScratchDirectory(prefix: "spark-exec")
        } catch {
            return .error("\(error)")
        }
        defer { toolkit.removeDirectory(scratch) }
        let sourceFile = scratch + "/" + language.sourceFileName(for: code)
        let plan: RunPlan
        switch RunPlan.make(language: language, sourceFile: sourceFile, scratch: scratch, locator: toolkit.locator) {
        case .success(let made): plan = made
        case .failure(let error): return .error(error.message)
        }
        do {
            try Data(code.utf8).write(to: URL(fileURLWithPath: sourceFile))
        } catch {
            return .error("cannot write the source file: \(error)")
        }
        let result = await run(
            plan, language: language, scratch: scratch, sandbox: sandbox,
            timeout: toolkit.options.timeout(requestedSeconds: arguments.timeout))
        return toolkit.noting(result, sandbox, session: context.sessionID)
    }

    private func run(
        _ plan: RunPlan, language: CodeLanguage, scratch: String, sandbox: Sandbox, timeout: Duration
    ) async -> ToolResult {
        let root = toolkit.options.workspaceRoot
        let environment = toolkit.childEnvironment(
            adding: plan.environment.merging(["TMPDIR": scratch]) { old, _ in old })
        func spec(_ command: [String]) -> ProcessSpec {
            let run = SandboxRun(
                command: command, workingDirectory: scratch, writable: [scratch, root], scratch: scratch,
                workspaceRoot: root)
            return toolkit.spec(run, timeout: timeout, environment: environment, sandbox: sandbox)
        }
        let header = "language: \(language.rawValue) (\(plan.toolchain))"
        do {
            if let compile = plan.compile {
                let outcome = try await toolkit.runner.run(spec(compile))
                guard outcome.termination.isSuccess, !outcome.timedOut else {
                    let text = ExecutionReport.text(for: outcome, timeout: timeout, header: header + "\ncompile error:")
                    return ToolResult(text, value: ExecutionReport.value(for: outcome, phase: "compile"), isError: true)
                }
            }
            let outcome = try await toolkit.runner.run(spec(plan.run))
            return ToolResult(
                ExecutionReport.text(for: outcome, timeout: timeout, header: header),
                value: ExecutionReport.value(for: outcome, phase: "run"), isError: outcome.timedOut)
        } catch {
            return .error("\(error)")
        }
    }
}
