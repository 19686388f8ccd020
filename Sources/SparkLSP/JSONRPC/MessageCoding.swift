#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes outgoing JSON-RPC messages and decodes typed params and results from frame bodies.
public enum MessageCoding {
    /// Decodes a message's `params` as `P` (missing or `null` params decode from `{}`).
    public static func decodeParams<P: Decodable>(_ type: P.Type, from body: Data) throws -> P {
        try JSONDecoder().decode(ParamsEnvelope<P>.self, from: body).params
    }

    /// Decodes a response's `result` as `R` (missing result decodes from `null`).
    public static func decodeResult<R: Decodable>(_ type: R.Type, from body: Data) throws -> R {
        try JSONDecoder().decode(ResultEnvelope<R>.self, from: body).result
    }

    /// A request message.
    public static func request(id: RequestID, method: String, params: some Encodable) throws -> Data {
        try encoder().encode(Request(id: id, method: method, params: params))
    }

    /// A notification message.
    public static func notification(method: String, params: some Encodable) throws -> Data {
        if let params = params as? JSONValue {
            return Data(JSONValue.object(["jsonrpc": "2.0", "method": .string(method), "params": params]).jsonBytes())
        }
        return try encoder().encode(Notification(method: method, params: params))
    }

    /// A success response. Results that are `JSONValueRepresentable` skip `JSONEncoder` (several times faster).
    public static func response(id: RequestID, result: some Encodable) throws -> Data {
        if let result = (result as? any JSONValueRepresentable)?.jsonValue {
            let id: JSONValue =
                switch id {
                case .number(let number): .int(number)
                case .string(let string): .string(string)
                }
            return Data(JSONValue.object(["jsonrpc": "2.0", "id": id, "result": result]).jsonBytes())
        }
        return try encoder().encode(Response(id: id, result: result))
    }

    /// An error response (`id` `null` when the request's id is unknown).
    public static func errorResponse(id: RequestID?, error: ResponseError) -> Data {
        (try? encoder().encode(ErrorResponse(id: id, error: error)))
            ?? Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"encoding failed"}}"#.utf8)
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    private struct Request<P: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var method: String
        var params: P
    }

    private struct Notification<P: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: P
    }

    private struct Response<R: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var result: R

        private enum CodingKeys: String, CodingKey { case jsonrpc, id, result }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(result, forKey: .result)
        }
    }

    private struct ErrorResponse: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var error: ResponseError

        private enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(error, forKey: .error)
        }
    }

    private struct ParamsEnvelope<P: Decodable>: Decodable {
        var params: P
        private enum CodingKeys: String, CodingKey { case params }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.params), try !container.decodeNil(forKey: .params) {
                params = try container.decode(P.self, forKey: .params)
            } else {
                params = try JSONDecoder().decode(P.self, from: Data("{}".utf8))
            }
        }
    }

    private struct ResultEnvelope<R: Decodable>: Decodable {
        var result: R
        private enum CodingKeys: String, CodingKey { case result }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.result) {
                result = try container.decode(R.self, forKey: .result)
            } else {
                result = try JSONDecoder().decode(R.self, from: Data("null".utf8))
            }
        }
    }
}
