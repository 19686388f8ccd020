import SparkJSON

/// The body of `POST /chat` and `POST /chat/stream`: `{"message", "session_id"?, "agent_type"?, "images"?,
/// "stream"?}`; with `images`, `message` may be empty or absent.
/// Unknown fields are ignored (as the original service did); every known one is checked, with a message that
/// names the field.
struct ChatPayload: Hashable, Sendable {
    var message: String
    var sessionID: String?
    var agentType: String?
    var stream: Bool?
    /// `images`: workspace paths, `file:` URIs or `data:image/<type>;base64,` URLs.
    var images: [String] = []

    /// The longest session id accepted.
    static let maxSessionIDLength = 200

    init(message: String, sessionID: String? = nil, agentType: String? = nil, stream: Bool? = nil) {
        self.message = message
        self.sessionID = sessionID
        self.agentType = agentType
        self.stream = stream
    }

    /// Parses and checks a request body.
    /// - Throws: `ServiceError` 400 with `invalid_json` or `invalid_request`.
    init(body: [UInt8]) throws(ServiceError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: body)
        } catch {
            throw ServiceError(.badRequest, "invalid_json", "the body is not valid JSON: \(error)")
        }
        guard let fields = value.objectValue else {
            throw .invalidRequest("the body must be a JSON object, like {\"message\": \"...\"}")
        }
        sessionID = try Self.optionalString(fields, "session_id")
        if let id = sessionID {
            guard !id.isEmpty, id.unicodeScalars.count <= Self.maxSessionIDLength, !id.contains(where: \.isNewline)
            else {
                throw .invalidRequest(
                    "session_id must be 1 to \(Self.maxSessionIDLength) characters without line breaks")
            }
        }
        agentType = try Self.optionalString(fields, "agent_type")
        if let images = fields["images"], !images.isNull {
            guard case .array(let items) = images else { throw .invalidRequest("images must be an array of strings") }
            let paths = items.compactMap(\.stringValue)
            guard paths.count == items.count else { throw .invalidRequest("images must be an array of strings") }
            self.images = paths
        }
        // With images the message may be empty or absent: the images are the question.
        let text = try Self.optionalString(fields, "message") ?? ""
        if images.isEmpty {
            guard fields["message"]?.isNull == false else { throw .invalidRequest("message is required") }
            guard !text.allSatisfy(\.isWhitespace) else {
                throw .invalidRequest("message must not be empty (unless images are attached)")
            }
        }
        self.message = text.allSatisfy(\.isWhitespace) ? "" : text
        if let stream = fields["stream"], !stream.isNull {
            guard let flag = stream.boolValue else { throw .invalidRequest("stream must be true or false") }
            self.stream = flag
        }
    }

    private static func optionalString(_ fields: [String: JSONValue], _ key: String) throws(ServiceError) -> String? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .invalidRequest("\(key) must be a string") }
        return text
    }
}
