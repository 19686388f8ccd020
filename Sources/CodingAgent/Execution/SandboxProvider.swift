import AgentCore
import Logging

/// Decides once which sandbox layers work here and remembers the answer.
///
/// bwrap is probed with the hardened options every run gets (`... -- /usr/bin/true`); the launcher with
/// `--probe` (Landlock ABI, seccomp). bwrap (with the launcher inside when it works) is used when it
/// starts; else the launcher alone when the kernel has Landlock; else the sandbox is unavailable and the
/// tools that run code refuse. `CODE_EXECUTION_SANDBOX=off` skips all of it, with a warning.
public actor SandboxProvider {
    private let preference: SandboxPreference
    private let launcherPath: String?
    private let locator: ToolchainLocator
    private let layout: SandboxLayout
    private let logger: Logger
    private var decided: Sandbox?

    public init(
        preference: SandboxPreference, launcherPath: String?, locator: ToolchainLocator, layout: SandboxLayout,
        logger: Logger
    ) {
        self.preference = preference
        self.launcherPath = launcherPath
        self.locator = locator
        self.layout = layout
        self.logger = logger
    }

    /// The sandbox; probes on the first call.
    public func sandbox() async -> Sandbox {
        if let decided { return decided }
        let sandbox = await probe()
        decided = sandbox
        switch sandbox.state {
        case .confined:
            logger.info("processes are sandboxed", metadata: ["layers": "\(sandbox.layers)"])
        case .optedOut(let reason):
            logger.warning("processes run WITHOUT a sandbox: \(reason)")
        case .unavailable(let reason):
            logger.warning(
                "no sandbox can be applied (\(reason)): bash, execute_code and python_repl refuse and the analysis tools skip compilers"
            )
        }
        return sandbox
    }

    private func probe() async -> Sandbox {
        if preference == .disabled {
            return Sandbox(bubblewrap: nil, launcher: nil, state: .optedOut(reason: "CODE_EXECUTION_SANDBOX=off"))
        }
        var reasons: [String] = []
        let launcher = await probeLauncher(&reasons)
        if preference == .automatic {
            if let bwrap = await probeBubblewrap(launcher: launcher, &reasons) {
                return Sandbox(
                    bubblewrap: bwrap, launcher: launcher, state: .confined, cgroupParent: CallCgroup.availableParent())
            }
        } else {
            reasons.append("bwrap not tried (CODE_EXECUTION_SANDBOX=launcher)")
        }
        if let launcher {
            guard launcher.landlockABI > 0 else {
                reasons.append("the kernel has no Landlock, which the launcher needs when it runs alone")
                return Sandbox(
                    bubblewrap: nil, launcher: launcher, state: .unavailable(reason: reasons.joined(separator: "; ")))
            }
            return Sandbox(
                bubblewrap: nil, launcher: launcher, state: .confined, cgroupParent: CallCgroup.availableParent())
        }
        return Sandbox(bubblewrap: nil, launcher: nil, state: .unavailable(reason: reasons.joined(separator: "; ")))
    }

    private func probeLauncher(_ reasons: inout [String]) async -> Sandbox.Launcher? {
        guard let path = launcherPath, let found = locator.locate(path), found.hasPrefix("/") else {
            reasons.append("the spark-sandbox launcher was not found (\(launcherPath ?? "no path"))")
            return nil
        }
        let spec = ProcessSpec(
            executable: found, arguments: ["--probe"], workingDirectory: "/", environment: [:], timeout: .seconds(10),
            outputLimit: 4096)
        do {
            let outcome = try await ProcessRunner().run(spec)
            let text = outcome.standardOutput.text
            guard outcome.termination.isSuccess,
                let match = text.firstMatch(of: /landlock=(\d+) seccomp=([01])/), let abi = Int(match.1)
            else {
                reasons.append(
                    "the launcher's probe failed (\(outcome.termination)): \(outcome.standardError.text.execTrimmed)")
                return nil
            }
            return Sandbox.Launcher(path: found, landlockABI: abi, seccomp: match.2 == "1")
        } catch {
            reasons.append("the launcher cannot start: \(error)")
            return nil
        }
    }

    private func probeBubblewrap(launcher: Sandbox.Launcher?, _ reasons: inout [String]) async -> String? {
        guard let bwrap = locator.locate("bwrap") else {
            reasons.append("bwrap is not installed")
            return nil
        }
        let probe = Sandbox(bubblewrap: bwrap, launcher: launcher, state: .confined)
        let run = SandboxRun(
            command: ["/usr/bin/true"], workingDirectory: "/", writable: [], scratch: "/tmp", workspaceRoot: nil)
        let command = probe.wrap(run, layout: layout)
        let spec = ProcessSpec(
            executable: command.executable, arguments: command.arguments, workingDirectory: "/",
            environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(10), outputLimit: 4096)
        do {
            let outcome = try await ProcessRunner().run(spec)
            guard outcome.termination.isSuccess else {
                reasons.append(
                    "bwrap cannot run here (\(outcome.termination)): \(outcome.standardError.text.execTrimmed)")
                return nil
            }
            return bwrap
        } catch {
            reasons.append("bwrap cannot start: \(error)")
            return nil
        }
    }
}
