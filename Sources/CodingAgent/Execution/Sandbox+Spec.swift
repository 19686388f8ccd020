import AgentCore

extension Sandbox {
    /// The process spec that runs `run` in this sandbox: the wrapped command, `environment` with the
    /// sandbox's `HOME` and `TMPDIR`, each process's CPU time capped at the timeout, and the call's own
    /// pids cgroup where the server can make one.
    public func spec(
        _ run: SandboxRun, layout: SandboxLayout, environment: [String: String], timeout: Duration,
        terminationGrace: Duration, outputLimit: Int
    ) -> ProcessSpec {
        var run = run
        run.cpuSeconds = run.cpuSeconds ?? Int(timeout.components.seconds) + 1
        let cgroup = makeCallCgroup()
        run.cgroup = cgroup?.path
        let wrapped = wrap(run, layout: layout)
        var spec = ProcessSpec(
            executable: wrapped.executable, arguments: wrapped.arguments, workingDirectory: run.workingDirectory,
            environment: environment.merging(wrapped.environment) { _, sandboxed in sandboxed }, timeout: timeout,
            terminationGrace: terminationGrace, outputLimit: outputLimit)
        spec.cgroup = cgroup
        return spec
    }

    /// A pids cgroup for one call, when processes run confined and the server may create cgroups; `nil`
    /// otherwise (then the launcher's `--nproc` is the limit).
    func makeCallCgroup() -> CallCgroup? {
        guard isConfined, let cgroupParent else { return nil }
        return CallCgroup.create(below: cgroupParent, limit: Self.processLimit)
    }
}
