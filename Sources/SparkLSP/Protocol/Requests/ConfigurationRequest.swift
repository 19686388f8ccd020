import SparkJSON

/// Server to client: fetch configuration sections; one value per item.
public struct ConfigurationRequest: LSPRequest, Hashable {
    public static let method = "workspace/configuration"
    public typealias Response = [JSONValue]

    public var items: [ConfigurationItem]

    public init(items: [ConfigurationItem]) {
        self.items = items
    }
}
