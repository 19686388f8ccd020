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

/// `spark-lsp chat` in a workspace whose own `.spark/config.json` sets an API key: ignored (and said so)
/// until the user trusts it, with `--trust` or at the prompt on a terminal, which is remembered in the
/// user's data directory.
@Suite struct ChatTrustTests {
    /// A workspace with its own API key, and the variables of a run in it.
    private static func untrustedWorkspace(_ environment: ChatEnvironment, _ server: ScriptedModelServer) throws
        -> [String: String]
    {
        let workspace = environment.directory + "/ws"
        try FileManager.default.createDirectory(atPath: workspace + "/.spark", withIntermediateDirectories: true)
        try Data(#"{"apiKey": "workspace-key"}"#.utf8).write(
            to: URL(fileURLWithPath: workspace + "/.spark/config.json"))
        var variables = environment.variables(endpoint: server.endpoint)
        variables["WORKSPACE_DIR"] = workspace
        return variables
    }

    /// Runs `spark-lsp chat hi` on a terminal (util-linux `script` gives it one), typing `answer`.
    private static func chatOnATerminal(answering answer: String, _ variables: [String: String]) async throws
        -> SparkProcess.Exit
    {
        let typing = #"printf '%s\n' "$0" | script -qec "$*" /dev/null"#
        return try await SparkProcess(
            ["chat", "hi"], environment: variables, prefix: ["/bin/sh", "-c", typing, answer]
        ).exit()
    }

    @Test(.enabled(if: access("/usr/bin/script", X_OK) == 0)) func theTerminalPromptTrustsOnYesOnly() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        let variables = try Self.untrustedWorkspace(environment, server)

        server.enqueue(.text("refused"))
        let no = try await Self.chatOnATerminal(answering: "n", variables)
        #expect(no.status == 0, "\(no.stdout)")
        // `script` merges the terminal's output into its stdout.
        #expect(
            no.stdout.contains(
                "sets apiKey, which may change where your requests and API key go. Trust this workspace? [y/N]"))
        #expect(no.stdout.contains("ignored until you trust this workspace"), "\(no.stdout)")
        #expect(server.requests.last?.header("authorization") == nil)

        server.enqueue(.text("trusted"))
        let yes = try await Self.chatOnATerminal(answering: "y", variables)
        #expect(yes.status == 0, "\(yes.stdout)")
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")

        // Remembered: no question the next time.
        server.enqueue(.text("remembered"))
        let again = try await Self.chatOnATerminal(answering: "n", variables)
        #expect(!again.stdout.contains("Trust this workspace?"), "\(again.stdout)")
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")
    }

    @Test func aWorkspaceAPIKeyIsIgnoredUntilTrusted() async throws {
        let environment = try ChatEnvironment()
        defer { environment.remove() }
        let server = try ScriptedModelServer()
        let variables = try Self.untrustedWorkspace(environment, server)

        server.enqueue(.text("one"))
        let ignored = try await SparkProcess(["chat", "hi"], environment: variables).exit()
        #expect(ignored.status == 0, "stderr: \(ignored.stderr)")
        #expect(ignored.stderr.contains("sets apiKey, ignored until you trust this workspace (--trust)"))
        #expect(server.requests.last?.header("authorization") == nil)

        server.enqueue(.text("two"))
        let trusted = try await SparkProcess(["chat", "--trust", "hi"], environment: variables).exit()
        #expect(trusted.status == 0, "stderr: \(trusted.stderr)")
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")

        // Remembered outside the workspace: the next run needs no flag.
        server.enqueue(.text("three"))
        let remembered = try await SparkProcess(["chat", "hi"], environment: variables).exit()
        #expect(!remembered.stderr.contains("ignored"))
        #expect(server.requests.last?.header("authorization") == "Bearer workspace-key")
        #expect(
            FileManager.default.fileExists(
                atPath: environment.directory + "/.local/share/spark-lsp/trusted-workspaces.json"))
    }
}
