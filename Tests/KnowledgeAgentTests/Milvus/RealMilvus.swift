import Glibc
import KnowledgeAgent
import SparkTestSupport
import Testing

/// The real Milvus 2.3.5 of `scripts/milvus/with-server.sh` (`SPARK_TEST_MILVUS`, `MILVUS_HOST`, `MILVUS_PORT`,
/// and `SPARK_TEST_MILVUS_SERVER`, the script that stops and starts it).
enum RealMilvus {
    static var isConfigured: Bool { variable("SPARK_TEST_MILVUS") != nil }

    static var baseURL: String {
        "http://\(variable("MILVUS_HOST") ?? "127.0.0.1"):\(variable("MILVUS_PORT") ?? "19530")"
    }

    /// A store on a collection of its own (a fresh embedder identity).
    static func store(_ test: String, dimension: Int? = nil) -> MilvusVectorStore {
        MilvusVectorStore(
            baseURL: baseURL, embedderIdentity: "test-\(test)-\(UInt32.random(in: 0...UInt32.max))",
            dimension: dimension)
    }

    /// Runs `scripts/milvus/server.sh start|stop` (start waits for healthz; stop for the server to end).
    static func server(_ command: String) async throws {
        let script = try #require(variable("SPARK_TEST_MILVUS_SERVER"))
        let process = try ChildProcess(executable: "/bin/bash", arguments: [script, command])
        close(process.stdinFD)
        #expect(await process.waitForExit() == 0, "server.sh \(command) failed")
        close(process.stdoutFD)
    }

    /// Milvus makes writes visible to search after ~0.1-0.4 s and has no way to wait for it: asks again every
    /// 50 ms until `condition` holds, failing after 15 s.
    static func eventually(
        _ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("not within 15 s: \(what)", sourceLocation: sourceLocation)
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func variable(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}

extension Trait where Self == ConditionTrait {
    static var realMilvus: Self {
        .enabled(if: RealMilvus.isConfigured, "SPARK_TEST_MILVUS is not set (run scripts/milvus/with-server.sh)")
    }
}
