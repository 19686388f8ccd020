import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Encodes outgoing JSON-RPC messages and decodes typed params and results from parsed messages.
public enum MessageCoding {
    /// Decodes a message's `params` as `P` (missing or `null` params decode from `{}`).
    public static func decodeParams<P: Decodable>(_ type: P.Type, from params: JSONValue) throws -> P {
        try JSONValueDecoder().decode(P.self, from: params.isNull ? .object([:]) : params)
    }

    /// Decodes a response's `result` as `R` (a missing result is `null`).
    public static func decodeResult<R: Decodable>(_ type: R.Type, from result: JSONValue) throws -> R {
        try JSONValueDecoder().decode(R.self, from: result)
    }

    /// A request message.
    public static func request(id: RequestID, method: String, params: some Encodable) throws -> Data {
        try encoder().encode(Request(id: id, method: method, params: params))
    }

    /// A notification message. `JSONWritable` params skip `JSONEncoder`.
    public static func notification(method: String, params: some Encodable) throws -> Data {
        if let params = params as? any JSONWritable {
            var writer = JSONWriter()
            writer.writeRaw(#"{"jsonrpc":"2.0","method":"#)
            writer.write(method)
            writer.key("params")
            params.writeJSON(into: &writer)
            writer.endObject()
            return Data(writer.bytes)
        }
        return try encoder().encode(Notification(method: method, params: params))
    }

    /// A success response. `JSONWritable` results skip `JSONEncoder` (several times faster).
    public static func response(id: RequestID, result: some Encodable) throws -> Data {
        if let result = result as? any JSONWritable {
            var writer = JSONWriter(capacity: 1024)
            writer.writeRaw(#"{"jsonrpc":"2.0","id":"#)
            switch id {
            case .number(let number): writer.write(number)
            case .string(let string): writer.write(string)
            }
            writer.key("result")
            result.writeJSON(into: &writer)
            writer.endObject()
            return Data(writer.bytes)
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
}
