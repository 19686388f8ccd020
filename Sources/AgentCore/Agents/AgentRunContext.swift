import Logging
import SparkJSON

/// What an `AgentModule` builds an agent from for one run: the configuration in effect, the workspace,
/// and what the front end provides (how edits reach files, the live buffers, who approves commands).
public struct AgentRunContext: Sendable {
    /// The configuration in effect for this run.
    public var configuration: SparkConfiguration
    /// Delivers the agent's edits: `workspace/applyEdit` in an editor, files on disk elsewhere.
    public var editor: any WorkspaceEditor
    /// The editor's open buffers, when there is an editor.
    public var documents: (any DocumentSource)?
    /// What each conversation's agent last saw of each file, for the read-before-write contract: the file tools
    /// record in it by `ToolContext.sessionID`, and the editor checks each change against it.
    public var seenFiles: SeenFiles
    /// Decides whether commands and code may run.
    public var approval: any ApprovalPolicy
    /// The request's workflow (`review`, `debug`, ...), for agents that have workflows; `nil` for the default.
    public var workflow: String?
    /// The prompts, with `SPARK_PROMPTS_DIR` overrides.
    public var prompts: PromptLibrary
    /// The process environment (timeouts, sandbox preference, `PATH`).
    public var environment: [String: String]
    public var logger: Logger
    /// The front end's model client, for tools that ask a model themselves (the image agent's vision calls);
    /// `nil` where there is none.
    public var client: (any ModelClient)?

    public init(
        configuration: SparkConfiguration, editor: any WorkspaceEditor, documents: (any DocumentSource)?,
        seenFiles: SeenFiles = SeenFiles(), approval: any ApprovalPolicy,
        workflow: String? = nil, prompts: PromptLibrary = PromptLibrary(), environment: [String: String] = [:],
        logger: Logger, client: (any ModelClient)? = nil
    ) {
        self.client = client
        self.configuration = configuration
        self.editor = editor
        self.documents = documents
        self.seenFiles = seenFiles
        self.approval = approval
        self.workflow = workflow
        self.prompts = prompts
        self.environment = environment
        self.logger = logger
    }

    /// The workspace root (absolute path) every tool is confined to.
    public var workspace: String { configuration.workspace }

    /// Where sessions, memory and other stores live.
    public var dataDirectory: DataDirectory { configuration.dataDirectory(environment: environment) }

    /// An agent with the configured model, endpoint and sampling settings of `name`; the module fills in
    /// description, instructions, tools and handoffs.
    public func configuredAgent(_ name: String) -> Agent {
        let settings = configuration.settings(for: name)
        return Agent(
            name: name,
            model: settings.model,
            endpoint: configuration.modelEndpoint(for: name),
            toolChoice: settings.toolChoice,
            maxTokens: settings.maxTokens,
            temperature: settings.temperature,
            maxTurns: settings.maxTurns,
            extraBody: settings.extraBody
        )
    }
}
