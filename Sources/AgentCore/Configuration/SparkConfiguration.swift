/// SparkLSP's settings, resolved from layers where later wins: built-in defaults, a JSON file,
/// environment variables, the editor's settings.
///
/// Per-agent settings live under `agents` (`supervisor`, `coding`, `rag`, `image`, or any name a
/// new specialist uses). An agent's own endpoint beats the shared one whichever layer set it.
public struct SparkConfiguration: Hashable, Sendable {
    /// The shared vLLM endpoint when nothing sets one.
    public static let defaultEndpoint = "http://vllm-service.vllm-system.svc.cluster.local:8000/v1"
    /// The workspace when neither `WORKSPACE_DIR` nor the editor gives one.
    public static let defaultWorkspace = "/tmp/coding_workspace"
    /// The agents the environment variables know (`<NAME>_MODEL`, `<NAME>_ENDPOINT`).
    public static let builtInAgents = ["supervisor", "coding", "rag", "image"]

    /// The shared endpoint (`VLLM_ENDPOINT`).
    public var endpoint: String
    /// Sent as a bearer token (`VLLM_API_KEY` or `OPENAI_API_KEY`). Never logged.
    public var apiKey: String?
    /// The agent that answers when a request names none.
    public var defaultAgent: String
    /// The workspace (`WORKSPACE_DIR`); `nil` when neither it nor the editor gives one.
    public var workspaceDir: String?
    /// Whether `execute_code`, `python_repl` and `bash` exist (`ENABLE_CODE_EXECUTION`).
    public var enableCodeExecution: Bool
    /// Where sessions and memory live (`SPARK_DATA_DIR`); `nil` lets storage pick its default.
    public var dataDir: String?
    /// Fall back to the server's first model when the configured one is not served
    /// (`SPARK_MODEL_FALLBACK`).
    public var modelFallback: Bool
    /// How long model requests may wait (`connectTimeout`, `firstByteTimeout`, `idleTimeout` in seconds;
    /// `SPARK_CONNECT_TIMEOUT`, `SPARK_FIRST_BYTE_TIMEOUT`, `SPARK_IDLE_TIMEOUT`); unset ones are the
    /// model client's (10 s, 600 s, 120 s).
    public var timeouts: TimeoutSettings
    /// Workspace paths the agent's file tools never write, added to the built-in list (`.spark`, `.git/hooks`,
    /// ...); every layer adds, none removes (`protectedPaths`).
    public var protectedPaths: [String] = []
    /// `service.approval` (`SPARK_SERVICE_APPROVAL`): how the HTTP service, which cannot ask, decides on
    /// `bash`, `execute_code` and `python_repl`; `deny` by default.
    public var serviceApproval: ServiceApproval = .deny
    /// The knowledge base's folders and embedding model (`knowledgeBase`).
    public var knowledgeBase = KnowledgeBaseSettings()
    /// `image.maxPixels` and `image.maxBytes`: how large an image the vision model receives.
    public var imageLimits = ImageLimits()
    /// `mcpServers`: the MCP servers the agents may use, by name (see `mcpServers(for:)`).
    public var mcpServers: [String: MCPServerDefinition] = [:]
    /// MCP definitions in the workspace's files that were skipped, one line each (see `applyingWorkspaceMCPFiles`).
    public var mcpProblems: [String] = []
    /// The Milvus server for the knowledge base's vectors; without a host they stay in SQLite.
    public var milvus = MilvusSettings()
    /// Settings per agent name.
    public var agents: [String: AgentSettings]
    /// The JSON file that was read, if any.
    public var configFile: String?
    /// What the workspace's own configuration file set that was ignored because the workspace is not trusted.
    public var untrusted: UntrustedSettings?

    /// The built-in defaults.
    public static let defaults = SparkConfiguration(
        endpoint: defaultEndpoint,
        apiKey: nil,
        defaultAgent: "supervisor",
        workspaceDir: nil,
        enableCodeExecution: true,
        dataDir: nil,
        modelFallback: true,
        timeouts: TimeoutSettings(),
        agents: [
            "supervisor": AgentSettings(model: "gpt-oss-120b"),
            "coding": AgentSettings(model: "meta-llama/Llama-3.1-8B-Instruct"),
            "rag": AgentSettings(model: "gpt-oss-20b"),
            "image": AgentSettings(model: "microsoft/Phi-4"),
        ],
        configFile: nil
    )

    /// The workspace in effect: `workspaceDir`, else `/tmp/coding_workspace`.
    public var workspace: String { workspaceDir ?? Self.defaultWorkspace }

    /// Where sessions, memory and other stores live: `dataDir`, else `SPARK_DATA_DIR`, else `<workspace>/.spark`.
    public func dataDirectory(environment: [String: String]) -> DataDirectory {
        DataDirectory(configured: dataDir, environment: environment, workspace: workspace)
    }

    /// The settings of `agent`; an unconfigured name gets the coding agent's model and defaults.
    public func settings(for agent: String) -> AgentSettings {
        agents[agent] ?? AgentSettings(model: agents["coding"]?.model ?? "")
    }

    /// The server `agent` talks to, with the API key and the timeouts.
    public func modelEndpoint(for agent: String) -> ModelEndpoint {
        ModelEndpoint(baseURL: settings(for: agent).endpoint ?? endpoint, apiKey: apiKey, timeouts: timeouts)
    }

    /// The embedding server: `knowledgeBase.embeddingEndpoint`, else the shared endpoint, with the API key and the
    /// timeouts.
    public var embeddingEndpoint: ModelEndpoint {
        ModelEndpoint(baseURL: knowledgeBase.embeddingEndpoint ?? endpoint, apiKey: apiKey, timeouts: timeouts)
    }

    /// The enabled MCP servers `agent` gets: those `agents.<agent>.mcpServers` names, else every server for the
    /// coding agent and none for the others.
    public func mcpServers(for agent: String) -> [MCPServerDefinition] {
        let names = agents[agent]?.mcpServers ?? (agent == "coding" ? mcpServers.keys.sorted() : [])
        return names.compactMap { mcpServers[$0] }.filter { !$0.disabled }
    }

    /// The engine options this configuration implies.
    public var runOptions: RunOptions {
        RunOptions(modelFallback: modelFallback)
    }
}
