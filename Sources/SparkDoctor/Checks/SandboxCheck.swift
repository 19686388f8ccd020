import AgentCore
import CodingAgent

/// The sandbox `bash`, `execute_code`, `python_repl` and the analysis tools' compilers run in, probed the way
/// the coding agent probes it; and whether bubblewrap is usable here, and why not.
enum SandboxCheck {
    static let check = DoctorCheck(id: "sandbox") { context in await findings(context) }

    static func findings(_ context: DoctorContext) async -> [DoctorFinding] {
        let workspace = (try? context.configuration.get())?.workspace ?? SparkConfiguration.defaultWorkspace
        var options = ExecutionOptions.fromEnvironment(context.environment, workspaceRoot: workspace)
        if let launcherPath = context.launcherPath { options.launcherPath = launcherPath }
        let locator = ToolchainLocator(searchPath: options.searchPath)
        let layout = SandboxLayout(
            toolchainDirectories: ToolchainInstallations(
                searchPath: options.searchPath, baseEnvironment: options.baseEnvironment
            ).directories)
        func provider(_ preference: SandboxPreference, launcher: String?) -> SandboxProvider {
            SandboxProvider(
                preference: preference, launcherPath: launcher, locator: locator, layout: layout, logger: context.logger
            )
        }
        let sandbox = await provider(options.sandbox, launcher: options.launcherPath).sandbox()
        var results = [overall(sandbox)]
        if options.sandbox == .automatic {
            // The same probe without the launcher: bwrap alone, and the reason it cannot run.
            let alone = await provider(.automatic, launcher: nil).sandbox()
            results.append(bubblewrap(alone))
        } else {
            results.append(
                DoctorFinding(
                    id: "sandbox.bubblewrap", title: "bubblewrap", verdict: .skipped,
                    detail: "not tried (CODE_EXECUTION_SANDBOX=\(context.variable("CODE_EXECUTION_SANDBOX") ?? ""))"))
        }
        return results
    }

    static func overall(_ sandbox: Sandbox) -> DoctorFinding {
        switch sandbox.state {
        case .confined where sandbox.bubblewrap == nil:
            return DoctorFinding(
                id: "sandbox", title: "Sandbox", verdict: .warning,
                detail: "\(sandbox.layers): without bubblewrap, files directly in the workspace root cannot be created",
                hint: "install bubblewrap where user namespaces are allowed (apt-get install bubblewrap)")
        case .confined:
            return DoctorFinding(id: "sandbox", title: "Sandbox", verdict: .ok, detail: sandbox.layers)
        case .optedOut(let reason):
            return DoctorFinding(
                id: "sandbox", title: "Sandbox", verdict: .warning,
                detail: "off (\(reason)): commands run with the server's own permissions",
                hint: "unset CODE_EXECUTION_SANDBOX to confine them")
        case .unavailable(let reason):
            return DoctorFinding(
                id: "sandbox", title: "Sandbox", verdict: .failure,
                detail: "unavailable: \(reason); bash, execute_code and python_repl refuse",
                hint:
                    "install bubblewrap (apt-get install bubblewrap), keep spark-sandbox beside spark-lsp on a kernel "
                    + "with Landlock, or opt out with CODE_EXECUTION_SANDBOX=off")
        }
    }

    static func bubblewrap(_ alone: Sandbox) -> DoctorFinding {
        if let path = alone.bubblewrap {
            return DoctorFinding(
                id: "sandbox.bubblewrap", title: "bubblewrap", verdict: .ok,
                detail: "\(path) runs with the hardened flags")
        }
        var reason = "not usable"
        if case .unavailable(let reasons) = alone.state {
            let bwrap = reasons.split(separator: "; ").filter { $0.contains("bwrap") }
            if !bwrap.isEmpty { reason = bwrap.joined(separator: "; ") }
        }
        let missing = reason.contains("not installed")
        return DoctorFinding(
            id: "sandbox.bubblewrap", title: "bubblewrap", verdict: .warning, detail: reason,
            hint: missing
                ? "apt-get install bubblewrap (or put bwrap on PATH)"
                : "allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1), or run outside the container"
        )
    }
}
