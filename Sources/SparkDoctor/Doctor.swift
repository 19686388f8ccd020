/// Runs the checks, all at once, and reports their findings in the list's order.
public enum Doctor {
    /// Every check `spark-lsp doctor` runs, in the order of its table. Adding a check is one entry here.
    public static let checks: [DoctorCheck] = [
        ConfigurationCheck.check,
        AgentModelsCheck.check,
        EmbeddingCheck.check,
        MilvusCheck.check,
        SandboxCheck.check,
        ToolchainsCheck.check,
        DataDirectoryCheck.check,
        SQLiteIntegrityCheck.check,
    ]

    /// Runs `checks` concurrently against `context`.
    public static func examine(
        _ context: DoctorContext, version: String, checks: [DoctorCheck] = Doctor.checks
    ) async -> DoctorReport {
        let results = await withTaskGroup(of: (Int, [DoctorFinding]).self) { group in
            for (index, check) in checks.enumerated() {
                group.addTask { (index, await check.run(context)) }
            }
            var results = [[DoctorFinding]](repeating: [], count: checks.count)
            for await (index, findings) in group { results[index] = findings }
            return results
        }
        return DoctorReport(version: version, findings: results.flatMap { $0 })
    }
}
