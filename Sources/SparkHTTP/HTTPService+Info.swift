import AgentCore
import Hummingbird
import SparkJSON

/// `GET /agents`, `GET /health`, `GET /ready`, `GET /metrics`, `GET /openapi.json`.
extension HTTPService {
    func addInfoRoutes(to router: Router<ServiceContext>) {
        router.get("/agents") { _, _ in
            let registry = try self.registry()
            let agents: [JSONValue] = registry.agents.map { agent in
                [
                    "name": .string(agent.name), "description": .string(agent.description),
                    "model": .string(agent.model), "endpoint": .string(agent.endpoint.baseURL),
                    "tools": .array(agent.tools.map { .string($0.name) }),
                ]
            }
            return JSONResponse.make(["agents": .array(agents)])
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

    private func registry() throws -> AgentRegistry {
        try chat.registry(on: try surface())
    }
}
