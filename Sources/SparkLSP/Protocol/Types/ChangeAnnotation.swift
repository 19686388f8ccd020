/// A label on a group of edits; `needsConfirmation` asks the user first.
public struct ChangeAnnotation: Codable, Hashable, Sendable {
    public var label: String
    public var needsConfirmation: Bool?
    public var description: String?

    public init(label: String, needsConfirmation: Bool? = nil, description: String? = nil) {
        self.label = label
        self.needsConfirmation = needsConfirmation
        self.description = description
    }
}
