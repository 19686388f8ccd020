import SparkJSON
import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// One `spark-lsp` process of the soak and its client. Every process of a soak runs on the same workspace and the
/// same data directory (so a restart after a kill opens the same sessions database), with short model timeouts.
struct SoakServer {
    let process: ChildProcess
    let client: TestLSPClient

    /// The capabilities of the soak's editor: versioned edits through `workspace/applyEdit`.
    static let capabilities: JSONValue = [
        "workspace": ["applyEdit": true, "workspaceEdit": ["documentChanges": true]]
    ]

    /// Starts the binary with `environment` and initializes it; `editor` opens its buffers in it.
    static func launch(environment: [String: String], workspace: String, editor: SoakEditor, logPath: String)
        async throws -> SoakServer
    {
        let process = try ChildProcess(
            executable: EndToEnd.binary, arguments: ["--stdio"], environment: environment, stderrPath: logPath)
        let client = TestLSPClient(input: process.stdoutFD, output: process.stdinFD, timeout: .seconds(60))
        editor.attach(client)
        _ = try await client.initialize(
            capabilities: ClientCapabilities(capabilities), rootURI: FileURI.uri(fromPath: workspace))
        editor.openBuffers(in: client)
        return SoakServer(process: process, client: client)
    }

    /// `shutdown`, `exit`, and the exit code (0 expected).
    func shutdown() async throws -> Int32 {
        _ = try await client.send(ShutdownRequest())
        client.notify(ExitNotification())
        return await EndToEnd.exitCode(of: process)
    }

    /// `VmRSS` of the server, in bytes.
    func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (line.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap { Int($0) } ?? 0) << 10
    }
}
