import AgentCore
import CodingAgent
import Logging

/// The conversation service and the configuration the `chat` and `agents` commands start from.
struct AgentSetup {
    let service: ChatService
    let configuration: SparkConfiguration
    /// What a command-line run works on: edits go straight to disk, commands and code ask `approval`.
    let surface: ChatSurface

    /// Loads the configuration (`--config`, `SPARK_CONFIG`, `.spark/config.json`, environment).
    /// - Throws: `ChatError` (a bad configuration) or a `WorkspacePathError` (an unusable workspace).
    init(
        configFile: String?, environment: [String: String], approval: any ApprovalPolicy, client: any ModelClient,
        logger: Logger
    ) throws {
        service = ChatService(
            client: client, modules: AgentModules.all(), configFile: configFile, environment: environment,
            sessionPrefix: "cli", logger: logger)
        configuration = try service.configurations.configuration()
        let root = try WorkspaceRoot(path: configuration.workspace)
        surface = ChatSurface(editor: DiskWorkspaceEditor(root: root), approval: approval)
    }

    /// A logger to stderr that needs no global bootstrap.
    static func logger(label: String, verbose: Bool) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
