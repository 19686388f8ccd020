extension HTTPModelClient {
    /// GETs any URL of a model server (for example vLLM's `/metrics`, outside `/v1`) and returns
    /// the body as text, with the client's timeouts, retries and typed errors.
    package func getText(_ url: String) async throws -> String {
        let spec = HTTPRequestSpec(method: "GET", url: url, headers: ["Accept: text/plain", "Expect:"], body: nil)
        let body = try await perform(spec, endpoint: ModelEndpoint(baseURL: url))
        return String(decoding: body, as: UTF8.self)
    }
}
