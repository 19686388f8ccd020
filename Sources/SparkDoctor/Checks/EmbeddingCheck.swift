import AgentCore

/// The knowledge base's embedding model (`EMBEDDING_MODEL` at `EMBEDDING_ENDPOINT`, else the shared endpoint)
/// embeds a sentence; skipped when no embedding model is configured.
enum EmbeddingCheck {
    static let check = DoctorCheck(id: "embedding") { context in [await finding(context)] }

    static func finding(_ context: DoctorContext) async -> DoctorFinding {
        let id = "embedding"
        let title = "Embedding model"
        guard let model = context.variable("EMBEDDING_MODEL") else {
            return DoctorFinding(
                id: id, title: title, verdict: .skipped, detail: "EMBEDDING_MODEL is not set (no vector search)")
        }
        guard case .success(let configuration) = context.configuration else {
            return context.unconfigured(id: id, title: title)
        }
        let base = context.variable("EMBEDDING_ENDPOINT") ?? configuration.endpoint
        let endpoint = context.probing(ModelEndpoint(baseURL: base, apiKey: configuration.apiKey))
        do {
            let vectors = try await context.client.embeddings(
                model: model, inputs: ["spark-lsp doctor"], endpoint: endpoint)
            let dimensions = vectors.first?.count ?? 0
            guard dimensions > 0 else {
                return DoctorFinding(
                    id: id, title: title, verdict: .failure,
                    detail: "\(model) at \(endpoint.baseURL) returned an empty vector",
                    hint: "EMBEDDING_MODEL must name an embedding model")
            }
            return DoctorFinding(
                id: id, title: title, verdict: .ok, detail: "\(model) at \(endpoint.baseURL): \(dimensions) dimensions")
        } catch {
            let notServed = (error as? LLMError)?.code == .modelNotFound
            return DoctorFinding(
                id: id, title: title, verdict: .failure,
                detail: "\(model) at \(endpoint.baseURL): \(DoctorContext.describe(error))",
                hint: notServed
                    ? "serve \(model) (vllm serve \(model) --task embed) or set EMBEDDING_MODEL to one served"
                    : "start the embedding server or set EMBEDDING_ENDPOINT")
        }
    }
}
