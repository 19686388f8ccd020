import AgentCore
import Logging

/// The configuration and agents both commands start from.
struct AgentSetup {
    let configuration: SparkConfiguration
    let registry: AgentRegistry

    /// Loads the configuration (`--config`, `SPARK_CONFIG`, `.spark/config.json`, environment)
    /// and builds the default agents with the coding toolkit.
    init(configFile: String?, environment: [String: String], approval: any ApprovalPolicy) throws {
        configuration = try SparkConfiguration.load(configFile: configFile, environment: environment)
        registry = makeDefaultAgents(
            configuration: configuration,
            codingTools: Self.codingTools(configuration: configuration, approval: approval))
    }

    /// Where the coding toolkit plugs in (issue 4): file tools writing through a disk
    /// `WorkspaceEditor`, execution tools asking `approval`.
    static func codingTools(configuration: SparkConfiguration, approval: any ApprovalPolicy) -> [any AgentTool] {
        []
    }

    /// A logger to stderr that needs no global bootstrap.
    static func logger(label: String, verbose: Bool) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
