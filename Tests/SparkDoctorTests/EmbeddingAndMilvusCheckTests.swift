import AgentCore
import SparkDoctor
import SparkTestSupport
import Testing

/// The embedding model and Milvus: skipped unless configured, then checked over HTTP.
@Suite struct EmbeddingAndMilvusCheckTests {
    @Test func unconfiguredAreSkipped() async throws {
        let server = try ScriptedModelServer()
        let world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        #expect(await world.run("embedding").map(\.verdict) == [.skipped])
        #expect(await world.run("milvus").map(\.verdict) == [.skipped])
        #expect(server.requests.isEmpty)
    }

    @Test func theEmbeddingModelEmbeds() async throws {
        let server = try ScriptedModelServer(models: ["chat"])
        let embeddings = try ScriptedModelServer(models: ["embedder"])
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["EMBEDDING_MODEL"] = "embedder"
        world.environment["EMBEDDING_ENDPOINT"] = embeddings.endpoint.baseURL
        let finding = await world.run("embedding")[0]
        #expect(finding.verdict == .ok, "\(finding)")
        #expect(finding.detail == "embedder at \(embeddings.endpoint.baseURL): 3 dimensions")
        #expect(embeddings.requests.last?.body?["model"]?.stringValue == "embedder")
        #expect(server.requests.isEmpty)
    }

    @Test func anEmbeddingModelNotServedFails() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["EMBEDDING_MODEL"] = "absent-embedder"
        server.enqueue(.modelNotFound("absent-embedder"), for: .embeddings)
        let finding = await world.run("embedding")[0]
        #expect(finding.verdict == .failure)
        #expect(finding.detail.contains("absent-embedder"), "\(finding.detail)")
        #expect(finding.hint?.contains("serve absent-embedder") == true, "\(String(describing: finding.hint))")
    }

    @Test func milvusDownFails() async throws {
        let server = try ScriptedModelServer()
        let refusing = try ScriptedModelServer.refusingEndpoint()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        // A URL, not a host: no fallback to port 9091, where another Milvus on this machine may listen.
        world.environment["MILVUS_HOST"] = String(refusing.baseURL.dropLast("/v1".count))
        let finding = await world.run("milvus")[0]
        #expect(finding.verdict == .failure)
        #expect(finding.detail.contains("/v1/vector/collections does not answer"), "\(finding.detail)")
    }

    @Test func aServerThatIsNotMilvusFails() async throws {
        let server = try ScriptedModelServer()
        var world = try DoctorWorld(endpoint: server.endpoint)
        defer { world.remove() }
        world.environment["MILVUS_HOST"] = "http://127.0.0.1:\(server.port)"
        let finding = await world.run("milvus")[0]
        #expect(finding.verdict == .failure)
        #expect(server.requests.first?.path == "/v1/vector/collections")
        #expect(finding.hint == "start Milvus or correct MILVUS_HOST / MILVUS_PORT", "\(finding)")
    }
}
