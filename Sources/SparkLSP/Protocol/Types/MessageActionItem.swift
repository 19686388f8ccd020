/// A button of `window/showMessageRequest`.
public struct MessageActionItem: Codable, Hashable, Sendable {
    public var title: String

    public init(title: String) {
        self.title = title
    }
}
