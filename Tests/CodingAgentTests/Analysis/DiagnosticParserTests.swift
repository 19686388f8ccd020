import AgentCore
import Testing

@testable import CodingAgent

/// Real output formats of checkers that may be missing on the test machine (go vet, tsc, gcc).
@Suite struct DiagnosticParserTests {
    @Test func goVetOutput() {
        let output =
            "# scratch\n./snippet.go:7:2: fmt.Printf format %d has arg name of wrong type string\n./snippet.go:9:6: undefined: missing\n"
        let findings = DiagnosticParser.parse(output, language: .go, fileName: "snippet.go", errorRule: "compile-error")
        #expect(findings.map(\.line) == [7, 9])
        #expect(findings.map(\.column) == [2, 6])
        #expect(findings.first?.rule == "go-vet")
        #expect(findings.first?.message.contains("format %d") == true)
    }

    @Test func tscOutput() {
        let output = "snippet.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.\n"
        let findings = DiagnosticParser.parse(
            output, language: .typescript, fileName: "snippet.ts", errorRule: "compile-error")
        #expect(findings.count == 1)
        #expect(findings.first?.line == 3 && findings.first?.column == 7)
        #expect(findings.first?.rule == "compile-error")
        #expect(findings.first?.message.hasPrefix("Type 'string'") == true)
    }

    @Test func gccOutputWithWarningsAndErrors() {
        let output = """
            /tmp/x/snippet.c: In function 'main':
            /tmp/x/snippet.c:3:9: warning: unused variable 'y' [-Wunused-variable]
            /tmp/x/snippet.c:4:5: error: expected ';' before 'return'
            """
        let findings = DiagnosticParser.parse(output, language: .c, fileName: "snippet.c", errorRule: "compile-error")
        #expect(findings.map(\.rule) == ["compiler-warning", "compile-error"])
        #expect(findings.map(\.severity) == [.warning, .error])
    }

    @Test func diagnosticsInOtherFilesAreCountedNotQuoted() {
        let output = """
            In file included from /tmp/x/snippet.c:2:
            /etc/passwd:1:1: error: type specifier missing, defaults to 'int'
                1 | root:x:0:0:root:/root:/bin/bash
            /etc/passwd:1:5: error: expected ';' after top level declarator
            """
        let findings = DiagnosticParser.parse(output, language: .c, fileName: "snippet.c", errorRule: "compile-error")
        #expect(findings.count == 1)
        #expect(findings.first?.line == 2)
        #expect(findings.first?.message.contains("root") == false)
        #expect(findings.first?.message.hasPrefix("2 errors in an included file") == true)
    }
}
