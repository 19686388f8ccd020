import SparkDoctor
import SparkJSON
import Testing

/// The report's verdict, exit code, `--json` contract, table and one-line summary.
@Suite struct DoctorReportTests {
    private static let findings = [
        DoctorFinding(id: "a", title: "Alpha", verdict: .ok, detail: "fine"),
        DoctorFinding(id: "b", title: "Beta", verdict: .skipped, detail: "not set"),
        DoctorFinding(id: "c", title: "Gamma", verdict: .warning, detail: "meh", hint: "do this"),
    ]

    @Test func theVerdictIsTheWorstAndOnlyFailuresExitNonZero() {
        let skippedOnly = DoctorReport(version: "1", findings: [Self.findings[1]])
        #expect(skippedOnly.verdict == .ok)
        let warning = DoctorReport(version: "1", findings: Self.findings)
        #expect(warning.verdict == .warning)
        #expect(warning.exitCode == 0)
        let failure = DoctorReport(
            version: "1",
            findings: Self.findings + [DoctorFinding(id: "d", title: "Delta", verdict: .failure, detail: "no")])
        #expect(failure.verdict == .failure)
        #expect(failure.exitCode == 1)
        #expect(failure.summary == "doctor: 1 failure (Delta), 1 warning (Gamma); 1 ok")
        #expect(DoctorReport(version: "1", findings: [Self.findings[0]]).summary == "doctor: all 1 checks ok")
    }

    @Test func theJSONContract() throws {
        let json = DoctorReport(version: "9.9", findings: Self.findings).json
        let parsed = try JSONValue(parsing: Array(json.serialized().utf8))
        #expect(parsed["version"] == "9.9")
        #expect(parsed["verdict"] == "warning")
        let checks = try #require(parsed["checks"]?.arrayValue)
        #expect(checks.count == 3)
        #expect(checks[0] == ["id": "a", "title": "Alpha", "verdict": "ok", "detail": "fine"])
        #expect(checks[1]["verdict"] == "skipped")
        #expect(checks[2]["hint"] == "do this")
        #expect(checks[0]["hint"] == nil)
    }

    @Test func theTableHasALinePerFindingAndTheHints() {
        let lines = DoctorReport(version: "9.9", findings: Self.findings).table.split(separator: "\n")
        #expect(lines.first == "spark-lsp doctor 9.9")
        #expect(lines[1] == "  ok    Alpha       fine")
        #expect(lines[2] == "  skip  Beta        not set")
        #expect(lines[3] == "  WARN  Gamma       meh")
        #expect(lines[4].hasSuffix("-> do this"))
        #expect(lines.last == "doctor: 1 warning (Gamma); 1 ok")
    }
}
