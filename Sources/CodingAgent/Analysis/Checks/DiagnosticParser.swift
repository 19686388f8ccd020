import AgentCore

/// Reads compiler output (`file:line:col: error: message`, javac's `file:line: error:`, Node's
/// `file:line` + `SyntaxError:` block, go vet's `file:line:col: message`) into findings.
enum DiagnosticParser {
    /// Messages about dependencies the scratch copy cannot see (headers, packages, crates): real in the
    /// project, not necessarily in an isolated check, so they are warnings rather than errors.
    static let unresolvedDependencyPattern =
        #"(?i)file not found|package [\w.]+ does not exist|unresolved import|can't find crate|no required module|cannot find module|could not import"#

    /// - Parameter errorRule: `syntax-error` for parse-only checkers, `compile-error` for compilers.
    static func parse(_ output: String, language: SourceLanguage, fileName: String, errorRule: String = "syntax-error")
        -> [AnalysisFinding]
    {
        if language == .javascript { return parseNode(output) }
        guard
            let standard = try? Regex(
                #"^(?:.*/)?([^/:\s]+):(\d+):(?:(\d+):)?\s*(fatal error|error|warning)(?:\[\w+\])?:\s*(.*)$"#),
            let goStyle = try? Regex(#"^(?:.*/)?([^/:\s]+\.go):(\d+):(\d+):\s*(.*)$"#),
            let tscStyle = try? Regex(#"^(?:.*/)?([^/(\s]+)\((\d+),(\d+)\):\s*(error|warning)\s+\w+:\s*(.*)$"#)
        else { return [] }
        let unresolvedDependency = try? Regex(unresolvedDependencyPattern)
        let included = try? Regex(#"^In file included from .*:(\d+)[:,]"#)
        var findings: [AnalysisFinding] = []
        var foreignErrors = 0
        var includeLine = 1
        let lines = output.analysisLines
        for (index, rawLine) in lines.enumerated() {
            let line = String(rawLine)
            if line.hasPrefix("In file included from"), let included, let match = line.firstMatch(of: included),
                let number = text(match, 1).flatMap({ Int($0) })
            {
                includeLine = number
            }
            if let match = line.firstMatch(of: standard) ?? line.firstMatch(of: tscStyle) {
                // Diagnostics in other files (an `#include "/etc/passwd"`) would quote those files:
                // count them, never copy them.
                guard text(match, 1) == fileName else {
                    if text(match, 4) != "warning" { foreignErrors += 1 }
                    continue
                }
                let severityText = text(match, 4) ?? "error"
                let lineNumber = Int(text(match, 2) ?? "") ?? 1
                var column = text(match, 3).flatMap { Int($0) }
                if column == nil, language == .java { column = caretColumn(lines, after: index) }
                let message = text(match, 5) ?? line
                var rule = severityText == "warning" ? "compiler-warning" : errorRule
                var severity: FindingSeverity = severityText == "warning" ? .warning : .error
                if severity == .error, let unresolvedDependency, message.firstMatch(of: unresolvedDependency) != nil {
                    rule = "unresolved-dependency"
                    severity = .warning
                }
                findings.append(
                    AnalysisFinding(
                        severity: severity, line: lineNumber, column: column, rule: rule,
                        message: rule == "unresolved-dependency"
                            ? message + " (not available to the isolated check; later errors may be hidden)" : message,
                        category: .correctness
                    ))
            } else if language == .go, let match = line.firstMatch(of: goStyle), text(match, 1) == fileName {
                findings.append(
                    AnalysisFinding(
                        severity: .warning, line: Int(text(match, 2) ?? "") ?? 1, column: Int(text(match, 3) ?? ""),
                        rule: "go-vet", message: text(match, 4) ?? line, category: .correctness
                    ))
            }
        }
        if foreignErrors > 0 {
            findings.append(
                AnalysisFinding(
                    severity: .error, line: includeLine, rule: errorRule,
                    message:
                        "\(foreignErrors) error\(foreignErrors == 1 ? "" : "s") in an included file; details are not shown because that file is not part of the code under analysis",
                    category: .correctness
                ))
        }
        return findings
    }

    /// Node prints `path:LINE`, the source line, a caret line, a blank line, then `SyntaxError: ...`.
    private static func parseNode(_ output: String) -> [AnalysisFinding] {
        let lines = output.analysisLines.map(String.init)
        guard let errorLine = lines.first(where: { $0.contains("Error:") && !$0.hasPrefix(" ") }) else { return [] }
        var lineNumber = 1
        var column: Int?
        if let header = lines.firstIndex(where: { $0.nodeHeaderLineNumber != nil }) {
            lineNumber = lines[header].nodeHeaderLineNumber ?? 1
            column = caretColumn(lines.map { Substring($0) }, after: header)
        }
        return [
            AnalysisFinding(
                severity: .error, line: lineNumber, column: column, rule: "syntax-error",
                message: errorLine.trimmingWhitespace, category: .correctness)
        ]
    }

    /// The column of a `^` marker in the lines after `index` (javac and Node print one).
    private static func caretColumn(_ lines: [Substring], after index: Int) -> Int? {
        for candidate in lines.dropFirst(index + 1).prefix(3) {
            let trimmed = candidate.trimmingWhitespace
            if trimmed.hasPrefix("^"), let position = candidate.firstIndex(of: "^") {
                return candidate.distance(from: candidate.startIndex, to: position) + 1
            }
        }
        return nil
    }

    private static func text(_ match: Regex<AnyRegexOutput>.Match, _ index: Int) -> String? {
        guard index < match.output.count, let substring = match.output[index].substring else { return nil }
        return String(substring)
    }
}

extension String {
    /// For Node's `/path/file.js:12` header: the trailing line number.
    fileprivate var nodeHeaderLineNumber: Int? {
        guard hasPrefix("/"), let colon = lastIndex(of: ":") else { return nil }
        return Int(self[index(after: colon)...])
    }
}
