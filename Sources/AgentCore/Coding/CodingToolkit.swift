import Logging

/// The coding agent's thirteen tools over one workspace: the file tools (`file_read`, `file_write`,
/// `glob`, `grep`, `memory`), the process tools (`execute_code`, `python_repl`, `bash`, absent when code
/// execution is off) and the analysis tools (`analyze_code`, `search_code_patterns`, `generate_tests`,
/// `explain_code`, `suggest_improvements`).
///
/// The front ends differ only in what they inject: the LSP server passes an editor that sends
/// `workspace/applyEdit`, its open buffers and an approval policy that asks the user; the command
/// line writes to disk and asks on the terminal.
public struct CodingToolkit: Sendable {
    /// The confined workspace every path and process is held to.
    public let workspace: WorkspaceRoot
    /// Where sessions and memory live.
    public let dataDirectory: DataDirectory
    /// The process tools' runner; `shutdown()` it when the front end exits (it ends REPL processes).
    public let execution: ExecutionToolkit
    /// Every tool, in the order the model sees them.
    public let tools: [any AgentTool]

    /// Builds the toolkit.
    /// - Parameters:
    ///   - configuration: `workspaceDir`, `dataDir` and `enableCodeExecution` come from here.
    ///   - workspaceFolder: the editor's workspace folder, used when the configuration names none.
    ///   - environment: the process environment (timeouts, sandbox preference, `SPARK_DATA_DIR`, `PATH`).
    public init(
        configuration: SparkConfiguration,
        workspaceFolder: String? = nil,
        environment: [String: String],
        editor: any WorkspaceEditor,
        documents: (any DocumentSource)?,
        approval: any ApprovalPolicy,
        logger: Logger
    ) throws {
        let workspace = try WorkspaceRoot(
            path: configuration.workspaceDir ?? workspaceFolder ?? WorkspaceRoot.defaultPath)
        let dataDirectory =
            configuration.dataDir.map(DataDirectory.init(path:))
            ?? DataDirectory(environment: environment, workspace: workspace.path)
        var options = ExecutionOptions.fromEnvironment(environment, workspaceRoot: workspace.path)
        options.enableCodeExecution = configuration.enableCodeExecution
        let execution = ExecutionToolkit(options: options, approval: approval, logger: logger)

        self.workspace = workspace
        self.dataDirectory = dataDirectory
        self.execution = execution
        self.tools =
            CodingFileTools.make(
                root: workspace, editor: editor, documents: documents,
                memoryRoot: try MemoryTool.root(inDataDirectory: dataDirectory.path))
            + execution.tools
            + AnalysisTools.make(workspaceRoot: workspace.path)
    }
}
