import AgentCore
import Hummingbird
import SparkJSON

/// An error the service answers with: an HTTP status and `{"error": {"code", "message"}}`.
public struct ServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    /// A stable, machine-readable code (`invalid_json`, `unknown_agent`, ...).
    public var code: String
    /// One line for a person.
    public var message: String
    /// Extra headers (`Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    static func invalidRequest(_ message: String) -> ServiceError {
        ServiceError(.badRequest, "invalid_request", message)
    }

    static func notFound(_ message: String) -> ServiceError { ServiceError(.notFound, "not_found", message) }

    /// The JSON body of this error.
    var body: JSONValue {
        ["error": ["code": .string(code), "message": .string(message)]]
    }

    /// The whole response.
    func response() -> Response {
        var response = JSONResponse.make(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension ServiceError {
    /// The service's answer to any error thrown while handling a request: its own errors as they are, the
    /// router's (no route, wrong method) and the body reader's (too large) in the same JSON shape, and anything
    /// else as a 500 that names no internals.
    init(answering error: any Error) {
        switch error {
        case let error as ServiceError:
            self = error
        case let error as ChatError:
            self = ServiceError(error)
        case is CancellationError:
            self = ServiceError(
                .serviceUnavailable, "cancelled", "the request was cancelled: the service is shutting down")
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: self = .notFound("no such route")
            case .methodNotAllowed: self = ServiceError(.methodNotAllowed, "method_not_allowed", "method not allowed")
            case .contentTooLarge:
                self = ServiceError(.contentTooLarge, "body_too_large", "the request body is too large")
            default: self = ServiceError(error.status, "http_error", error.status.reasonPhrase)
            }
        default:
            self = ServiceError(.internalServerError, "internal", "internal error")
        }
    }
}

extension ServiceError {
    /// A `ChatError` as the service answers it: `invalidRequest` is the client's fault (400), an attached image
    /// that is missing or not an image too, but in a well-formed request (422), a failed run the model server's
    /// (502), a bad configuration the service's (500), storage that cannot be used 503.
    init(_ error: ChatError) {
        switch error.code {
        case .invalidRequest: self.init(.badRequest, "invalid_request", error.message)
        case .invalidAttachment: self.init(.unprocessableContent, "invalid_image", error.message)
        case .run: self.init(.badGateway, "run_failed", error.message)
        case .configuration: self.init(.internalServerError, "configuration", error.message)
        // The sessions database could not be used (a database that went away fails calls after
        // SPARK_DATABASE_TIMEOUT): the service cannot answer now, the client may try again.
        case .storage: self.init(.serviceUnavailable, "storage", error.message)
        default: self.init(.internalServerError, error.code.rawValue, error.message)
        }
    }
}
