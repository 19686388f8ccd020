/// Why an image tool could not do its work: handed back to the model as the tool's error, never a crash.
public struct ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message, ready for the model and the user.
    public var message: String
    /// A security refusal (the path leads outside the workspace): the result begins with `refused:`.
    public var isRefusal: Bool

    public init(_ message: String, isRefusal: Bool = false) {
        self.message = message
        self.isRefusal = isRefusal
    }

    public var description: String { message }
}
