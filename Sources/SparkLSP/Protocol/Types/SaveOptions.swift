/// Save notification options.
public struct SaveOptions: Codable, Hashable, Sendable {
    public var includeText: Bool?

    public init(includeText: Bool? = nil) {
        self.includeText = includeText
    }
}
