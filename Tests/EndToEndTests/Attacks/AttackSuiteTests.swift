import AgentCore
import SparkJSON
import SparkTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The attack suite of `docs/security.md`: every case, run as a scripted tool call through the built
/// `spark-lsp chat` binary, under every sandbox configuration and as root and an unprivileged user. Proven
/// by evidence (`AttackWorld.breaches`), never by the wording of a refusal.
@Suite(.serialized) struct AttackSuiteTests {
    static let configurations: [AttackWorld.Configuration] = {
        var all: [AttackWorld.Configuration] = [
            .init(name: "every layer", environment: [:]),
            .init(name: "launcher alone", environment: ["CODE_EXECUTION_SANDBOX": "launcher"]),
            .init(name: "bubblewrap alone", environment: ["SPARK_SANDBOX_LAUNCHER": "/nonexistent/spark-sandbox"]),
            .init(name: "execution disabled", environment: ["ENABLE_CODE_EXECUTION": "false"]),
        ]
        if getuid() == 0, access("/usr/bin/setpriv", X_OK) == 0 {
            all.append(.init(name: "every layer, unprivileged server", environment: [:], uid: 65534))
            all.append(
                .init(
                    name: "launcher alone, unprivileged server", environment: ["CODE_EXECUTION_SANDBOX": "launcher"],
                    uid: 65534))
        }
        return all
    }()

    @Test(arguments: configurations)
    func nothingGetsOut(_ configuration: AttackWorld.Configuration) async throws {
        var failures: [String] = []
        for attack in AttackCase.all {
            failures += try await run(attack, configuration)
        }
        let report = failures.joined(separator: "\n")
        #expect(failures.isEmpty, "\(configuration): \(failures.count) breaches\n\(report)")
    }

    /// The control: with the sandbox opted out (`CODE_EXECUTION_SANDBOX=off`, only the command checks left),
    /// the same evidence does see attacks get out, so a clean run above means something.
    @Test func theEvidenceSeesAnEscapeWithoutTheSandbox() async throws {
        let optedOut = AttackWorld.Configuration(name: "opted out", environment: ["CODE_EXECUTION_SANDBOX": "off"])
        for attack in AttackCase.all
        where [
            "interpreter", "execute_code python", "/proc environ", "fork bomb", "git hook and config",
        ].contains(attack.name) {
            let breaches = try await run(attack, optedOut)
            #expect(!breaches.isEmpty, "\(attack) got nothing out without the sandbox")
        }
    }

    /// Runs one attack and returns what got out (and a run that did not complete).
    private func run(_ attack: AttackCase, _ configuration: AttackWorld.Configuration) async throws -> [String] {
        let world = try AttackWorld()
        defer { world.remove() }
        let server = try ScriptedModelServer(models: ["test-model"])
        var arguments: [String: JSONValue] = [:]
        for (key, value) in attack.arguments {
            arguments[key] = value.stringValue.map { .string(world.fill($0)) } ?? value
        }
        server.enqueue(.toolCalls([ScriptedToolCall(id: "attack", name: attack.tool, arguments: .object(arguments))]))
        server.enqueue(.text("done"))
        var prefix: [String] = []
        if let uid = configuration.uid {
            world.handOver(to: uid)
            prefix = ["/usr/bin/setpriv", "--reuid", "\(uid)", "--regid", "\(uid)", "--clear-groups", "--"]
        }
        let process = try SparkProcess(
            ["chat", "--agent", "coding", "--yes", "--json", "go"],
            environment: world.environment(endpoint: server.endpoint, configuration: configuration), prefix: prefix)
        let exit = try await process.exit(timeout: .seconds(90))
        let result = exit.events.first { $0["kind"] == "toolResult" }
        var failures: [String] = []
        if exit.status != 0 || result == nil {
            failures.append("\(attack): the run did not complete (exit \(exit.status)): \(exit.stderr.suffix(300))")
        }
        for breach in world.breaches(exit: exit, requests: server.requests) {
            failures.append("\(attack): \(breach); result: \(result?["content"]?.stringValue?.prefix(300) ?? "none")")
        }
        return failures
    }
}
