/// Why code actions were asked for.
public struct CodeActionTriggerKind: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let invoked = CodeActionTriggerKind(rawValue: 1)
    public static let automatic = CodeActionTriggerKind(rawValue: 2)
}
