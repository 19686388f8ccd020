import AgentCore
import Logging
import Synchronization

/// The knowledge agent's registration (`rag`): searches, reads and summarises the knowledge base and cites what
/// it uses. Keeps one `KnowledgeIndex` per data directory and knowledge-base settings for the front end's
/// lifetime (the vectors stay in memory between runs), opened on first use: nothing of it runs at start-up.
public final class KnowledgeAgentModule: AgentModule, WorkspaceIndexing {
    /// The agent's name and settings key.
    public static let name = "rag"

    private struct Key: Hashable {
        var dataDirectory: String
        var settings: KnowledgeBaseSettings
        var embeddingEndpoint: String
    }

    private let indexes = Mutex<[Key: KnowledgeIndex]>([:])
    private let client: Mutex<(any ModelClient)?>

    /// The module; `client` serves embeddings and summaries (an `HTTPModelClient` made on first use when `nil`).
    public init(client: (any ModelClient)? = nil) {
        self.client = Mutex(client)
    }

    public var name: String { Self.name }

    public func makeAgent(for run: AgentRunContext) throws -> Agent {
        var agent = run.configuredAgent(name)
        agent.description =
            "Answers questions from the knowledge base (the workspace's documentation and the folders the user added): searches, reads and summarises documents, citing the passages it uses."
        agent.instructions = .text(run.prompts.renderedOrEmbedded(KnowledgePrompts.system))
        let index = try self.index(configuration: run.configuration, environment: run.environment, logger: run.logger)
        let roots = KnowledgeIndex.defaultRoots(run.configuration)
        agent.tools = [
            SearchKnowledgeBaseTool(index: index, defaultRoots: roots),
            GetDocumentTool(index: index),
            SummarizeDocumentsTool(
                index: index, client: modelClient(logger: run.logger), model: agent.model, endpoint: agent.endpoint,
                maxTokens: agent.maxTokens),
        ]
        return agent
    }

    public func indexWorkspace(
        configuration: SparkConfiguration, environment: [String: String],
        progress: @escaping @Sendable (WorkspaceIndexProgress) -> Void
    ) async throws -> String {
        let logger = Logger(label: "spark.knowledge")
        let index = try self.index(configuration: configuration, environment: environment, logger: logger)
        let report = try await index.index(roots: KnowledgeIndex.defaultRoots(configuration)) { step in
            let counts = step.total > 0 ? " \(step.done)/\(step.total)" : ""
            progress(WorkspaceIndexProgress(message: step.phase + counts, percentage: step.total > 0 ? step.percentage : nil))
        }
        return report.summary
    }

    /// The index of `configuration`'s data directory and settings, opened on first use.
    public func index(configuration: SparkConfiguration, environment: [String: String], logger: Logger) throws
        -> KnowledgeIndex
    {
        let key = Key(
            dataDirectory: configuration.dataDirectory(environment: environment).path,
            settings: configuration.knowledgeBase, embeddingEndpoint: configuration.embeddingEndpoint.baseURL)
        if let index = indexes.withLock({ $0[key] }) { return index }
        let index = try KnowledgeIndex(
            configuration: configuration, environment: environment, client: modelClient(logger: logger), logger: logger)
        return indexes.withLock { cache in
            if let existing = cache[key] { return existing }
            cache[key] = index
            return index
        }
    }

    private func modelClient(logger: Logger) -> any ModelClient {
        client.withLock { client in
            if let client { return client }
            let made = HTTPModelClient(logger: logger)
            client = made
            return made
        }
    }
}
