import AgentCore

/// Why a path given by the model was refused or could not be used.
///
/// `isRefusal` separates security refusals (the tool answers `refused: ...`) from ordinary
/// failures such as a missing file (the tool answers `error: ...`).
public struct WorkspacePathError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The explanation shown to the model.
    public var reason: String
    /// Whether a security rule refused the path.
    public var isRefusal: Bool
    /// The `errno` behind the failure, when there is one.
    public var errno: Int32?

    public init(reason: String, isRefusal: Bool, errno: Int32? = nil) {
        self.reason = reason
        self.isRefusal = isRefusal
        self.errno = errno
    }

    /// A path refused by a confinement rule.
    public static func refused(_ reason: String) -> WorkspacePathError {
        WorkspacePathError(reason: reason, isRefusal: true)
    }

    /// A file system failure that is not a security matter.
    public static func failed(_ reason: String, errno: Int32? = nil) -> WorkspacePathError {
        WorkspacePathError(reason: reason, isRefusal: false, errno: errno)
    }

    public var description: String { reason }

    /// The tool result for this error: `refused: ...` or `error: ...`.
    public var toolResult: ToolResult {
        isRefusal ? .refused(reason) : .error(reason)
    }
}
