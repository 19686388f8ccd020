import AgentCore
import Logging

/// Decides once whether `bwrap` can run here and remembers the answer.
///
/// The probe runs `bwrap --ro-bind / / --dev /dev --proc /proc --unshare-net true`; when it fails
/// the fallback is logged once and every later run goes unsandboxed, guarded by the command checks.
public actor SandboxProvider {
    private let preference: SandboxPreference
    private let locator: ToolchainLocator
    private let runner: ProcessRunner
    private let logger: Logger
    private var decided: SandboxMode?

    public init(preference: SandboxPreference, locator: ToolchainLocator, runner: ProcessRunner, logger: Logger) {
        self.preference = preference
        self.locator = locator
        self.runner = runner
        self.logger = logger
    }

    /// The sandbox to use; probes on the first call.
    public func mode() async -> SandboxMode {
        if let decided { return decided }
        let mode = await probe()
        decided = mode
        switch mode {
        case .bubblewrap(let path): logger.info("code execution sandboxed with bwrap", metadata: ["bwrap": "\(path)"])
        case .none(let reason): logger.warning("code execution is not sandboxed: \(reason); relying on command checks")
        }
        return mode
    }

    private func probe() async -> SandboxMode {
        guard preference == .automatic else { return .none(reason: "the sandbox is disabled by configuration") }
        guard let bwrap = locator.locate("bwrap") else { return .none(reason: "bwrap is not installed") }
        let spec = ProcessSpec(
            executable: bwrap,
            arguments: ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "true"],
            workingDirectory: "/", environment: ["PATH": locator.searchPath], timeout: .seconds(10),
            outputLimit: 4096)
        do {
            let outcome = try await runner.run(spec)
            guard outcome.termination.isSuccess else {
                let detail = outcome.standardError.text.execTrimmed
                return .none(reason: "bwrap cannot run here (\(outcome.termination)): \(detail)")
            }
            return .bubblewrap(executable: bwrap)
        } catch {
            return .none(reason: "bwrap cannot start: \(error)")
        }
    }
}
