import SparkJSON

/// A JSON-RPC error object, and the error type handlers throw to answer with a specific code.
public struct ResponseError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public var data: JSONValue?

    public init(code: ErrorCode, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public var description: String { "\(code.rawValue): \(message)" }
}

extension ResponseError {
    /// -32800, the answer to a cancelled request.
    public static let cancelled = ResponseError(code: .requestCancelled, message: "Request cancelled")
    /// -32002, a request before `initialize`.
    public static let serverNotInitialized = ResponseError(
        code: .serverNotInitialized, message: "Server not initialized")

    /// -32601 naming the method.
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: .methodNotFound, message: "Method not found: \(method)")
    }

    /// -32602 with a message.
    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: .invalidParams, message: "Invalid params: \(message)")
    }

    /// -32600 with a message.
    public static func invalidRequest(_ message: String) -> ResponseError {
        ResponseError(code: .invalidRequest, message: "Invalid request: \(message)")
    }

    /// -32603 with a message.
    public static func internalError(_ message: String) -> ResponseError {
        ResponseError(code: .internalError, message: "Internal error: \(message)")
    }

    /// Maps any error to a response error once, at the boundary: `CancellationError` becomes -32800,
    /// a decoding error -32602 naming the field, anything else -32603.
    public init(_ error: any Error) {
        switch error {
        case let error as ResponseError: self = error
        case is CancellationError: self = .cancelled
        case let error as DecodingError:
            self = .invalidParams(error.readableDescription(noun: "field", root: "params"))
        default: self = .internalError(String(describing: error))
        }
    }
}
