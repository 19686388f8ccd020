import AgentCore
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

/// The real binary in headless Neovim: list a quick fix for a diagnostic, run it, and see the
/// coding agent's edit land in the buffer through `workspace/applyEdit`. The coding agent's
/// `file_write` here is the binary's test tool (`SPARK_LSP_TEST_TOOLS=file_write`).
@Suite struct NeovimQuickFixTests {
    @Test func aQuickFixEditLandsInTheBuffer() async throws {
        let neovim = try #require(NeovimTests.neovim, "install Neovim (apt-get install neovim)")
        let directory = try EndToEnd.temporaryDirectory()
        let file = directory + "/sample.py"
        try "x = 1\nprint(y)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let model = try ScriptedModelServer()
        model.enqueue(
            .toolCalls([
                ScriptedToolCall(
                    name: "file_write", arguments: ["path": .string(file), "content": "x = 1\nprint(x)\n"])
            ]))
        model.enqueue(.text("Fixed."))
        let resultPath = directory + "/result.txt"
        let process = try ChildProcess(
            executable: neovim,
            arguments: [
                "--headless", "-n", "-i", "NONE", "-u", "NONE", "--noplugin", "-c",
                "luafile \(EndToEnd.sourceDirectory)/Editor/quickfix_check.lua",
            ],
            environment: [
                "SPARK_LSP_BIN": EndToEnd.binary, "SPARK_TEST_FILE": file,
                "SPARK_TEST_ENDPOINT": model.endpoint.baseURL,
                "SPARK_TEST_RESULT": resultPath, "SPARK_DATA_DIR": directory + "/data",
                "SPARK_LSP_TEST_TOOLS": "file_write",
            ],
            stderrPath: directory + "/nvim.stderr")
        close(process.stdinFD)
        close(process.stdoutFD)
        let code = await EndToEnd.exitCode(of: process, timeout: .seconds(90))
        let result = (try? String(contentsOfFile: resultPath, encoding: .utf8)) ?? "no result file"
        #expect(code == 0, "\(result)")
        #expect(result.hasPrefix("PASS"), "\(result)")
        #expect(model.requests.count == 2, "one coding turn with the tool call, one after it; no supervisor")
        #expect(
            try String(contentsOfFile: file, encoding: .utf8) == "x = 1\nprint(y)\n", "the buffer changed, not the file"
        )
    }
}
