import AgentCore
import Logging

/// The coding agent's thirteen tools over one workspace: the file tools (`file_read`, `file_write`,
/// `glob`, `grep`, `memory`), the process tools (`execute_code`, `python_repl`, `bash`, absent when code
/// execution is off) and the analysis tools (`analyze_code`, `search_code_patterns`, `generate_tests`,
/// `explain_code`, `suggest_improvements`).
///
/// A toolkit lives as long as its front end: it holds the sessions' Python REPL processes and the
/// sandbox decision. What differs per request is injected by `tools(editor:documents:approval:)`: the
/// LSP server passes an editor that sends `workspace/applyEdit`, its open buffers and an approval policy
/// that asks the user; the command line writes to disk and asks on the terminal.
public struct CodingToolkit: Sendable {
    /// The confined workspace every path and process is held to.
    public let workspace: WorkspaceRoot
    /// Where sessions and memory live.
    public let dataDirectory: DataDirectory
    /// The process tools' runner; `shutdown()` it when the front end exits (it ends REPL processes).
    public let execution: ExecutionToolkit
    private let memoryRoot: WorkspaceRoot

    /// Builds the toolkit for `workspace` (created when missing).
    /// - Parameters:
    ///   - dataDirectory: the memory notes live in its `memory/` folder.
    ///   - environment: the process environment (timeouts, sandbox preference, `PATH`).
    public init(
        workspace: String,
        dataDirectory: DataDirectory,
        enableCodeExecution: Bool,
        environment: [String: String],
        logger: Logger
    ) throws {
        self.workspace = try WorkspaceRoot(path: workspace)
        self.dataDirectory = dataDirectory
        memoryRoot = try MemoryTool.root(inDataDirectory: dataDirectory.path)
        var options = ExecutionOptions.fromEnvironment(environment, workspaceRoot: self.workspace.path)
        options.enableCodeExecution = enableCodeExecution
        execution = ExecutionToolkit(
            options: options, approval: DenyAllPolicy(reason: "no approval policy"), logger: logger)
    }

    /// Every tool, in the order the model sees them, writing through `editor`, reading open buffers from
    /// `documents`, keeping what each conversation saw of the files in `seenFiles` and asking `approval`
    /// before commands and code run.
    public func tools(
        editor: any WorkspaceEditor, documents: (any DocumentSource)?, approval: any ApprovalPolicy,
        protected: ProtectedPaths = ProtectedPaths(), seenFiles: SeenFiles = SeenFiles()
    ) -> [any AgentTool] {
        CodingFileTools.make(
            root: workspace, editor: editor, documents: documents, memoryRoot: memoryRoot, protected: protected,
            seenFiles: seenFiles)
            + execution.asking(approval).tools
            + AnalysisTools.make(
                workspaceRoot: workspace.path,
                analyzer: CodeAnalyzer(toolchain: AnalysisToolchain(sandbox: execution.analysisSandbox)))
    }
}
