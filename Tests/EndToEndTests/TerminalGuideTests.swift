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

/// `spark-lsp` started by a person on a terminal says what it is and how the setup looks, on stderr only; started
/// by an editor (pipes) it says nothing of the kind.
@Suite struct TerminalGuideTests {
    @Test(.enabled(if: access("/usr/bin/script", X_OK) == 0)) func onATerminalTheGuideAndTheSummaryGoToStderr()
        async throws
    {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer(models: ["test-model"])
        let variables = environment.variablesServingEveryAgent(server)
        let errors = environment.directory + "/stderr.txt"
        // util-linux `script` gives the server a terminal; its stdin (/dev/null here) ends with an end of input,
        // which ends the server. The terminal shows only the server's stdout: stderr goes to a file.
        let exit = try await SparkProcess(
            ["--stdio"], environment: variables,
            prefix: ["/bin/sh", "-c", #"script -qec "$* 2>$0" /dev/null"#, errors]
        ).exit()
        #expect(exit.stdout.isEmpty, "nothing on stdout: \(exit.stdout.debugDescription)")
        let stderr = try String(contentsOfFile: errors, encoding: .utf8)
        #expect(stderr.contains("It speaks the Language Server Protocol on stdin and stdout"), "\(stderr)")
        #expect(stderr.contains("any LSP client, with the command `spark-lsp --stdio`"))
        let summary = try #require(stderr.split(separator: "\n").first { $0.hasPrefix("spark-lsp: doctor: ") })
        #expect(summary.hasSuffix("(details: spark-lsp doctor)"))
        // The summary comes from checks that ran (short timeouts: under load a probe may time out, so the verdict
        // itself is not asserted here; DoctorCommandTests does).
        #expect(server.requests.contains { $0.path == "/v1/models" }, "\(summary)")
    }

    @Test func onPipesNothingExtraIsPrinted() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        let exit = try await SparkProcess(["--stdio"], environment: environment.variables(endpoint: server.endpoint))
            .exit()
        #expect(exit.stdout.isEmpty)
        #expect(!exit.stderr.contains("Language Server Protocol"), "\(exit.stderr)")
        #expect(!exit.stderr.contains("doctor"))
        #expect(server.requests.isEmpty, "no checks run behind an editor's back")
    }
}
