/// A JSON-RPC / LSP error code. Extensible: any integer is a valid code.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Invalid JSON was received.
    public static let parseError = ErrorCode(rawValue: -32700)
    /// The JSON is not a valid request object (also: a batch, which LSP does not allow).
    public static let invalidRequest = ErrorCode(rawValue: -32600)
    /// The method does not exist.
    public static let methodNotFound = ErrorCode(rawValue: -32601)
    /// Invalid method parameters.
    public static let invalidParams = ErrorCode(rawValue: -32602)
    /// Internal JSON-RPC error.
    public static let internalError = ErrorCode(rawValue: -32603)
    /// A request arrived before `initialize`.
    public static let serverNotInitialized = ErrorCode(rawValue: -32002)
    /// Unknown error.
    public static let unknownErrorCode = ErrorCode(rawValue: -32001)
    /// A request failed although its parameters were valid.
    public static let requestFailed = ErrorCode(rawValue: -32803)
    /// The server cancelled the request.
    public static let serverCancelled = ErrorCode(rawValue: -32802)
    /// The document changed under the request.
    public static let contentModified = ErrorCode(rawValue: -32801)
    /// The client cancelled the request.
    public static let requestCancelled = ErrorCode(rawValue: -32800)
}
