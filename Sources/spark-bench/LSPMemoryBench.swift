import AgentCore
import ArgumentParser
import SparkJSON
import SparkLSP
import SparkTestSupport

/// Idle resident memory after `initialized`.
struct LSPMemoryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp-memory", abstract: "Idle RSS of spark-lsp after initialized.")

    @Option(help: "The spark-lsp binary (default: next to spark-bench).") var sparkLSP: String?
    /// The default is the command line vscode-languageclient uses.
    @Option(help: "spark-lsp's arguments, space-separated (--spark-arguments='--stdio --log-level error').")
    var sparkArguments = "--stdio"

    func run() async throws {
        let spark = sparkLSP ?? BuiltProducts.executable("spark-lsp")
        let arguments = sparkArguments.split(separator: " ").map(String.init)
        let kib = try await DetachedThread.run { () -> Result<Int?, any Error> in
            Result {
                let session = try LSPProcessSession(executable: spark, arguments: arguments)
                defer { session.stop() }
                session.write(LSPProcessSession.initialize)
                _ = try session.awaitResponse(id: 1)
                session.write(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
                // A round trip after `initialized` proves it was processed.
                session.write(
                    #"{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///x"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}"#
                )
                _ = try session.awaitResponse(id: 2)
                return session.residentKiB()
            }
        }.get()
        guard let kib else { throw BenchError("could not read VmRSS") }
        print("idle RSS after initialized: \(Statistics.format(Double(kib) / 1024, digits: 1)) MiB (target < 20 MiB)")
    }
}
