import Hummingbird

/// Runs around every route: answers CORS preflights for the configured origins, checks the API key, turns
/// every thrown error into the JSON error shape, and counts requests and their latency (to the response's
/// head; a stream's whole length is `spark_http_stream_duration_seconds`).
struct ServiceMiddleware: RouterMiddleware {
    typealias Context = ServiceContext

    let keys: APIKeys
    let corsOrigins: [String]
    let metrics: ServiceMetrics
    /// Routes answered without a key: the probes and the API's description.
    static let publicPaths: Set<String> = ["/health", "/ready", "/openapi.json"]

    /// The methods each route answers (for 405 and `Allow`); `nil` for a path no route has.
    static func methods(of path: String) -> Set<String>? {
        switch path {
        case "/chat", "/chat/stream": ["POST"]
        case "/agents", "/sessions", "/health", "/ready", "/metrics", "/openapi.json": ["GET"]
        default:
            path.hasPrefix("/sessions/") && path.count > "/sessions/".count
                && !path.dropFirst("/sessions/".count).contains("/") ? ["GET", "DELETE"] : nil
        }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        var response: Response
        do {
            if let preflight = corsPreflight(request) {
                response = preflight
            } else {
                try authenticate(request, &context)
                response = try await next(request, context)
            }
        } catch {
            var failure = ServiceError(answering: error)
            if failure.status == .notFound,
                let allowed = Self.methods(of: request.uri.path), !allowed.contains(request.method.rawValue)
            {
                failure = ServiceError(
                    .methodNotAllowed, "method_not_allowed", "\(request.method.rawValue) is not allowed here",
                    headers: [.allow: allowed.sorted().joined(separator: ", ")])
            }
            metrics.error(cause: failure.code)
            response = failure.response()
        }
        addCORSHeaders(request, &response)
        metrics.request(
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue, status: response.status.code,
            duration: ContinuousClock.now - start)
        return response
    }

    private func authenticate(_ request: Request, _ context: inout Context) throws(ServiceError) {
        guard !keys.isEmpty, !Self.publicPaths.contains(request.uri.path) else { return }
        guard let owner = keys.owner(authorization: request.headers[.authorization]) else {
            throw ServiceError(
                .unauthorized, "unauthorized", "a valid API key is required: Authorization: Bearer <key>",
                headers: [.wwwAuthenticate: "Bearer"])
        }
        context.owner = owner
    }

    private func allowedOrigin(_ request: Request) -> String? {
        guard let origin = request.headers[.origin], corsOrigins.contains(origin) || corsOrigins.contains("*") else {
            return nil
        }
        return origin
    }

    private func corsPreflight(_ request: Request) -> Response? {
        guard request.method == .options, let origin = allowedOrigin(request) else { return nil }
        return Response(
            status: .noContent,
            headers: [
                .accessControlAllowOrigin: origin, .accessControlAllowMethods: "GET, POST, DELETE, OPTIONS",
                .accessControlAllowHeaders: "Authorization, Content-Type", .accessControlMaxAge: "600",
                .vary: "Origin",
            ])
    }

    private func addCORSHeaders(_ request: Request, _ response: inout Response) {
        guard let origin = allowedOrigin(request) else { return }
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
    }
}
