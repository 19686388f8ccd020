/// Server to client: a trace line (only when the trace level is not `off`).
public struct LogTraceNotification: LSPNotification, Hashable {
    public static let method = "$/logTrace"

    public var message: String
    public var verbose: String?

    public init(message: String, verbose: String? = nil) {
        self.message = message
        self.verbose = verbose
    }
}
