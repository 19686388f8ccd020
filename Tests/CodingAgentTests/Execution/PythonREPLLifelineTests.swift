import AgentCore
import SparkJSON
import Testing

@testable import CodingAgent

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite(.timeLimit(.minutes(2))) struct PythonREPLLifelineTests {
    @Test func theDriverExitsWhenTheToolGoesAwayEvenInAnEndlessLoop() async throws {
        let directory = try ExecutionFixture.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let python = try #require(
            ToolchainLocator(searchPath: ExecutionFixture().toolkit.options.searchPath).locate("python3"))
        let configuration = PythonREPLConfiguration(
            python: python, workspaceRoot: directory, directory: directory, environment: ["PATH": "/usr/bin:/bin"],
            sandbox: Sandbox(bubblewrap: nil, launcher: nil, state: .optedOut(reason: "test")),
            layout: SandboxLayout(toolchainDirectories: []), outputLimit: 4096, interruptGrace: .seconds(1))
        let process = await DetachedThread.run { try? PythonREPLProcess.start(configuration) }
        let started = try #require(process)
        let cancel = try CancelSignal()
        defer { cancel.close() }
        let code =
            "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nprint('looping', flush=True)\nwhile True: pass"
        async let reply = DetachedThread.run {
            started.execute(code, timeout: .seconds(600), cancel: cancel.readDescriptor)
        }
        started.closeLifeline()
        let result = await reply
        #expect(result.status == .exited)
        #expect(result.error?.contains("exit code 70") == true, "\(String(describing: result.error))")
    }
}
