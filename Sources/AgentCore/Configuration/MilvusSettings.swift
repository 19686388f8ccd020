/// The Milvus server the knowledge base keeps its vectors in when it scales out beyond one machine
/// (`MILVUS_HOST`, `MILVUS_PORT`, `MILVUS_TOKEN`; `knowledgeBase.milvus.host`, `.port`, `.token`).
/// Without a host the vectors stay in the embedded SQLite store.
public struct MilvusSettings: Hashable, Sendable {
    /// Milvus's default port (gRPC and, on the same port, the RESTful API).
    public static let defaultPort = 19530

    /// A host name or address; a full `http://` or `https://` URL is taken as is (and `port` ignored).
    /// `nil`: no Milvus.
    public var host: String?
    public var port: Int
    /// Sent as a bearer token (`user:password` or an API key) when Milvus has authentication on. Never logged.
    public var token: String?

    public init(host: String? = nil, port: Int = MilvusSettings.defaultPort, token: String? = nil) {
        self.host = host
        self.port = port
        self.token = token
    }

    /// The RESTful API's root, `http://host:port`; `nil` without a host.
    public var baseURL: String? {
        guard let host, !host.isEmpty else { return nil }
        if host.hasPrefix("http://") || host.hasPrefix("https://") {
            return host.hasSuffix("/") ? String(host.dropLast()) : host
        }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(bracketed):\(port)"
    }
}
