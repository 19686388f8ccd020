import AgentCore
import SparkAgents
import CodingAgent
import Logging
import MCPTools

/// The conversation service and the configuration the `chat` and `agents` commands start from.
struct AgentSetup {
    let service: ChatService
    let configuration: SparkConfiguration
    /// What a command-line run works on: edits go straight to disk, commands and code ask `approval`.
    let surface: ChatSurface

    /// Loads the configuration (`--config`, `SPARK_CONFIG`, `.spark/config.json`, environment). When the
    /// workspace's own file sets settings that apply only in a trusted workspace, `trust` (`--trust`) or a yes
    /// on the terminal trusts it; otherwise they are ignored, and stderr says which.
    /// - Throws: `ChatError` (a bad configuration) or a `WorkspacePathError` (an unusable workspace).
    init(
        configFile: String?, environment: [String: String], approval: any ApprovalPolicy, client: any ModelClient,
        trust: Bool, logger: Logger
    ) async throws {
        service = ChatService(
            client: client, modules: AgentModules.all(), configFile: configFile, environment: environment,
            sessionPrefix: "cli", toolProviders: [MCPToolProvider(environment: environment, logger: logger)],
            logger: logger)
        var configuration = try service.configurations.configuration()
        if let untrusted = configuration.untrusted {
            let question =
                "spark-lsp: \(untrusted.file) sets \(untrusted.ignored.joined(separator: ", ")), which may change where your requests and API key go. Trust this workspace?"
            var trusted = trust
            if !trusted, TerminalQuestion.canAsk { trusted = await TerminalQuestion.ask(question) }
            if trusted {
                try service.configurations.trust(untrusted)
                configuration = try service.configurations.configuration()
            } else {
                StandardStream.error("spark-lsp: \(untrusted.message) (--trust)\n")
            }
        }
        self.configuration = configuration
        let root = try WorkspaceRoot(path: configuration.workspace)
        let protected = ProtectedPaths(additional: configuration.protectedPaths)
        surface = ChatSurface(editor: DiskWorkspaceEditor(root: root, protected: protected), approval: approval)
    }

    /// A logger to stderr that needs no global bootstrap.
    static func logger(label: String, verbose: Bool) -> Logger {
        var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
