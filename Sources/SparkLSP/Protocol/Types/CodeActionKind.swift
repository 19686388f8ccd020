/// A code action kind such as `quickfix`; extensible.
public struct CodeActionKind: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let empty = CodeActionKind(rawValue: "")
    public static let quickFix = CodeActionKind(rawValue: "quickfix")
    public static let refactor = CodeActionKind(rawValue: "refactor")
    public static let refactorRewrite = CodeActionKind(rawValue: "refactor.rewrite")
    public static let source = CodeActionKind(rawValue: "source")
}
