import PostgresNIO

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension PostgresClient.Configuration {
    /// The configuration a `DATABASE_URL` names, in libpq's URI form:
    /// `postgres://user:password@host:5432/database?sslmode=require`, or `postgresql://`. A `host` query parameter
    /// that is a path names a Unix socket directory (`postgres://user@/db?host=/run/postgresql`). `sslmode` is
    /// `disable`, `prefer` (the default, as in libpq) or `require` (the server's certificate is verified against
    /// the system's roots).
    public init(databaseURL: String) throws(PostgresSessionError) {
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
        let username = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = components.path.split(separator: "/").first.map(String.init)
        if let directory = query["host"], directory.hasPrefix("/") {
            let port = components.port ?? 5432
            self.init(
                unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: username, password: components.password,
                database: database)
            return
        }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        let tls: TLS
        switch query["sslmode"] ?? "prefer" {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(.makeClientConfiguration())
        case "require", "verify-ca", "verify-full": tls = .require(.makeClientConfiguration())
        case let mode: throw invalid("unknown sslmode '\(mode)' (disable, prefer or require)")
        }
        self.init(
            host: host, port: components.port ?? 5432, username: username, password: components.password,
            database: database, tls: tls)
    }
}
