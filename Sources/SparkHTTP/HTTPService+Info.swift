import AgentCore
import Hummingbird
import SparkJSON

/// `GET /agents`, `GET /health`, `GET /ready`, `GET /metrics`, `GET /openapi.json`.
extension HTTPService {
    func addInfoRoutes(to router: Router<ServiceContext>) {
        router.get("/agents") { _, _ in
            JSONResponse.bytes(try self.agentsListing())
        }
        router.get("/health") { _, _ in JSONResponse.make(["status": "ok"]) }
        router.get("/ready") { _, _ in
            let configuration = try self.chat.configurations.configuration()
            let agents = try self.registry().agents.map { (name: $0.name, model: $0.model, endpoint: $0.endpoint) }
            let report = await self.readiness.check(agents, fallback: configuration.modelFallback)
            return JSONResponse.make(report.body, status: report.ready ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            JSONResponse.bytes(self.metrics.exposition(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        router.get("/openapi.json") { _, _ in JSONResponse.bytes(PackageResources.openapi_json) }
    }

    /// `GET /agents`' body, made again only when the configuration changes (building the registry renders every
    /// agent's prompt: the listing is what wrk hammers in `make bench-http`).
    private func agentsListing() throws -> [UInt8] {
        let configuration = try chat.configurations.configuration()
        if let cached = agentsCache.withLock({ $0 }), cached.configuration == configuration { return cached.body }
        let agents: [JSONValue] = try registry().agents.map { agent in
            [
                "name": .string(agent.name), "description": .string(agent.description),
                "model": .string(agent.model), "endpoint": .string(agent.endpoint.baseURL),
                "tools": .array(agent.tools.map { .string($0.name) }),
            ]
        }
        let body = Array(JSONValue.object(["agents": .array(agents)]).serialized().utf8)
        agentsCache.withLock { $0 = (configuration, body) }
        return body
    }

    private func registry() throws -> AgentRegistry {
        try chat.registry(on: try surface())
    }
}
