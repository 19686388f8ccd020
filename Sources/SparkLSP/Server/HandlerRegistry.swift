#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The table of handlers, keyed by method. Registering a method again replaces its handler, so
/// later features can take over the placeholder handlers.
public struct HandlerRegistry: Sendable {
    /// Decodes params from a message body, runs the handler and returns the result to encode.
    typealias RequestHandler = @Sendable (Data, ServerContext) async throws -> any Encodable & Sendable
    /// Decodes params from a message body and runs the handler.
    typealias NotificationHandler = @Sendable (Data, ServerContext) async throws -> Void

    private(set) var requests: [String: RequestHandler] = [:]
    private(set) var notifications: [String: NotificationHandler] = [:]

    public init() {}

    /// Registers the handler of a request type.
    public mutating func register<R: LSPRequest>(
        _ type: R.Type, _ handler: @escaping @Sendable (R, ServerContext) async throws -> R.Response
    ) {
        requests[R.method] = { body, context in
            let params = try MessageCoding.decodeParams(R.self, from: body)
            return try await handler(params, context)
        }
    }

    /// Registers the handler of a notification type. Handlers run one at a time, in arrival order.
    public mutating func register<N: LSPNotification>(
        _ type: N.Type, _ handler: @escaping @Sendable (N, ServerContext) async throws -> Void
    ) {
        notifications[N.method] = { body, context in
            try await handler(try MessageCoding.decodeParams(N.self, from: body), context)
        }
    }

    /// The registered request methods.
    public var requestMethods: [String] { Array(requests.keys) }
}
