import SparkJSON

/// What the doctor found: every finding in the checks' order, the overall verdict, and its renderings.
public struct DoctorReport: Sendable {
    public var version: String
    public var findings: [DoctorFinding]

    public init(version: String, findings: [DoctorFinding]) {
        self.version = version
        self.findings = findings
    }

    /// The worst verdict of any finding (`skipped` counts as `ok`).
    public var verdict: DoctorVerdict {
        let worst = findings.map(\.verdict).max() ?? .ok
        return worst == .skipped ? .ok : worst
    }

    /// The process's exit code: 1 with any failure, else 0.
    public var exitCode: Int32 { verdict == .failure ? 1 : 0 }

    /// `{"version", "verdict", "checks": [...]}`: the `--json` contract.
    public var json: JSONValue {
        [
            "version": .string(version), "verdict": .string(verdict.rawValue),
            "checks": .array(findings.map(\.json)),
        ]
    }

    /// The table: one line per finding (verdict, title, detail), the hint under it.
    public var table: String {
        let width = min(max(findings.map(\.title.count).max() ?? 0, 10), 28)
        var lines = ["spark-lsp doctor \(version)"]
        for finding in findings {
            let title = finding.title.padding(to: width)
            lines.append("  \(finding.verdict.label.padding(to: 4))  \(title)  \(finding.detail)")
            if let hint = finding.hint, finding.verdict != .ok {
                lines.append("        \(String(repeating: " ", count: width))  -> \(hint)")
            }
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line: the verdict and what is wrong (`2 failures (Agent coding, Sandbox), 1 warning (...)`).
    public var summary: String {
        var parts: [String] = []
        for verdict in [DoctorVerdict.failure, .warning] {
            let titles = findings.filter { $0.verdict == verdict }.map(\.title)
            guard !titles.isEmpty else { continue }
            let noun = verdict == .failure ? "failure" : "warning"
            parts.append("\(titles.count) \(noun)\(titles.count == 1 ? "" : "s") (\(titles.joined(separator: ", ")))")
        }
        let passed = findings.filter { $0.verdict == .ok }.count
        if parts.isEmpty { return "doctor: all \(passed) checks ok" }
        return "doctor: \(parts.joined(separator: ", ")); \(passed) ok"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
