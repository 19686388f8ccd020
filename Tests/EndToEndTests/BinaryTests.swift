import AgentCore
import SparkJSON
import SparkLSP
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

/// The built `spark-lsp` over pipes.
@Suite struct BinaryTests {
    @Test(arguments: [["--stdio"], [], ["serve"]])
    func servesAndExitsZeroAfterShutdown(arguments: [String]) async throws {
        let (process, client) = try EndToEnd.launch(arguments: arguments)
        let result = try await client.initialize()
        #expect(result.serverInfo?.version == sparkLSPVersion)
        let uri = "file:///tmp/e2e.txt"
        client.notify(
            DidOpenTextDocumentNotification(
                textDocument: TextDocumentItem(uri: uri, languageId: "text", version: 1, text: "日本\n")))
        client.notify(
            DidChangeTextDocumentNotification(
                textDocument: VersionedTextDocumentIdentifier(uri: uri, version: 2),
                contentChanges: [
                    TextDocumentContentChangeEvent(
                        range: LSPRange(start: Position(line: 0, character: 1), end: Position(line: 0, character: 1)),
                        text: "🙂")
                ]))
        #expect(try await client.send(DebugDocumentRequest(uri: uri)) == DebugDocumentResult(text: "日🙂本\n", version: 2))
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    @Test func endOfInputWithoutShutdownExitsOne() async throws {
        let (process, client) = try EndToEnd.launch()
        try await client.initialize()
        client.closeOutput()
        #expect(await EndToEnd.exitCode(of: process) == 1)
    }

    @Test func endOfInputAfterShutdownExitsZero() async throws {
        let (process, client) = try EndToEnd.launch()
        try await client.initialize()
        _ = try await client.send(ShutdownRequest())
        client.closeOutput()
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    @Test func immediateEndOfInputAndCutMessageExitOneWithoutCrashing() async throws {
        let (silent, silentClient) = try EndToEnd.launch()
        silentClient.closeOutput()
        #expect(await EndToEnd.exitCode(of: silent) == 1)

        let (cut, cutClient) = try EndToEnd.launch()
        cutClient.writeRaw(Array("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",".utf8))
        cutClient.closeOutput()
        #expect(await EndToEnd.exitCode(of: cut) == 1)
    }

    @Test func badInputGetsErrorsAndTheBinaryKeepsServing() async throws {
        let (process, client) = try EndToEnd.launch()
        try await client.initialize()
        client.writeFrame("not json")
        #expect(try await client.nextUnmatchedResponse().error?.code == .parseError)
        client.writeFrame("[]")
        #expect(try await client.nextUnmatchedResponse().error?.code == .invalidRequest)
        client.writeRaw(Array("Content-Length: x\r\n\r\n".utf8))
        #expect(try await client.nextUnmatchedResponse().error?.code == .parseError)
        #expect(
            try await client.send(
                CodeActionRequest(
                    textDocument: TextDocumentIdentifier(uri: "file:///a"),
                    range: LSPRange(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)),
                    context: CodeActionContext(diagnostics: []))) == [])
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    @Test func stdoutIsPointedAtStderrSoStrayPrintsCannotCorruptTheStream() async throws {
        let directory = try EndToEnd.temporaryDirectory()
        let stderrPath = directory + "/stderr.log"
        let process = try ChildProcess(executable: EndToEnd.binary, arguments: ["--stdio"], stderrPath: stderrPath)
        let client = TestLSPClient(input: process.stdoutFD, output: process.stdinFD)
        try await client.initialize()  // start-up is done once initialize is answered
        #expect(link("/proc/\(process.pid)/fd/1") == stderrPath)
        #expect(link("/proc/\(process.pid)/fd/2") == stderrPath)
        client.closeOutput()
        #expect(await EndToEnd.exitCode(of: process) == 1)
    }

    private func link(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func frameLimitFlagRefusesLargerMessages() async throws {
        let (process, client) = try EndToEnd.launch(arguments: ["--stdio", "--max-message-mib", "1"])
        try await client.initialize()
        let big = String(repeating: " ", count: 2 << 20)
        client.writeFrame(#"{"jsonrpc":"2.0","id":"big","method":"shutdown"}"# + big)
        let refused = try await client.nextUnmatchedResponse()
        #expect(refused.id == nil && refused.error?.code == .invalidRequest)
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
    }

    @Test func versionAndHelp() async throws {
        #expect(try await output(of: ["--version"]).contains(sparkLSPVersion))
        let help = try await output(of: ["--help"])
        for variable in [
            "VLLM_ENDPOINT", "SUPERVISOR_MODEL", "RAG_MODEL", "CODING_MODEL", "IMAGE_MODEL", "WORKSPACE_DIR",
            "ENABLE_CODE_EXECUTION", "SPARK_DATA_DIR", "SPARK_CONFIG", "VLLM_API_KEY",
        ] {
            #expect(help.contains(variable), "help lacks \(variable)")
        }
        #expect(!help.contains("SPARK_LSP_TEST"))
    }

    @Test func logFileReceivesTheLogs() async throws {
        let directory = try EndToEnd.temporaryDirectory()
        let logPath = directory + "/spark.log"
        let (process, client) = try EndToEnd.launch(arguments: [
            "--stdio", "--log-file", logPath, "--log-level", "debug",
        ])
        try await client.initialize()
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        #expect(await EndToEnd.exitCode(of: process) == 0)
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("Initialized by TestLSPClient"))
    }

    /// Everything the binary writes to stdout for `arguments`.
    private func output(of arguments: [String]) async throws -> String {
        try await EndToEnd.output(of: EndToEnd.binary, arguments).output
    }
}
