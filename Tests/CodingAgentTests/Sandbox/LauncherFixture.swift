import CodingAgent
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `spark-sandbox` over a temporary directory holding a writable workspace (`ws`) and a
/// sibling outside it (`outside`, with a canary file); removed when the value is released.
final class LauncherFixture {
    /// What `spark-sandbox --probe` reports about this kernel.
    struct Probe {
        var landlock: Int
        var seccomp: Bool
    }

    static let path = BuiltProducts.executable("spark-sandbox")
    /// Read-only system paths every sandboxed program here gets (missing ones are skipped).
    static let systemPaths = ["/usr", "/bin", "/lib", "/lib64", "/etc", "/dev/zero", "/dev/urandom"]
    static let python = "/usr/bin/python3"
    static var hasPython: Bool { access(python, X_OK) == 0 }

    /// The probe, run once (synchronously, for `.enabled(if:)`); nil when the launcher is missing.
    static let probe: Probe? = {
        guard access(path, X_OK) == 0, let pipe = popen("'\(path)' --probe", "r") else { return nil }
        var line = [CChar](repeating: 0, count: 128)
        let read = fgets(&line, Int32(line.count), pipe) != nil
        pclose(pipe)
        guard read else { return nil }
        return parse(String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }()

    static var landlockABI: Int { probe?.landlock ?? 0 }
    static var seccomp: Bool { probe?.seccomp ?? false }

    /// Parses `landlock=<abi> seccomp=<0|1>\n`.
    static func parse(_ line: String) -> Probe? {
        let match = line.wholeMatch(of: /landlock=(\d+) seccomp=([01])\n/)
        guard let match, let abi = Int(match.1) else { return nil }
        return Probe(landlock: abi, seccomp: match.2 == "1")
    }

    let base: String
    let workspace: String
    let outside: String
    let canary: String
    let canaryText = "canary-\(UInt64.random(in: 0...UInt64.max))\n"

    init() throws {
        var template = Array("/tmp/spark-launcher-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ExecutionError("mkdtemp failed", errno: errno)
        }
        base = String(cString: made)
        workspace = base + "/ws"
        outside = base + "/outside"
        canary = outside + "/canary.txt"
        // Readable by others, so the checks hold for a non-root test process too.
        chmod(base, 0o755)
        mkdir(workspace, 0o755)
        mkdir(outside, 0o755)
        try write(canary, canaryText)
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The options every run gets: the system read-only, the workspace and /dev/null writable.
    var baseOptions: [String] {
        Self.systemPaths.flatMap { ["--read", $0] } + ["--write", workspace, "--write", "/dev/null"]
    }

    /// Runs `spark-sandbox <base options> <options> -- <program>` in the workspace.
    func run(_ options: [String], _ program: [String], base: Bool = true) async throws -> ProcessOutcome {
        let arguments = (base ? baseOptions : []) + options + ["--"] + program
        return try await ProcessRunner().run(
            ProcessSpec(
                executable: Self.path, arguments: arguments, workingDirectory: workspace,
                environment: ["PATH": "/usr/bin:/bin", "LANG": "C"], timeout: .seconds(30),
                terminationGrace: .seconds(1), outputLimit: 64 * 1024))
    }

    /// Runs a shell command under the launcher.
    func shell(_ options: [String], _ script: String) async throws -> ProcessOutcome {
        try await run(options, ["/bin/sh", "-c", script])
    }

    /// Python code that forks up to `count` sleeping children and prints how many it started.
    static func forkScript(count: Int) -> String {
        """
        import os, time
        started = 0
        for _ in range(\(count)):
            try:
                pid = os.fork()
            except OSError:
                break
            if pid == 0:
                time.sleep(30)
                os._exit(0)
            started += 1
        print(started)
        """
    }

    /// Runs Python code under the launcher.
    func python(_ options: [String], _ code: String) async throws -> ProcessOutcome {
        try await run(options, [Self.python, "-c", code])
    }
}
