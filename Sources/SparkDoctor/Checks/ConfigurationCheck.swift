import AgentCore

/// The configuration layers in effect: which file, which environment variables (names only: some are keys),
/// and what an untrusted workspace file set that is ignored.
enum ConfigurationCheck {
    static let check = DoctorCheck(id: "configuration") { context in [finding(context)] }

    /// The variables SparkLSP and its agents read.
    static let variables: [String] =
        [
            "SPARK_CONFIG", "VLLM_ENDPOINT", "VLLM_API_KEY", "OPENAI_API_KEY", "WORKSPACE_DIR", "SPARK_DATA_DIR",
            "ENABLE_CODE_EXECUTION", "SPARK_MODEL_FALLBACK", "SPARK_CONNECT_TIMEOUT", "SPARK_FIRST_BYTE_TIMEOUT",
            "SPARK_IDLE_TIMEOUT", "SPARK_SERVICE_APPROVAL", "CODE_EXECUTION_SANDBOX", "CODE_EXECUTION_TIMEOUT",
            "CODE_EXECUTION_MAX_TIMEOUT", "SPARK_SANDBOX_LAUNCHER", "PYTHON_REPL_MAX_SESSIONS", "EMBEDDING_MODEL",
            "EMBEDDING_ENDPOINT", "MILVUS_HOST", "MILVUS_PORT",
        ]
        + SparkConfiguration.builtInAgents.flatMap { ["\($0.uppercased())_MODEL", "\($0.uppercased())_ENDPOINT"] }

    static func finding(_ context: DoctorContext) -> DoctorFinding {
        let set = variables.filter { context.variable($0) != nil }
        let environment = set.isEmpty ? "no SparkLSP variables" : set.joined(separator: ", ")
        switch context.configuration {
        case .failure(let error):
            return DoctorFinding(
                id: "configuration", title: "Configuration", verdict: .failure, detail: error.message,
                hint: "fix the file or variable named above")
        case .success(let configuration):
            let file = configuration.configFile ?? "none"
            let detail =
                "file: \(file); environment: \(environment); workspace: \(configuration.workspace) "
                + "(an editor's settings apply on top)"
            if let untrusted = configuration.untrusted {
                return DoctorFinding(
                    id: "configuration", title: "Configuration", verdict: .warning,
                    detail: detail + "; " + untrusted.message,
                    hint:
                        "trust the workspace with `spark-lsp chat --trust`, or remove those settings from \(untrusted.file)"
                )
            }
            return DoctorFinding(id: "configuration", title: "Configuration", verdict: .ok, detail: detail)
        }
    }
}
