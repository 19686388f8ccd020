import AgentCore
import Glibc
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A private data directory and the environment `spark-lsp chat` runs with in the end-to-end
/// tests: only `PATH`, `HOME`, the endpoint and the data directory, so the developer's own
/// configuration never leaks in.
struct ChatEnvironment {
    let directory: String

    init() throws {
        var template = Array("/tmp/spark-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SparkProcess.Failure(description: "mkdtemp failed") }
        directory = String(cString: made)
    }

    /// The environment with `endpoint` as the shared vLLM endpoint.
    func variables(endpoint: ModelEndpoint) -> [String: String] {
        [
            "PATH": "/usr/bin:/bin", "HOME": directory, "VLLM_ENDPOINT": endpoint.baseURL,
            "SPARK_DATA_DIR": directory + "/data",
        ]
    }

    /// Runs `spark-lsp arguments...` against `endpoint` to the end.
    func run(_ arguments: [String], endpoint: ModelEndpoint) async throws -> SparkProcess.Exit {
        try await SparkProcess(arguments, environment: variables(endpoint: endpoint)).exit()
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
