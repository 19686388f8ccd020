import AgentCore
import CodingAgent
import Testing

/// The REPL in both modes: unsandboxed, and inside bwrap where it can run.
@Suite(.timeLimit(.minutes(3))) struct PythonREPLToolTests {
    static let modes: [SandboxPreference] = ExecutionFixture.bwrapWorks ? [.disabled, .automatic] : [.disabled]

    @Test(arguments: modes)
    func variablesSurviveBetweenCallsAndTheLastExpressionIsShown(_ mode: SandboxPreference) async throws {
        let fixture = try ExecutionFixture(sandbox: mode)
        defer { Task { await fixture.toolkit.shutdown() } }
        let first = try await fixture.call("python_repl", ["code": "x = 40\nprint('set')"])
        #expect(first.content == "set", "\(first.content)")
        let second = try await fixture.call("python_repl", ["code": "def f(n):\n    return n + 2\nf(x)"])
        #expect(second.content == "42")
        let third = try await fixture.call("python_repl", ["code": "[x, 'a']"])
        #expect(third.content == "[40, 'a']")
        let none = try await fixture.call("python_repl", ["code": "None"])
        #expect(none.content == "(no output)")
        await fixture.toolkit.shutdown()
    }

    @Test(arguments: modes)
    func aHungStatementIsInterruptedAndTheSessionSurvives(_ mode: SandboxPreference) async throws {
        let fixture = try ExecutionFixture(sandbox: mode)
        _ = try await fixture.call("python_repl", ["code": "x = 7"])
        let hung = try await fixture.call("python_repl", ["code": "while True: pass", "timeout": 1])
        #expect(hung.isError)
        #expect(hung.content.contains("KeyboardInterrupt"), "\(hung.content)")
        #expect(hung.value?["status"] == "interrupted")
        let after = try await fixture.call("python_repl", ["code": "x"])
        #expect(after.content == "7", "\(after.content)")
        await fixture.toolkit.shutdown()
    }

    @Test func aStatementIgnoringTheInterruptIsKilledAndRestarted() async throws {
        let fixture = try ExecutionFixture()
        _ = try await fixture.call("python_repl", ["code": "x = 7"])
        let stubborn = try await fixture.call(
            "python_repl",
            ["code": "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True: pass", "timeout": 1])
        #expect(stubborn.value?["status"] == "killed")
        #expect(stubborn.content.contains("was killed"))
        let after = try await fixture.call("python_repl", ["code": "'x' in globals()"])
        #expect(after.content == "False")
        await fixture.toolkit.shutdown()
    }

    @Test func resetStartsFresh() async throws {
        let fixture = try ExecutionFixture()
        _ = try await fixture.call("python_repl", ["code": "x = 1"])
        let reset = try await fixture.call("python_repl", ["code": "'x' in dir()", "reset": true])
        #expect(reset.content.contains("reset"))
        #expect(reset.content.hasSuffix("False"))
        let onlyReset = try await fixture.call("python_repl", ["reset": true])
        #expect(onlyReset.content.contains("reset"))
        await fixture.toolkit.shutdown()
    }

    @Test func sessionsAreSeparate() async throws {
        let fixture = try ExecutionFixture()
        _ = try await fixture.call("python_repl", ["code": "x = 1"], session: "a")
        let other = try await fixture.call("python_repl", ["code": "'x' in dir()"], session: "b")
        #expect(other.content == "False")
        await fixture.toolkit.shutdown()
    }

    @Test func theLeastRecentlyUsedSessionIsClosedBeyondTheLimit() async throws {
        let fixture = try ExecutionFixture(replSessions: 2)
        _ = try await fixture.call("python_repl", ["code": "x = 1"], session: "a")
        _ = try await fixture.call("python_repl", ["code": "x = 2"], session: "b")
        #expect(try await fixture.call("python_repl", ["code": "x"], session: "a").content == "1")
        _ = try await fixture.call("python_repl", ["code": "y = 3"], session: "c")  // closes b, used least recently
        #expect(try await fixture.call("python_repl", ["code": "x"], session: "a").content == "1")
        let reopened = try await fixture.call("python_repl", ["code": "'x' in dir()"], session: "b")
        #expect(reopened.content.contains("had been closed to make room"), "\(reopened.content)")
        #expect(reopened.content.hasSuffix("False"), "\(reopened.content)")
        await fixture.toolkit.shutdown()
    }

    @Test func errorsShowTheTracebackAndOutputBeforeIt() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("python_repl", ["code": "print('before')\n1/0"])
        #expect(result.isError)
        #expect(result.content.hasPrefix("before\n"))
        #expect(result.content.contains("ZeroDivisionError"))
        #expect(!result.content.contains("driver"))
        let syntax = try await fixture.call("python_repl", ["code": "def ("])
        #expect(syntax.content.contains("SyntaxError"))
        let exit = try await fixture.call("python_repl", ["code": "import sys; sys.exit(3)"])
        #expect(exit.content.contains("SystemExit(3) ignored"))
        let alive = try await fixture.call("python_repl", ["code": "1 + 1"])
        #expect(alive.content == "2")
        await fixture.toolkit.shutdown()
    }

    @Test func theProcessExitingIsReportedAndTheNextCallStartsFresh() async throws {
        let fixture = try ExecutionFixture()
        _ = try await fixture.call("python_repl", ["code": "x = 1"])
        let exited = try await fixture.call("python_repl", ["code": "import os; os._exit(5)"])
        #expect(exited.content.contains("exited (exit code 5)"), "\(exited.content)")
        let after = try await fixture.call("python_repl", ["code": "'x' in dir()"])
        #expect(after.content == "False")
        await fixture.toolkit.shutdown()
    }

    @Test func outputFromSubprocessesIsCaptured() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call(
            "python_repl", ["code": "import os\nos.system('echo from-shell')\nprint('after')"])
        #expect(result.content.contains("from-shell\nafter"), "\(result.content)")
        await fixture.toolkit.shutdown()
    }
}

@Suite(.timeLimit(.minutes(2))) struct PythonREPLCancellationTests {
    @Test func cancellingTheCallInterruptsTheStatementAndKeepsTheSession() async throws {
        let fixture = try ExecutionFixture()
        _ = try await fixture.call("python_repl", ["code": "x = 3"])
        let tool = try fixture.tool("python_repl")
        let context = ToolContext(sessionID: "s1", agentName: "coding", toolCallID: "t")
        let task = Task { try await tool.call(["code": "while True: pass", "timeout": 600], context: context) }
        task.cancel()
        let cancelled = try await task.value
        #expect(cancelled.value?["status"] == "interrupted", "\(cancelled.content)")
        let after = try await fixture.call("python_repl", ["code": "x"])
        #expect(after.content == "3")
        await fixture.toolkit.shutdown()
    }

    @Test func printedOutputIsCapped() async throws {
        let fixture = try ExecutionFixture(outputLimit: 1000)
        let result = try await fixture.call("python_repl", ["code": "print('HEAD' + 'x' * 100000 + 'TAIL')"])
        #expect(result.content.hasPrefix("HEAD"))
        #expect(result.content.contains("TAIL"))
        #expect(result.content.contains("bytes of output omitted"))
        #expect(result.content.count < 1200)
        await fixture.toolkit.shutdown()
    }
}
