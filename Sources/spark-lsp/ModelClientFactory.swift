import AgentCore
import Logging
import SparkLSP

/// The model client the commands use: OpenAI-compatible HTTP through libcurl.
///
/// The configuration carries no transport settings (endpoints and API keys travel with each
/// agent's `ModelEndpoint`), so the client keeps its default timeouts and retries and names
/// itself `SparkLSP/<version>`.
func makeModelClient(logger: Logger) -> any ModelClient {
    HTTPModelClient(logger: logger, options: HTTPModelClient.Options(userAgent: "SparkLSP/\(sparkLSPVersion)"))
}
