import AgentCore
import CodingAgent
import Testing

@Suite struct DisabledExecutionTests {
    @Test func disabledExecutionOffersNoToolsAndRefusesCalls() async throws {
        let fixture = try ExecutionFixture(enabled: false)
        #expect(fixture.toolkit.tools.isEmpty)
        let context = ToolContext(sessionID: "s", agentName: "coding", toolCallID: "t")
        let tools: [any AgentTool] = [
            BashTool(toolkit: fixture.toolkit), ExecuteCodeTool(toolkit: fixture.toolkit),
            PythonREPLTool(toolkit: fixture.toolkit),
        ]
        for tool in tools {
            let result = try await tool.call(
                ["command": "touch MARK", "code": "print(1)", "language": "python"], context: context)
            #expect(result.content == "refused: code execution is disabled (ENABLE_CODE_EXECUTION=false)")
        }
        #expect(!fixture.exists("MARK"))
    }

    @Test func enabledOffersTheThreeTools() throws {
        let fixture = try ExecutionFixture()
        #expect(fixture.toolkit.tools.map(\.name) == ["execute_code", "python_repl", "bash"])
    }

    @Test(arguments: ["false", "0", "no", "OFF"])
    func theEnvironmentFlagDisables(_ flag: String) {
        let options = ExecutionOptions.fromEnvironment(["ENABLE_CODE_EXECUTION": flag], workspaceRoot: "/w")
        #expect(!options.enableCodeExecution)
    }

    @Test func theEnvironmentCanTurnTheSandboxOff() {
        #expect(ExecutionOptions.fromEnvironment([:], workspaceRoot: "/w").sandbox == .automatic)
        let options = ExecutionOptions.fromEnvironment(["CODE_EXECUTION_SANDBOX": "off"], workspaceRoot: "/w")
        #expect(options.sandbox == .disabled)
        #expect(options.enableCodeExecution)
    }

    @Test func theEnvironmentConfiguresTimeouts() {
        let options = ExecutionOptions.fromEnvironment(
            ["ENABLE_CODE_EXECUTION": "true", "CODE_EXECUTION_TIMEOUT": "5", "CODE_EXECUTION_MAX_TIMEOUT": "9"],
            workspaceRoot: "/w")
        #expect(options.enableCodeExecution)
        #expect(options.defaultTimeout == .seconds(5))
        #expect(options.timeout(requestedSeconds: 100) == .seconds(9))
        #expect(options.timeout(requestedSeconds: nil) == .seconds(5))
        #expect(options.timeout(requestedSeconds: 0.1) == .seconds(1))
    }

    @Test func childrenGetAnAllowlistAndNeverASecretValue() {
        let environment = ChildEnvironment(base: [
            "PATH": "/bin", "HOME": "/root", "LANG": "C.UTF-8", "LC_ALL": "C", "OPENAI_API_KEY": "sk-1",
            "VLLM_API_KEY": "vk-2", "GITHUB_TOKEN": "x", "AWS_SECRET_ACCESS_KEY": "x", "MY_PASSWORD_FILE": "x",
            "EDITOR": "vi", "INNOCENT_NAME": "vk-2", "LD_PRELOAD": "/evil.so",
        ])
        #expect(environment.make() == ["PATH": "/bin", "HOME": "/root", "LANG": "C.UTF-8", "LC_ALL": "C"])
        // What a run plan adds is kept, unless its value is one of the server's secrets.
        #expect(environment.make(adding: ["GOCACHE": "/s", "COPY": "sk-1"])["GOCACHE"] == "/s")
        #expect(environment.make(adding: ["COPY": "sk-1"])["COPY"] == nil)
    }

    @Test func theSandboxPreferenceAndLauncherComeFromTheEnvironment() {
        #expect(
            ExecutionOptions.fromEnvironment(["CODE_EXECUTION_SANDBOX": "off"], workspaceRoot: "/w").sandbox
                == .disabled)
        #expect(
            ExecutionOptions.fromEnvironment(["CODE_EXECUTION_SANDBOX": "launcher"], workspaceRoot: "/w").sandbox
                == .launcherOnly)
        #expect(ExecutionOptions.fromEnvironment([:], workspaceRoot: "/w").sandbox == .automatic)
        #expect(
            ExecutionOptions.fromEnvironment(["SPARK_SANDBOX_LAUNCHER": "/x/l"], workspaceRoot: "/w").launcherPath
                == "/x/l")
        #expect(ExecutionOptions.defaultLauncherPath?.hasSuffix("/spark-sandbox") == true)
    }
}
