import PostgresNIO

#if canImport(Glibc)
    import Glibc
#endif

/// A PostgreSQL session store's failure: what it was doing and what the server or the connection said.
///
/// postgres-nio's own `PSQLError` prints a generic text on purpose (its details may hold query values); this keeps
/// the server's message and SQLSTATE, which name the cause without the values.
public struct PostgresSessionError: Error, Sendable, CustomStringConvertible {
    /// What was being done: "append to session s1", "migrate to version 2 (titles and reasoning)", ...
    public var operation: String
    /// The server's message, or the client's when the server was not reached.
    public var message: String
    /// The SQLSTATE code, when the server answered.
    public var sqlState: String?

    public init(operation: String, message: String, sqlState: String? = nil) {
        self.operation = operation
        self.message = message
        self.sqlState = sqlState
    }

    /// The error `error` raised during `operation`.
    init(operation: String, _ error: any Error) {
        if let error = error as? PostgresSessionError {
            self = error
        } else if let error = error as? PostgresTransactionError,
            let cause = error.beginError ?? error.closureError ?? error.commitError
        {
            self.init(operation: operation, cause)
        } else if let error = error as? PSQLError {
            self.init(
                operation: operation, message: Self.cause(error),
                sqlState: error.serverInfo?[.sqlState])
        } else {
            self.init(operation: operation, message: "\(error)")
        }
    }

    /// Why a connection failed, in a few words: `Connection refused`, `connection timed out after 10 s`,
    /// `cannot resolve db.example`.
    static func cause(_ error: any Error) -> String {
        switch error {
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return cause(underlying) }
            return error.code == .serverClosedConnection ? "the server closed the connection" : "\(error.code)"
        case let error as NIOConnectionError:
            if let last = error.connectionErrors.last { return cause(last.error) }
            return "cannot resolve \(error.host)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode))
        case ChannelError.connectTimeout(let limit):
            return "connection timed out after \(limit.nanoseconds / 1_000_000_000) s"
        default:
            return "\(error)"
        }
    }

    /// For example `append to session s1 (PostgreSQL): relation "sessions" does not exist [42P01]`.
    public var description: String {
        "\(operation) (PostgreSQL): \(message)" + (sqlState.map { " [\($0)]" } ?? "")
    }
}
