import SparkJSON

/// The client's settings changed.
public struct DidChangeConfigurationNotification: LSPNotification, Hashable {
    public static let method = "workspace/didChangeConfiguration"

    public var settings: JSONValue?

    public init(settings: JSONValue? = nil) {
        self.settings = settings
    }
}
