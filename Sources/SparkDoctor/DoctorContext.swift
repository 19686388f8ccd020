import AgentCore
import CodingAgent
import Logging

/// What every check reads: the environment, the configuration loaded from it (once), the agents to check and a
/// model client that answers quickly (no retries, short timeouts).
public struct DoctorContext: Sendable {
    /// The process environment the server would run with.
    public var environment: [String: String]
    /// `--config`, if given.
    public var configFile: String?
    /// The configuration in effect, or why it does not load.
    public var configuration: Result<SparkConfiguration, ChatError>
    /// The agents the front ends compose (supervisor first), whose models are checked.
    public var agentNames: [String]
    /// How long one network probe may take (connect, first byte, between bytes).
    public var timeout: Duration
    /// The `spark-sandbox` launcher the coding agent would use.
    public var launcherPath: String?
    /// Talks to the model servers (and Milvus's REST API) without retrying.
    public var client: HTTPModelClient
    /// The sandbox probes log nothing: their verdicts are the findings.
    public var logger: Logger

    /// - Parameters:
    ///   - agentNames: the agents to check (`["supervisor"] + AgentModules.all().map(\.name)`).
    ///   - timeout: per network probe; the terminal guide passes a shorter one.
    ///   - launcherPath: `nil` uses the coding agent's default (`spark-sandbox` beside the executable), or
    ///     `SPARK_SANDBOX_LAUNCHER`.
    public init(
        environment: [String: String], configFile: String? = nil, agentNames: [String],
        timeout: Duration = .seconds(3), launcherPath: String? = nil, userAgent: String = "SparkLSP doctor"
    ) {
        self.environment = environment
        self.configFile = configFile
        self.agentNames = agentNames
        self.timeout = timeout
        self.launcherPath = launcherPath
        logger = Logger(label: "spark.doctor") { _ in SwiftLogNoOpLogHandler() }
        client = HTTPModelClient(
            logger: logger,
            options: HTTPModelClient.Options(
                connectTimeout: timeout, firstByteTimeout: timeout, idleTimeout: timeout, maxRetries: 0,
                userAgent: userAgent))
        do {
            configuration = .success(
                try ConfigurationStore(configFile: configFile, environment: environment).configuration())
        } catch {
            configuration = .failure(error)
        }
    }

    /// `endpoint` with the doctor's timeouts instead of the configured ones (a probe must answer quickly).
    func probing(_ endpoint: ModelEndpoint) -> ModelEndpoint {
        var endpoint = endpoint
        endpoint.timeouts = TimeoutSettings(connect: timeout, firstByte: timeout, idle: timeout)
        return endpoint
    }

    /// The finding a check reports when the configuration does not load (the configuration check says why).
    func unconfigured(id: String, title: String) -> DoctorFinding {
        DoctorFinding(
            id: id, title: title, verdict: .skipped, detail: "not checked: the configuration does not load")
    }

    /// The environment variable `name`, when set and not empty.
    func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}

extension DoctorContext {
    /// An error as a finding's detail shows it: a model client's message without the endpoint it repeats.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? LLMError else { return "\(error)" }
        return error.httpStatus.map { "HTTP \($0): \(error.message)" } ?? error.message
    }
}
