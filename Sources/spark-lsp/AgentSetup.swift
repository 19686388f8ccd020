import AgentCore
import Logging

/// The configuration and agents both commands start from.
struct AgentSetup {
    let configuration: SparkConfiguration
    let toolkit: CodingToolkit
    let registry: AgentRegistry

    /// Loads the configuration (`--config`, `SPARK_CONFIG`, `.spark/config.json`, environment)
    /// and builds the default agents with the coding toolkit: edits go straight to disk, commands
    /// and code ask `approval`.
    init(configFile: String?, environment: [String: String], approval: any ApprovalPolicy, logger: Logger) throws {
        configuration = try SparkConfiguration.load(configFile: configFile, environment: environment)
        toolkit = try CodingToolkit(configuration: configuration, environment: environment, logger: logger)
        let tools = toolkit.tools(
            editor: DiskWorkspaceEditor(root: toolkit.workspace), documents: nil, approval: approval)
        registry = makeDefaultAgents(
            configuration: configuration, codingTools: tools, workspace: toolkit.workspace.path,
            prompts: try PromptLibrary.locate(environment: environment))
    }

    /// A logger to stderr that needs no global bootstrap.
    static func logger(label: String, verbose: Bool) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
