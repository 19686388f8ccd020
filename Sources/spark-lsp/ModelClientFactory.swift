import AgentCore
import Logging

/// The model client the commands use.
///
/// Integration: return `HTTPModelClient(logger: logger, options: ...)` here once the libcurl
/// client is merged; until then every call fails with a clear message.
func makeModelClient(logger: Logger) -> any ModelClient {
    UnavailableModelClient()
}
