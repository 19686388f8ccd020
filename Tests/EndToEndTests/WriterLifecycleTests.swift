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

/// The built `spark-lsp`'s writer at the ends of a session: what is queued at `exit` or end of input still
/// reaches the client, and a client that closes its end of stdout ends the writer without ending the server.
@Suite struct WriterLifecycleTests {
    static let initialize = #"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}}"#
    static let shutdown = #"{"jsonrpc":"2.0","id":"shutdown","method":"shutdown"}"#
    static let exit = #"{"jsonrpc":"2.0","method":"exit"}"#
    /// About 600 KiB of answers: far more than the pipe holds, so the writer is still at work at the end.
    static let count = 5000

    /// A request the server answers at once, in order, from its message loop (-32601).
    static func unknown(_ number: Int) -> String { #"{"jsonrpc":"2.0","id":\#(number),"method":"test/unknown"}"# }

    @Test(arguments: [true, false])
    func framesQueuedBeforeExitOrEndOfInputReachTheClient(sendsExit: Bool) async throws {
        let (process, client) = try EndToEnd.launch()
        // Written in one go, so the server's answers are still queued when it reaches the end.
        client.writeFrame(Self.initialize)
        for number in 0..<Self.count { client.writeFrame(Self.unknown(number)) }
        client.writeFrame(Self.shutdown)
        if sendsExit { client.writeFrame(Self.exit) } else { client.closeOutput() }
        #expect(await EndToEnd.exitCode(of: process) == 0)
        var ids: [RequestID?] = []
        for _ in 0..<(Self.count + 2) { ids.append(try await client.nextUnmatchedResponse().id) }
        #expect(ids == [.string("init")] + (0..<Self.count).map { .number($0) } + [.string("shutdown")])
    }

    @Test func aClientThatClosesItsEndOfStdoutEndsTheWriterAndTheServerStillExitsCleanly() async throws {
        let directory = try EndToEnd.temporaryDirectory()
        let logPath = directory + "/stderr.log"
        let process = try ChildProcess(executable: EndToEnd.binary, arguments: ["--stdio"], stderrPath: logPath)
        close(process.stdoutFD)
        let nowhere = try Pipe.make()  // the client reads nothing from the server
        defer { close(nowhere.write) }
        let client = TestLSPClient(input: nowhere.read, output: process.stdinFD)
        client.writeFrame(Self.initialize)
        for number in 0..<100 { client.writeFrame(Self.unknown(number)) }
        client.writeFrame(Self.shutdown)
        client.writeFrame(Self.exit)
        // 0, not 141: no SIGPIPE, and `shutdown` was handled after the writes began to fail.
        #expect(await EndToEnd.exitCode(of: process) == 0)
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(log.contains("The client stopped reading (write failed: Broken pipe)"))
    }
}
