import AgentCore
import SparkJSON

/// `GET /ready`: every agent's model server answers `GET /v1/models` and serves the agent's model (or, with
/// `modelFallback`, serves any model). The answer is kept for `cacheDuration`, so probes from a load balancer
/// do not become a stream of model-server requests; concurrent probes share one check.
actor ReadinessProbe {
    struct Report: Sendable {
        var ready: Bool
        var body: JSONValue
    }

    /// How long one model server may take to list its models.
    static let probeTimeout: Duration = .seconds(2)
    private let client: any ModelClient
    private let cacheDuration: Duration
    private var cached: (report: Report, at: ContinuousClock.Instant)?
    private var running: Task<Report, Never>?

    init(client: any ModelClient, cacheDuration: Duration) {
        self.client = client
        self.cacheDuration = cacheDuration
    }

    /// The readiness of `agents` (name, model, endpoint), from the cache when fresh.
    func check(_ agents: [(name: String, model: String, endpoint: ModelEndpoint)], fallback: Bool) async -> Report {
        if let cached, ContinuousClock.now - cached.at < cacheDuration { return cached.report }
        if let running { return await running.value }
        let client = self.client
        let task = Task { await Self.probe(agents, fallback: fallback, client: client) }
        running = task
        let report = await task.value
        running = nil
        cached = (report, .now)
        return report
    }

    private static func probe(
        _ agents: [(name: String, model: String, endpoint: ModelEndpoint)], fallback: Bool, client: any ModelClient
    ) async -> Report {
        var served: [String: Result<[String], any Error>] = [:]
        for agent in agents where served[agent.endpoint.baseURL] == nil {
            do {
                // A probe answers quickly: no waiting through the client's retries.
                let endpoint = agent.endpoint
                served[endpoint.baseURL] = .success(
                    try await withDeadline(Self.probeTimeout) { try await client.listModels(endpoint: endpoint) })
            } catch {
                served[agent.endpoint.baseURL] = .failure(error)
            }
        }
        var ready = true
        var checks: [JSONValue] = []
        for agent in agents {
            var check: [String: JSONValue] = [
                "agent": .string(agent.name), "model": .string(agent.model),
                "endpoint": .string(agent.endpoint.baseURL),
            ]
            switch served[agent.endpoint.baseURL] {
            case .success(let models):
                let ok = models.contains(agent.model) || (fallback && !models.isEmpty)
                check["ok"] = .bool(ok)
                if !ok { check["message"] = .string("the model server does not serve \(agent.model)") }
                ready = ready && ok
            case .failure(let error):
                check["ok"] = false
                let reason =
                    (error as? ServiceError)?.code == "timeout" ? "no answer within \(Self.probeTimeout)" : "\(error)"
                check["message"] = .string("the model server did not answer: \(reason)")
                ready = false
            case nil:
                break
            }
            checks.append(.object(check))
        }
        return Report(ready: ready, body: ["status": .string(ready ? "ready" : "not_ready"), "checks": .array(checks)])
    }
}
