import AgentCore

/// A failure to start or manage a process (not a process that ran and failed).
public struct ExecutionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, for the model and the log.
    public var message: String
    /// The `errno` behind it, when there is one.
    public var errno: Int32?

    public init(_ message: String, errno: Int32? = nil) {
        self.message = message
        self.errno = errno
    }

    public var description: String {
        guard let errno else { return message }
        return "\(message) (errno \(errno))"
    }
}
