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

/// The real editor: headless Neovim attaches spark-lsp, edits a file incrementally with
/// multi-byte text and compares its buffer with `spark/debug/document` after each step.
@Suite struct NeovimTests {
    static let neovim: String? = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { access($0, X_OK) == 0 }

    private func runNeovim(environment extra: [String: String] = [:]) async throws -> (code: Int32, result: String) {
        let directory = try EndToEnd.temporaryDirectory()
        let file = directory + "/sample.txt"
        try "hello wörld\nabc\nxyz 👍 end\n".write(toFile: file, atomically: true, encoding: .utf8)
        let resultPath = directory + "/result.txt"
        var environment = ["SPARK_LSP_BIN": EndToEnd.binary, "SPARK_TEST_FILE": file, "SPARK_TEST_RESULT": resultPath]
        environment.merge(extra) { _, new in new }
        let process = try ChildProcess(
            executable: try #require(Self.neovim, "install Neovim (apt-get install neovim)"),
            arguments: [
                "--headless", "-n", "-i", "NONE", "-u", "NONE", "--noplugin", "-c",
                "luafile \(EndToEnd.sourceDirectory)/Neovim/sync_check.lua",
            ],
            environment: environment, stderrPath: directory + "/nvim.stderr")
        close(process.stdinFD)
        close(process.stdoutFD)
        let code = await EndToEnd.exitCode(of: process, timeout: .seconds(90))
        let result = (try? String(contentsOfFile: resultPath, encoding: .utf8)) ?? "no result file"
        return (code, result)
    }

    @Test func serverTextMatchesTheBufferAfterMultiByteIncrementalEdits() async throws {
        let (code, result) = try await runNeovim()
        #expect(code == 0, "\(result)")
        #expect(result.hasPrefix("PASS"), "\(result)")
    }

    @Test func theCheckFailsWhenTheServerDropsAChange() async throws {
        let (code, result) = try await runNeovim(environment: ["SPARK_LSP_TEST_DROP_DIDCHANGE": "2"])
        #expect(code != 0)
        #expect(result.hasPrefix("FAIL") && result.contains("mismatch"), "\(result)")
    }
}
