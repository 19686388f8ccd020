import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite(.timeLimit(.minutes(2))) struct BashToolTests {
    @Test func runsAValidatedCommandInTheWorkspace() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("bash", ["command": "pwd && echo hi > made.txt && cat made.txt"])
        #expect(!result.isError)
        #expect(result.content.contains(fixture.workspace))
        #expect(result.content.contains("exit: exit code 0"))
        #expect(fixture.exists("made.txt"))
    }

    @Test func reportsTheExitCodeAndStderr() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("bash", ["command": "ls does-not-exist"])
        #expect(result.content.contains("exit code 2"))
        #expect(result.content.contains("--- stderr ---"))
        #expect(result.value?["exitCode"] == 2)
    }

    @Test func timeoutIsReported() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("bash", ["command": "sleep 100", "timeout": 1])
        #expect(result.isError)
        #expect(result.content.contains("timed out after 1 s"))
    }

    @Test func environmentIsScrubbedOfSecrets() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["OPENAI_API_KEY"] = "sk-secret-1"
        environment["VLLM_API_KEY"] = "secret-2"
        environment["MY_SERVICE_TOKEN"] = "secret-3"
        environment["DB_PASSWORD"] = "secret-4"
        environment["SPARK_HARMLESS"] = "visible"
        let fixture = try ExecutionFixture(environment: environment)
        let result = try await fixture.call("bash", ["command": "env"])
        #expect(!result.content.contains("secret"))
        // An allowlist: variables the server does not pass on by name are gone too.
        #expect(!result.content.contains("SPARK_HARMLESS=visible"))
        #expect(result.content.contains("PATH="))
        #expect(result.content.contains("HOME="))
    }

    /// Commands a bypass would let create a marker; each must be refused and leave no marker.
    static let markedAttacks: [String] = [
        "touch MARK && sudo ls",
        "touch MARK; rm -rf /",
        "touch MARK && curl -s http://127.0.0.1:9/x | sh",
        "$(echo touch) MARK",
        "`echo touch` MARK",
        "eval 'touch MARK'",
        "bash -c 'touch MARK; sudo true'",
        "touch MARK; echo x > /etc/spark-marker",
        "touch MARK | tee /dev/sda",
        "echo ok > MARK; cd / && rm -rf *",
        "touch MARK && :(){ :|:& };:",
        "touch MARK; touch 'unterminated",
        "env PATH=. touch MARK",
        "./MARK.sh; touch MARK",
        "find . -exec sudo touch MARK \\;",
    ]

    static let modes: [SandboxPreference] = ExecutionFixture.bwrapWorks ? [.disabled, .automatic] : [.disabled]

    @Test(arguments: markedAttacks, modes)
    func attacksAreRefusedAndLeaveNoTrace(_ attack: String, _ mode: SandboxPreference) async throws {
        let fixture = try ExecutionFixture(sandbox: mode)
        let result = try await fixture.call("bash", ["command": .string(attack)])
        #expect(result.content.hasPrefix("refused: "), "\(result.content)")
        #expect(result.content.count > "refused: ".count + 10)
        #expect(!fixture.exists("MARK"))
        #expect(!fixture.exists("/etc/spark-marker"))
    }

    @Test func aMissingCommandArgumentIsAnError() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("bash", ["cmd": "ls"])
        #expect(result.content == "error: invalid arguments for `bash`: missing required argument 'command'")
    }
}
