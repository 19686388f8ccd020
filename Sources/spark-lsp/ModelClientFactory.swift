import AgentCore
import Logging
import SparkLSP

/// The model client every command uses (the language server too): OpenAI-compatible HTTP through libcurl,
/// named `SparkLSP/<version>`.
///
/// Endpoints, API keys and configured timeouts travel with each agent's `ModelEndpoint`; the client keeps
/// its default retries.
func makeModelClient(logger: Logger) -> any ModelClient {
    HTTPModelClient(logger: logger, options: HTTPModelClient.Options(userAgent: "SparkLSP/\(sparkLSPVersion)"))
}
