import AgentCore
import Logging
import Synchronization

/// Keeps one `CodingToolkit` per workspace for the server's lifetime, so what must outlive a request
/// does: each session's Python REPL, the sandbox decision. Each run still gets tools built with its
/// own editor, buffers and approval policy.
public final class CodingToolkitCache: Sendable {
    private struct Key: Hashable {
        var workspace: String
        var dataDirectory: String?
        var enableCodeExecution: Bool
    }

    private let toolkits = Mutex<[Key: CodingToolkit]>([:])
    private let environment: [String: String]
    private let logger: Logger

    /// - Parameter environment: the process environment (timeouts, sandbox preference, `SPARK_DATA_DIR`).
    public init(environment: [String: String], logger: Logger) {
        self.environment = environment
        self.logger = logger
    }

    /// The factory `AgentService` calls for every run.
    public var factory: CodingToolsFactory {
        { [self] environment in tools(for: environment) }
    }

    /// The coding tools of one run; none (with an error logged) when the workspace cannot be used.
    public func tools(for run: CodingToolsEnvironment) -> [any AgentTool] {
        let key = Key(
            workspace: run.workspaceRoot, dataDirectory: run.dataDirectory,
            enableCodeExecution: run.enableCodeExecution)
        do {
            let toolkit = try toolkits.withLock { cache in
                if let toolkit = cache[key] { return toolkit }
                let toolkit = try CodingToolkit(
                    workspace: key.workspace,
                    dataDirectory: DataDirectory(
                        configured: key.dataDirectory, environment: environment, workspace: key.workspace),
                    enableCodeExecution: key.enableCodeExecution, environment: environment, logger: logger)
                cache[key] = toolkit
                return toolkit
            }
            return toolkit.tools(editor: run.editor, documents: run.documents, approval: run.approval)
        } catch {
            logger.error("The coding tools are unavailable for workspace \(run.workspaceRoot): \(error)")
            return []
        }
    }

    /// Ends what every toolkit keeps for the conversation `id` (its Python REPL), for `spark/resetSession`.
    public func endSession(_ id: String) async {
        for toolkit in toolkits.withLock({ Array($0.values) }) {
            await toolkit.execution.endSession(id)
        }
    }

    /// Ends every toolkit's REPL processes.
    public func shutdown() async {
        for toolkit in toolkits.withLock({ Array($0.values) }) {
            await toolkit.execution.shutdown()
        }
    }
}
