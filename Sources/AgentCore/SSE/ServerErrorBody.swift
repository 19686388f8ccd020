import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The error bodies OpenAI-compatible servers send: OpenAI's `{"error": {"message": ..}}`, vLLM's
/// `{"object": "error", "message": .., "code": 404}`, and FastAPI's `{"detail": ..}`.
struct ServerErrorBody: Decodable {
    /// The inner object of `{"error": {...}}`; some servers send a bare string instead.
    struct Nested: Decodable {
        var message: String?
        var status: Int?

        enum CodingKeys: String, CodingKey { case message, code }

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                message = text
                status = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            message = try? container.decode(String.self, forKey: .message)
            status = try? container.decode(Int.self, forKey: .code)
        }
    }

    var error: Nested?
    var message: String?
    var detail: JSONValue?

    /// The server's own message in an error body, when the body has one.
    static func message(in body: Data) -> String? {
        guard let parsed = try? JSONDecoder().decode(ServerErrorBody.self, from: body) else { return nil }
        if let message = parsed.error?.message { return message }
        if let message = parsed.message { return message }
        switch parsed.detail {
        case .string(let text)?: return text
        case let detail?: return detail.serialized()
        case nil: return nil
        }
    }
}
