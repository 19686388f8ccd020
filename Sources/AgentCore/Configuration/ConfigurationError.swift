/// A configuration value that could not be used, naming where it came from and which field.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file path, `environment`, or `editor settings`.
    public var source: String
    /// The field, for example `agents.coding.maxTokens` or `ENABLE_CODE_EXECUTION`.
    public var field: String
    public var message: String

    public init(source: String, field: String, message: String) {
        self.source = source
        self.field = field
        self.message = message
    }

    public var description: String { "\(source): \(field): \(message)" }
}
