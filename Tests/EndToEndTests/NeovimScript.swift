import SparkTestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// Runs one of the Lua scripts under `Neovim/` in headless Neovim. The script writes `PASS: ...` or `FAIL: ...`
/// to `SPARK_TEST_RESULT` (see `harness.lua`) and exits non-zero on FAIL.
enum NeovimScript {
    /// What one Neovim run left behind.
    struct Outcome {
        var code: Int32
        var result: String
        var passed: Bool { code == 0 && result.hasPrefix("PASS") }
        var failed: Bool { code != 0 && result.hasPrefix("FAIL") }
    }

    /// The repository's root (for `editors/neovim` and the Makefile).
    static var repository: String {
        EndToEnd.sourceDirectory.split(separator: "/", omittingEmptySubsequences: false).dropLast(2)
            .joined(separator: "/")
    }

    /// The plugin in the repository.
    static var pluginDirectory: String { repository + "/editors/neovim" }

    /// Runs `script` with `environment` (added to this process's) in `directory`, where the result file, Neovim's
    /// stderr and the defaults `SPARK_TEST_RESULT` and `SPARK_PLUGIN_DIR` go. `startup` replaces the default
    /// `-u NONE --noplugin` (the install test starts Neovim with an init file instead).
    static func run(
        _ script: String, in directory: String, environment extra: [String: String],
        startup: [String] = ["-u", "NONE", "--noplugin"], timeout: Duration = .seconds(120)
    ) async throws -> Outcome {
        let neovim = try #require(NeovimTests.neovim, "install Neovim (apt-get install neovim)")
        let resultPath = directory + "/result.txt"
        var environment = ["SPARK_TEST_RESULT": resultPath, "SPARK_PLUGIN_DIR": pluginDirectory]
        environment.merge(extra) { _, new in new }
        let process = try ChildProcess(
            executable: neovim,
            arguments: ["--headless", "-n", "-i", "NONE"] + startup + [
                "-c", "luafile \(EndToEnd.sourceDirectory)/Neovim/\(script)",
            ],
            environment: environment, stderrPath: directory + "/nvim.stderr")
        close(process.stdinFD)
        close(process.stdoutFD)
        let code = await EndToEnd.exitCode(of: process, timeout: timeout)
        let result = (try? String(contentsOfFile: resultPath, encoding: .utf8)) ?? "no result file (exit \(code))"
        return Outcome(code: code, result: result)
    }
}
