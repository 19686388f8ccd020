#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One JSON-RPC message as classified from a frame body. The body is kept so that params and
/// results are decoded lazily, straight into their typed form.
public enum IncomingMessage: Sendable {
    case request(id: RequestID, method: String, body: Data)
    case notification(method: String, body: Data)
    /// A response; `id` is `nil` when the peer answered with a `null` id (it could not read our message).
    case response(id: RequestID?, body: Data, error: ResponseError?)
    /// Not a valid message; answer with `error` (id `null` when it could not be read).
    case invalid(id: RequestID?, error: ResponseError)

    /// Classifies a frame body.
    public static func parse(_ body: Data) -> IncomingMessage {
        let header: MessageHeader
        do {
            header = try JSONDecoder().decode(MessageHeader.self, from: body)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            let isBatch = body.first(where: { !isJSONWhitespace($0) }) == UInt8(ascii: "[")
            let reason = isBatch ? "batch requests are not supported" : "a message must be a JSON object"
            return .invalid(id: nil, error: .invalidRequest(reason))
        } catch {
            return .invalid(id: nil, error: ResponseError(code: .parseError, message: "Parse error: body is not valid JSON"))
        }
        if let problem = header.problem {
            return .invalid(id: header.id, error: .invalidRequest(problem))
        }
        switch (header.id, header.method) {
        case (let id?, let method?): return .request(id: id, method: method, body: body)
        case (nil, let method?) where !header.hasNullID: return .notification(method: method, body: body)
        case (let id?, nil) where header.hasResult || header.error != nil:
            return .response(id: id, body: body, error: header.error)
        case (nil, nil) where header.hasNullID && header.error != nil:
            return .response(id: nil, body: body, error: header.error)
        default:
            return .invalid(id: header.id, error: .invalidRequest("not a request, notification or response"))
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// The envelope fields of a message, decoded leniently so that problems can be reported with the id.
struct MessageHeader: Decodable {
    var id: RequestID?
    var hasNullID = false
    var method: String?
    var hasResult = false
    var error: ResponseError?
    var problem: String?

    private enum CodingKeys: String, CodingKey {
        case jsonrpc, id, method, result, error
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.id) {
            if (try? container.decodeNil(forKey: .id)) == true {
                hasNullID = true
            } else if let id = try? container.decode(RequestID.self, forKey: .id) {
                self.id = id
            } else {
                problem = "id must be a number or a string"
            }
        }
        if (try? container.decode(String.self, forKey: .jsonrpc)) != "2.0" {
            problem = problem ?? "jsonrpc must be \"2.0\""
        }
        if container.contains(.method) {
            if let method = try? container.decode(String.self, forKey: .method) {
                self.method = method
            } else {
                problem = problem ?? "method must be a string"
            }
        }
        hasResult = container.contains(.result)
        if container.contains(.error), (try? container.decodeNil(forKey: .error)) != true {
            if let error = try? container.decode(ResponseError.self, forKey: .error) {
                self.error = error
            } else {
                problem = problem ?? "error must be an object with a code and a message"
            }
        }
    }
}
