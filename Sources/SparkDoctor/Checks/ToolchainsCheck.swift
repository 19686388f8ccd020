import CodingAgent

/// Which languages `execute_code` can run and the analysis tools can check, with the programs found on the
/// `PATH` the tools search.
enum ToolchainsCheck {
    static let check = DoctorCheck(id: "toolchains") { context in findings(context) }

    static func findings(_ context: DoctorContext) -> [DoctorFinding] {
        let locator = ToolchainLocator(searchPath: context.variable("PATH") ?? "/usr/local/bin:/usr/bin:/bin")
        let codeExecution = (try? context.configuration.get())?.enableCodeExecution ?? true
        var run = finding(
            id: "toolchains.execute_code", title: "execute_code", catalog: ToolchainCatalog.executeCode,
            locator: locator, essential: "python")
        if !codeExecution {
            run.verdict = .skipped
            run.detail = "code execution is off (ENABLE_CODE_EXECUTION=false); " + run.detail
            run.hint = nil
        }
        return [
            run,
            finding(
                id: "toolchains.analysis", title: "Analysis tools", catalog: ToolchainCatalog.analysis,
                locator: locator,
                essential: "python"),
        ]
    }

    /// `ok` listing what was found, `warning` when the `essential` language (Python) is missing.
    static func finding(
        id: String, title: String, catalog: [ToolchainCatalog.Entry], locator: ToolchainLocator, essential: String
    ) -> DoctorFinding {
        var found: [String] = []
        var missing: [String] = []
        for (language, alternatives) in catalog {
            if let programs = alternatives.first(where: { $0.allSatisfy { locator.locate($0) != nil } }) {
                found.append("\(language) (\(programs.joined(separator: "+")))")
            } else {
                missing.append(language)
            }
        }
        let detail =
            (found.isEmpty ? "none found" : found.joined(separator: ", "))
            + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))")
        guard !missing.contains(essential) else {
            return DoctorFinding(
                id: id, title: title, verdict: .warning, detail: detail,
                hint: "install python3 (apt-get install python3) or put it on PATH")
        }
        return DoctorFinding(id: id, title: title, verdict: .ok, detail: detail)
    }
}
