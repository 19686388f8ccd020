import AgentCore

/// Runs the language's own parser or compiler in check mode on a scratch copy of the code.
struct SyntaxChecker {
    let toolchain: AnalysisToolchain

    func check(_ code: String, language: SourceLanguage, in directory: ScratchDirectory) async -> SyntaxCheckOutcome {
        var outcome = SyntaxCheckOutcome()
        let candidates = CheckerCommand.candidates(for: language)
        guard let command = candidates.first(where: { toolchain.locate($0.executable) != nil }) else {
            let names = candidates.map(\.executable).joined(separator: " or ")
            outcome.notes.append(
                "\(names) not found: syntax and compiler checks for \(language.rawValue) were skipped; rule checks still ran"
            )
            return outcome
        }
        if let reason = await toolchain.unavailableReason() {
            outcome.notes.append(
                "\(command.label) was skipped: compilers run only in a sandbox and none can be applied here (\(reason)); rule checks still ran"
            )
            return outcome
        }
        do {
            let fileName = Self.fileName(for: code, language: language)
            let file = try directory.write(code, named: fileName)
            if language == .go {
                try directory.write("module scratch\n\ngo 1.21\n", named: "go.mod")
            }
            let output = try await toolchain.run(
                command.executable, command.arguments(file, directory.path), in: directory.path)
            outcome.checker = command.label
            if output.timedOut {
                outcome.notes.append(
                    "\(command.label) timed out after \(toolchain.timeout); its findings are incomplete")
            }
            outcome.findings = DiagnosticParser.parse(
                output.combinedOutput, language: language, fileName: fileName, errorRule: command.errorRule)
            if outcome.findings.isEmpty, output.exitCode != 0, !output.timedOut {
                // Only lines about the snippet itself are quoted (never another file's contents).
                let detail = output.combinedOutput.analysisLines.filter { $0.contains(fileName) || $0.contains("rror") }
                    .prefix(3)
                    .map { $0.trimmingWhitespace }.joined(separator: " | ")
                let reason = detail.isEmpty ? "exit status \(output.exitCode.map(String.init) ?? "unknown")" : detail
                outcome.findings.append(
                    AnalysisFinding(
                        severity: .error, line: 1, rule: command.errorRule,
                        message: "\(command.label) failed: \(reason)", category: .correctness))
            }
        } catch {
            outcome.notes.append("\(command.label) could not run: \(error)")
        }
        return outcome
    }

    /// Java needs the public class's name; ES modules need `.mjs` for `node --check`.
    static func fileName(for code: String, language: SourceLanguage) -> String {
        switch language {
        case .java:
            if let pattern = try? Regex(
                #"public\s+(?:final\s+|abstract\s+|sealed\s+)*(?:class|interface|enum|record)\s+(\w+)"#),
                let match = code.firstMatch(of: pattern), let name = match.output[1].substring
            {
                return "\(name).java"
            }
            return "Main.java"
        case .javascript:
            let isModule = code.analysisLines.contains { $0.hasPrefix("import ") || $0.hasPrefix("export ") }
            return isModule ? "snippet.mjs" : "snippet.js"
        default:
            return "snippet.\(language.fileExtension)"
        }
    }
}
