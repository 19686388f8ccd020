import SparkJSON
import SparkTestSupport
import Testing

/// `GET /agents`, `/health`, `/ready`, `/metrics`, `/openapi.json`.
@Suite struct InfoRouteTests {
    @Test func agentsListNameDescriptionModelEndpointAndTools() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let reply = try await service.get("/agents")
        #expect(reply.status == 200)
        let agents = try #require(reply.json["agents"]?.arrayValue)
        #expect(agents.compactMap { $0["name"]?.stringValue } == ["supervisor", "coding", "rag"])
        let coding = agents[1]
        #expect(coding["model"] == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(coding["endpoint"]?.stringValue == service.model.endpoint.baseURL)
        #expect(coding["description"]?.stringValue?.isEmpty == false)
        #expect(coding["tools"]?.arrayValue?.contains("file_read") == true)
    }

    @Test func healthAndReadiness() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        #expect(try await service.get("/health").json == ["status": "ok"])
        let ready = try await service.get("/ready")
        #expect(ready.status == 200, "\(ready.text)")
        #expect(ready.json["status"] == "ready")
        // Cached: a second probe asks the model server nothing more.
        let asked = service.model.requests.count
        #expect(try await service.get("/ready").status == 200)
        #expect(service.model.requests.count == asked)

        let strict = try await ServiceHarness(environment: ["SPARK_MODEL_FALLBACK": "false"])
        defer { strict.stop() }
        let missing = try await strict.get("/ready")
        #expect(missing.status == 503)
        #expect(missing.json["checks"]?.arrayValue?.first?["message"]?.stringValue?.contains("gpt-oss-120b") == true)

        let down = try await ServiceHarness(endpoint: try ScriptedModelServer.refusingEndpoint())
        defer { down.stop() }
        #expect(try await down.get("/ready").status == 503)
    }

    @Test func metricsCountRequestsModelCallsToolsAndHandoffs() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        service.model.enqueue(.toolCalls([ScriptedToolCall(name: "transfer_to_coding", arguments: [:])]))
        service.model.enqueue(.toolCalls([ScriptedToolCall(name: "bash", arguments: ["command": "ls"])]))
        service.model.enqueue(.text("Done."))
        #expect(try await service.post("/chat", json: #"{"message": "list"}"#).status == 200)
        _ = try await service.post("/chat", json: "{")
        let text = try await service.get("/metrics").text
        for line in [
            #"spark_http_requests_total{route="/chat",method="POST",status="200"} 1"#,
            #"spark_http_requests_total{route="/chat",method="POST",status="400"} 1"#,
            #"spark_errors_total{cause="invalid_json"} 1"#,
            #"spark_model_requests_total{model="gpt-oss-120b"} 1"#,
            #"spark_model_requests_total{model="meta-llama/Llama-3.1-8B-Instruct"} 2"#,
            #"spark_tool_calls_total{tool="bash"} 1"#,
            #"spark_tool_refusals_total{tool="bash"} 1"#,
            #"spark_handoffs_total{from="supervisor",to="coding"} 1"#,
            "spark_http_open_streams 0",
        ] {
            #expect(text.contains(line), "missing \(line) in:\n\(text)")
        }
        #expect(text.contains(#"spark_model_tokens_total{direction="in"}"#))
        #expect(text.contains("spark_http_request_duration_seconds_bucket"))
    }

    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        let service = try await ServiceHarness()
        defer { service.stop() }
        let document = try await service.get("/openapi.json").json
        #expect(document["openapi"] == "3.1.0")
        let paths = try #require(document["paths"]?.objectValue)
        let routes: [(String, String)] = [
            ("/chat", "post"), ("/chat/stream", "post"), ("/agents", "get"), ("/sessions", "get"),
            ("/sessions/{id}", "get"), ("/sessions/{id}", "delete"), ("/health", "get"), ("/ready", "get"),
            ("/metrics", "get"), ("/openapi.json", "get"),
        ]
        for (path, method) in routes {
            #expect(paths[path]?[method] != nil, "\(method) \(path) is not described")
        }
        #expect(paths.count == Set(routes.map(\.0)).count, "no route is described that does not exist")
    }
}
