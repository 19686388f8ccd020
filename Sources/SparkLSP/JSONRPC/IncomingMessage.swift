import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// One JSON-RPC message as classified from a frame body, parsed once: params and results stay JSON
/// values until a handler decodes them into its typed form (`MessageCoding`).
public enum IncomingMessage: Sendable {
    /// A request; `params` is `null` when the message has none.
    case request(id: RequestID, method: String, params: JSONValue)
    /// A notification; `params` is `null` when the message has none.
    case notification(method: String, params: JSONValue)
    /// A response; `id` is `nil` when the peer answered with a `null` id (it could not read our message),
    /// `result` is `null` when the message has none.
    case response(id: RequestID?, result: JSONValue, error: ResponseError?)
    /// Not a valid message; answer with `error` (id `null` when it could not be read).
    case invalid(id: RequestID?, error: ResponseError)

    /// Classifies a frame body.
    public static func parse(_ body: Data) -> IncomingMessage {
        let message: JSONValue
        do {
            message = try JSONValue(parsing: body)
        } catch {
            return .invalid(id: nil, error: ResponseError(code: .parseError, message: "Parse error: \(error)"))
        }
        guard case .object(let members) = message else {
            let isBatch = message.arrayValue != nil
            let reason = isBatch ? "batch requests are not supported" : "a message must be a JSON object"
            return .invalid(id: nil, error: .invalidRequest(reason))
        }
        let header = MessageHeader(members)
        if let problem = header.problem {
            return .invalid(id: header.id, error: .invalidRequest(problem))
        }
        let params = members["params"] ?? .null
        switch (header.id, header.method) {
        case (let id?, let method?): return .request(id: id, method: method, params: params)
        case (nil, let method?) where !header.hasNullID: return .notification(method: method, params: params)
        case (let id?, nil) where members["result"] != nil || header.error != nil:
            return .response(id: id, result: members["result"] ?? .null, error: header.error)
        case (nil, nil) where header.hasNullID && header.error != nil:
            return .response(id: nil, result: .null, error: header.error)
        default:
            return .invalid(id: header.id, error: .invalidRequest("not a request, notification or response"))
        }
    }
}

/// The envelope fields of a message, read leniently so that problems can be reported with the id.
private struct MessageHeader {
    var id: RequestID?
    var hasNullID = false
    var method: String?
    var error: ResponseError?
    var problem: String?

    init(_ members: [String: JSONValue]) {
        switch members["id"] {
        case nil: break
        case .null?: hasNullID = true
        case .string(let id)?: self.id = .string(id)
        case let value?:
            if let number = value.intValue { id = .number(number) } else { problem = "id must be a number or a string" }
        }
        if members["jsonrpc"] != "2.0" {
            problem = problem ?? "jsonrpc must be \"2.0\""
        }
        if let method = members["method"] {
            if case .string(let name) = method {
                self.method = name
            } else {
                problem = problem ?? "method must be a string"
            }
        }
        if let error = members["error"], !error.isNull {
            if let decoded = try? JSONValueDecoder().decode(ResponseError.self, from: error) {
                self.error = decoded
            } else {
                problem = problem ?? "error must be an object with a code and a message"
            }
        }
    }
}
