import AgentCore
import Logging
import Synchronization

/// The coding agent's registration: reads, searches, writes, runs and reviews code with thirteen tools.
///
/// Keeps one `CodingToolkit` per workspace for the front end's lifetime, so what must outlive a request
/// does (each session's Python REPL, the sandbox decision); each run still gets tools built with its own
/// editor, buffers and approval policy.
public final class CodingAgentModule: AgentModule {
    /// The agent's name and settings key.
    public static let name = "coding"

    private struct Key: Hashable {
        var workspace: String
        var dataDirectory: String
        var enableCodeExecution: Bool
    }

    private let toolkits = Mutex<[Key: CodingToolkit]>([:])

    public init() {}

    public var name: String { Self.name }

    public func makeAgent(for run: AgentRunContext) throws -> Agent {
        let workflow = try Self.workflow(named: run.workflow)
        var agent = run.configuredAgent(name)
        agent.description =
            "Reads, searches, writes, runs and reviews code in the user's workspace: bugs, features, refactoring, tests, explanations."
        agent.instructions = .text(run.prompts.codingInstructions(for: workflow, values: ["workspace": run.workspace]))
        do {
            agent.tools = try toolkit(for: run).tools(
                editor: run.editor, documents: run.documents, approval: run.approval,
                protected: ProtectedPaths(additional: run.configuration.protectedPaths), seenFiles: run.seenFiles)
        } catch {
            run.logger.error("The coding tools are unavailable for workspace \(run.workspace): \(error)")
        }
        return agent
    }

    /// Ends the Python REPL every toolkit keeps for the conversation `id`.
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

    /// The toolkit of the run's workspace, made on first use.
    func toolkit(for run: AgentRunContext) throws -> CodingToolkit {
        let key = Key(
            workspace: run.workspace, dataDirectory: run.dataDirectory.path,
            enableCodeExecution: run.configuration.enableCodeExecution)
        return try toolkits.withLock { cache in
            if let toolkit = cache[key] { return toolkit }
            let toolkit = try CodingToolkit(
                workspace: key.workspace, dataDirectory: run.dataDirectory,
                enableCodeExecution: key.enableCodeExecution, environment: run.environment, logger: run.logger)
            cache[key] = toolkit
            return toolkit
        }
    }

    /// The workflow a request names (`review`, `debug`, ...); `nil` is plain coding.
    static func workflow(named name: String?) throws(ChatError) -> PromptWorkflow {
        guard let name else { return .coding }
        guard let workflow = PromptWorkflow(name: name) else {
            throw ChatError(
                .invalidRequest,
                "unknown workflow '\(name)' (\(PromptWorkflow.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return workflow
    }
}
