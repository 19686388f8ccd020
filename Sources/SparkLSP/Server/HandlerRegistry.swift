import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The table of handlers, keyed by method. Registering a method again replaces its handler, so
/// later features can take over the placeholder handlers.
public struct HandlerRegistry: Sendable {
    /// Decodes a message's params, runs the handler and returns the result to encode.
    typealias RequestHandler = @Sendable (JSONValue, ServerContext) async throws -> any Encodable & Sendable
    /// Decodes a message's params and runs the handler.
    typealias NotificationHandler = @Sendable (JSONValue, ServerContext) async throws -> Void

    private(set) var requests: [String: RequestHandler] = [:]
    private(set) var notifications: [String: NotificationHandler] = [:]

    public init() {}

    /// Registers the handler of a request type.
    public mutating func register<R: LSPRequest>(
        _ type: R.Type, _ handler: @escaping @Sendable (R, ServerContext) async throws -> R.Response
    ) {
        requests[R.method] = { params, context in
            try await handler(try MessageCoding.decodeParams(R.self, from: params), context)
        }
    }

    /// Registers the handler of a notification type. Handlers run one at a time, in arrival order.
    public mutating func register<N: LSPNotification>(
        _ type: N.Type, _ handler: @escaping @Sendable (N, ServerContext) async throws -> Void
    ) {
        notifications[N.method] = { params, context in
            try await handler(try MessageCoding.decodeParams(N.self, from: params), context)
        }
    }

    /// The registered request methods.
    public var requestMethods: [String] { Array(requests.keys) }
}
