import AgentCore

/// Each agent's model server answers `GET /v1/models` and serves the agent's model; when it does not, the
/// model the engine would fall back to (the server's first, with `modelFallback`).
enum AgentModelsCheck {
    static let check = DoctorCheck(id: "agent") { context in await findings(context) }

    static func findings(_ context: DoctorContext) async -> [DoctorFinding] {
        guard case .success(let configuration) = context.configuration else {
            return context.agentNames.map { context.unconfigured(id: "agent.\($0)", title: "Agent \($0)") }
        }
        let endpoints = context.agentNames.map { context.probing(configuration.modelEndpoint(for: $0)) }
        let served = await ModelListing.fetch(Array(Set(endpoints)), client: context.client)
        return zip(context.agentNames, endpoints).map { name, endpoint in
            finding(
                agent: name, model: configuration.settings(for: name).model, endpoint: endpoint,
                served: served[endpoint]!, fallback: configuration.modelFallback)
        }
    }

    static func finding(
        agent: String, model: String, endpoint: ModelEndpoint, served: Result<[String], any Error>, fallback: Bool
    ) -> DoctorFinding {
        let id = "agent.\(agent)"
        let title = "Agent \(agent)"
        let variable =
            SparkConfiguration.builtInAgents.contains(agent) ? "\(agent.uppercased())_MODEL" : "agents.\(agent).model"
        switch served {
        case .failure(let error):
            return DoctorFinding(
                id: id, title: title, verdict: .failure,
                detail: "\(endpoint.baseURL) does not answer: \(DoctorContext.describe(error))",
                hint:
                    "start the model server (make vllm-up) or point VLLM_ENDPOINT (or \(agent.uppercased())_ENDPOINT) at one"
            )
        case .success(let models) where models.contains(model):
            return DoctorFinding(id: id, title: title, verdict: .ok, detail: "\(model) served by \(endpoint.baseURL)")
        case .success(let models):
            let list = models.isEmpty ? "no models" : models.prefix(5).joined(separator: ", ")
            if fallback, let first = models.first {
                return DoctorFinding(
                    id: id, title: title, verdict: .warning,
                    detail: "\(endpoint.baseURL) does not serve \(model); requests fall back to \(first)",
                    hint: "set \(variable) to one it serves: \(list)")
            }
            return DoctorFinding(
                id: id, title: title, verdict: .failure,
                detail: "\(endpoint.baseURL) does not serve \(model) (it serves \(list))",
                hint: models.isEmpty
                    ? "load a model into the server" : "set \(variable) to one it serves, or SPARK_MODEL_FALLBACK=true")
        }
    }
}

/// `GET /v1/models` of several servers at once.
enum ModelListing {
    static func fetch(_ endpoints: [ModelEndpoint], client: any ModelClient) async -> [ModelEndpoint: Result<
        [String], any Error
    >] {
        await withTaskGroup(of: (ModelEndpoint, Result<[String], any Error>).self) { group in
            for endpoint in endpoints {
                group.addTask {
                    do { return (endpoint, .success(try await client.listModels(endpoint: endpoint))) } catch {
                        return (endpoint, .failure(error))
                    }
                }
            }
            var results: [ModelEndpoint: Result<[String], any Error>] = [:]
            for await (endpoint, result) in group { results[endpoint] = result }
            return results
        }
    }
}
