import AgentCore
import CodingAgent
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite(.timeLimit(.minutes(5))) struct ExecuteCodeToolTests {
    struct Sample: CustomTestStringConvertible, Sendable {
        var language: String
        /// Any one of these on PATH means the language should run.
        var toolchains: [String]
        var code: String
        var testDescription: String { language }
    }

    static let samples: [Sample] = [
        Sample(language: "python", toolchains: ["python3"], code: "print('hello from', 'python')"),
        Sample(language: "py", toolchains: ["python3"], code: "import sys\nprint('hello from py', file=sys.stdout)"),
        Sample(language: "javascript", toolchains: ["node"], code: "console.log('hello from javascript')"),
        Sample(language: "js", toolchains: ["node"], code: "console.log('hello from js')"),
        Sample(
            language: "typescript", toolchains: ["deno", "bun", "tsx", "ts-node", "tsc"],
            code: "const who: string = 'typescript'\nconsole.log(`hello from ${who}`)"),
        Sample(
            language: "go", toolchains: ["go"],
            code: "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello from go\") }"),
        Sample(language: "rust", toolchains: ["rustc"], code: "fn main() { println!(\"hello from rust\"); }"),
        Sample(
            language: "java", toolchains: ["javac"],
            code:
                "public class Hello { public static void main(String[] a) { System.out.println(\"hello from java\"); } }"
        ),
        Sample(
            language: "c", toolchains: ["gcc", "clang", "cc"],
            code: "#include <stdio.h>\nint main(void) { printf(\"hello from c\\n\"); return 0; }"),
        Sample(
            language: "c++", toolchains: ["g++", "clang++", "c++"],
            code: "#include <iostream>\nint main() { std::cout << \"hello from c++\" << std::endl; }"),
        Sample(language: "bash", toolchains: ["bash"], code: "echo \"hello from $(echo bash)\""),
        Sample(language: "sh", toolchains: ["bash"], code: "for w in hello from sh; do printf '%s ' $w; done; echo"),
    ]

    @Test(arguments: samples)
    func runsEveryLanguagePresentAndNamesTheMissingOnes(_ sample: Sample) async throws {
        let fixture = try ExecutionFixture()
        let locator = ToolchainLocator(searchPath: fixture.toolkit.options.searchPath)
        let result = try await fixture.call(
            "execute_code", ["code": .string(sample.code), "language": .string(sample.language)])
        if locator.locateFirst(sample.toolchains) != nil {
            #expect(result.content.contains("hello from \(sample.language)"), "\(result.content)")
            #expect(result.content.contains("exit: exit code 0"))
            #expect(!result.isError)
        } else {
            #expect(result.content.hasPrefix("error: "), "\(result.content)")
            #expect(result.content.contains("is not available here"))
        }
    }

    @Test func aMissingToolchainIsNamed() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = "/nonexistent"
        let fixture = try ExecutionFixture(environment: environment)
        let python = try await fixture.call("execute_code", ["code": "print(1)", "language": "python"])
        #expect(python.content == "error: python is not available here: no `python3`, `python` on PATH")
        let c = try await fixture.call("execute_code", ["code": "int main(){}", "language": "c"])
        #expect(c.content == "error: c is not available here: no `gcc`, `clang`, `cc` on PATH")
    }

    @Test func compileErrorsAreReportedAsSuch() async throws {
        let fixture = try ExecutionFixture()
        let locator = ToolchainLocator(searchPath: fixture.toolkit.options.searchPath)
        try #require(locator.locateFirst(["gcc", "clang", "cc"]) != nil)
        let result = try await fixture.call(
            "execute_code", ["code": "int main(void) { return nope; }", "language": "c"])
        #expect(result.isError)
        #expect(result.content.contains("compile error:"))
        #expect(result.content.contains("nope"))
        #expect(result.value?["phase"] == "compile")
    }

    @Test func runtimeFailuresShowStderrAndTheExitCode() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call(
            "execute_code", ["code": "import sys\nprint('partial')\nsys.exit('boom')", "language": "python"])
        #expect(result.content.contains("exit code 1"))
        #expect(result.content.contains("partial"))
        #expect(result.content.contains("boom"))
    }

    @Test func eachRunGetsAFreshScratchDirectoryThatIsRemoved() async throws {
        let fixture = try ExecutionFixture()
        let code = "import os\nprint(os.getcwd())\nprint(sorted(os.listdir('.')))\nopen('left.txt', 'w').write('x')"
        let first = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        let second = try await fixture.call("execute_code", ["code": .string(code), "language": "python"])
        let firstDirectory = try #require(first.value?["stdout"]?.stringValue?.split(separator: "\n").first)
        let secondDirectory = try #require(second.value?["stdout"]?.stringValue?.split(separator: "\n").first)
        #expect(firstDirectory != secondDirectory)
        #expect(second.content.contains("['main.py']"))
        #expect(!FileManager.default.fileExists(atPath: String(firstDirectory)))
    }

    @Test func outputIsCapped() async throws {
        let fixture = try ExecutionFixture(outputLimit: 1000)
        let result = try await fixture.call(
            "execute_code",
            ["code": "print('FIRST')\nfor i in range(100000): print(i)\nprint('LAST')", "language": "python"])
        #expect(result.content.contains("FIRST"))
        #expect(result.content.contains("LAST"))
        #expect(result.content.contains("bytes of output omitted"))
        #expect(result.content.count < 2000)
    }

    @Test func timeoutKillsTheRun() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call(
            "execute_code",
            ["code": "import time\nprint('started', flush=True)\ntime.sleep(100)", "language": "python", "timeout": 5])
        #expect(result.isError)
        #expect(result.content.contains("timed out after 5 s"))
        #expect(result.content.contains("started"))
    }

    @Test func bashCodeIsValidatedLikeTheBashTool() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("execute_code", ["code": "touch MARK; sudo ls", "language": "sh"])
        #expect(result.content.hasPrefix("refused: privilege escalation"))
    }

    @Test func unknownLanguagesAreListed() async throws {
        let fixture = try ExecutionFixture()
        let result = try await fixture.call("execute_code", ["code": "x", "language": "cobol"])
        #expect(
            result.content.hasPrefix(
                "error: invalid arguments for `execute_code`: unsupported language `cobol`; supported: python, javascript"
            ))
    }
}
