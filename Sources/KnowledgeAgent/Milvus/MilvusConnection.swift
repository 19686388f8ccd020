import AgentCore
import SparkJSON

/// Requests to one Milvus server's RESTful API, with its errors mapped to `MilvusError`.
struct MilvusConnection: Sendable {
    let baseURL: String
    let token: String?
    let client: JSONHTTPClient

    /// Sends a request and returns the reply's `data` (`.null` when it has none).
    /// - Parameter success: the `code` that means success (200 in v1, 0 in v2); any other is an error, also
    ///   when, as v1 does, it arrives with HTTP status 200.
    func call(_ method: String, _ path: String, _ json: JSONValue? = nil, success: Int) async throws -> JSONValue {
        let headers = token.map { ["Authorization: Bearer \($0)"] } ?? []
        let response: JSONHTTPClient.Response
        do {
            response = try await client.send(method, baseURL + path, json: json, headers: headers)
        } catch let error as JSONHTTPClient.TransportError {
            throw MilvusError(.unavailable, "Milvus at \(baseURL) is not reachable: \(error.message)")
        }
        guard (200..<300).contains(response.status) else {
            if response.status == 404 { throw MilvusError(.unsupportedServer, "\(path): HTTP 404 from \(baseURL)") }
            throw MilvusError(
                .rejected(response.status), "\(path): HTTP \(response.status) from \(baseURL): \(excerpt(response.text))")
        }
        guard let body = response.json, let code = body["code"]?.intValue else {
            throw MilvusError(.malformedResponse, "\(path): unexpected reply from \(baseURL): \(excerpt(response.text))")
        }
        guard code == success else {
            let message = body["message"]?.stringValue ?? excerpt(response.text)
            throw Self.error(code: code, message: "\(path): Milvus says \(message) (code \(code))")
        }
        return body["data"] ?? .null
    }

    private static func error(code: Int, message: String) -> MilvusError {
        let lowered = message.lowercased()
        if code == 100 || lowered.contains("collection not found") || lowered.contains("can't find collection") {
            return MilvusError(.collectionNotFound, message)
        }
        if code == 1804 || lowered.contains("dimension") || lowered.contains("dim") && lowered.contains("mismatch") {
            return MilvusError(.wrongDimension, message)
        }
        return MilvusError(.rejected(code), message)
    }

    private func excerpt(_ text: String) -> String {
        text.count > 300 ? String(text.prefix(300)) + "..." : text
    }
}
