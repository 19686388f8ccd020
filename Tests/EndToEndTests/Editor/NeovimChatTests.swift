#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SparkTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real binary in headless Neovim: a `spark/chat` whose events arrive in order and add up to the reply.
@Suite struct NeovimChatTests {
    @Test func chatEventsArriveInOrderInNeovim() async throws {
        let neovim = try #require(NeovimTests.neovim, "install Neovim (apt-get install neovim)")
        let model = try ScriptedModelServer()
        model.enqueue(.text("Hello from Spark", chunks: 3))
        let directory = try EndToEnd.temporaryDirectory()
        let resultPath = directory + "/result.txt"
        let process = try ChildProcess(
            executable: neovim,
            arguments: [
                "--headless", "-n", "-i", "NONE", "-u", "NONE", "--noplugin", "-c",
                "luafile \(EndToEnd.sourceDirectory)/Editor/chat_check.lua",
            ],
            environment: [
                "SPARK_LSP_BIN": EndToEnd.binary, "SPARK_TEST_DIR": directory, "SPARK_TEST_ENDPOINT": model.endpoint.baseURL,
                "SPARK_TEST_RESULT": resultPath, "SPARK_DATA_DIR": directory + "/data",
            ],
            stderrPath: directory + "/nvim.stderr")
        close(process.stdinFD)
        close(process.stdoutFD)
        let code = await EndToEnd.exitCode(of: process, timeout: .seconds(90))
        let result = (try? String(contentsOfFile: resultPath, encoding: .utf8)) ?? "no result file"
        #expect(code == 0, "\(result)")
        #expect(result.hasPrefix("PASS"), "\(result)")
        #expect(model.requests.last?.body?["model"] == "test-model")
    }
}
