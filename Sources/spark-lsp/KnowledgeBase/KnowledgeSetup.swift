import AgentCore
import ArgumentParser
import KnowledgeAgent
import Logging

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The configuration and the knowledge index a `kb` command works on.
struct KnowledgeSetup {
    let configuration: SparkConfiguration
    let index: KnowledgeIndex

    /// Loads the configuration (`--config`, `SPARK_CONFIG`, `.spark/config.json`, environment) and opens the
    /// index of the data directory (`--data-dir` first). Exits with status 2 when either fails.
    init(_ options: KnowledgeOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = AgentSetup.logger(label: "spark-lsp.kb", verbose: options.verbose)
        do {
            var configuration = try SparkConfiguration.load(configFile: options.configFile, environment: environment)
            if let untrusted = configuration.untrusted {
                StandardStream.error("spark-lsp: \(untrusted.message)\n")
            }
            if let dataDir = options.dataDir { configuration.dataDir = dataDir }
            self.configuration = configuration
            // The retrieval benchmark's baselines (bench/knowledge/quality.py); unset, the shipped behaviour.
            let baseline = try BenchmarkBaseline(environment: environment)
            index = try KnowledgeIndex(
                configuration: configuration, environment: environment, client: makeModelClient(logger: logger),
                baseline: baseline, logger: logger)
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Runs `body`; a failure is one line on stderr and exit status 1.
    static func failing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ExitCode {
            throw error
        } catch {
            StandardStream.error("spark-lsp: \(error)\n")
            throw ExitCode(1)
        }
    }
}
