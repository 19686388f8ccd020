import PostgresNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A `DATABASE_URL` in libpq's URI form, read once for the pool (`PostgresClient.Configuration`) and for the
/// start-up probe (`PostgresConnection.Configuration`): `postgres://user:password@host:5432/database?sslmode=require`,
/// or `postgresql://`. A `host` query parameter that is a path names a Unix socket directory
/// (`postgres://user@/db?host=/run/postgresql`). `sslmode` is `disable`, `prefer` (the default, as in libpq) or
/// `require` (the server's certificate is verified against the system's roots).
struct DatabaseURL: Sendable {
    enum Endpoint: Sendable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    enum SSLMode: Sendable { case disable, prefer, require }

    var endpoint: Endpoint
    var username: String
    var password: String?
    var database: String?
    var sslMode: SSLMode

    init(_ databaseURL: String) throws(PostgresSessionError) {
        func invalid(_ why: String) -> PostgresSessionError {
            PostgresSessionError(operation: "read DATABASE_URL", message: why)
        }
        guard let components = URLComponents(string: databaseURL),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme)
        else {
            throw invalid("not a postgres:// or postgresql:// URL")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        username = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = components.password
        database = components.path.split(separator: "/").first.map(String.init)
        if let directory = query["host"], directory.hasPrefix("/") {
            endpoint = .unixSocket(path: "\(directory)/.s.PGSQL.\(components.port ?? 5432)")
            sslMode = .disable
            return
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        endpoint = .tcp(host: host, port: components.port ?? 5432)
        switch query["sslmode"] ?? "prefer" {
        case "disable": sslMode = .disable
        case "allow", "prefer": sslMode = .prefer
        case "require", "verify-ca", "verify-full": sslMode = .require
        case let mode: throw invalid("unknown sslmode '\(mode)' (disable, prefer or require)")
        }
    }

    /// Where the database is, for messages: `host:port` or the socket's path.
    var address: String {
        switch endpoint {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket(let path): path
        }
    }
}

/// postgres-nio's two configurations (the pool's and one connection's), which take the same arguments but for
/// the type of their TLS setting: both are made from a ``DatabaseURL`` by the one `init(_:)`.
protocol DatabaseURLConfiguration {
    associatedtype TLS
    init(host: String, port: Int, username: String, password: String?, database: String?, tls: TLS)
    init(unixSocketPath: String, username: String, password: String?, database: String?)
    /// The TLS setting of `mode`, with the system's roots.
    static func tls(_ mode: DatabaseURL.SSLMode) throws -> TLS
}

extension DatabaseURLConfiguration {
    /// The configuration the database `url` names.
    init(_ url: DatabaseURL) throws {
        switch url.endpoint {
        case .unixSocket(let path):
            self.init(unixSocketPath: path, username: url.username, password: url.password, database: url.database)
        case .tcp(let host, let port):
            self.init(
                host: host, port: port, username: url.username, password: url.password, database: url.database,
                tls: try Self.tls(url.sslMode))
        }
    }
}

extension PostgresClient.Configuration: DatabaseURLConfiguration {
    /// The configuration a `DATABASE_URL` names (see ``DatabaseURL``).
    public init(databaseURL: String) throws(PostgresSessionError) {
        let url = try DatabaseURL(databaseURL)
        do {
            try self.init(url)
        } catch {
            throw PostgresSessionError(operation: "set up TLS for \(url.address)", message: "\(error)")
        }
    }

    static func tls(_ mode: DatabaseURL.SSLMode) -> TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }
}

extension PostgresConnection.Configuration: DatabaseURLConfiguration {
    static func tls(_ mode: DatabaseURL.SSLMode) throws -> TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }
}
