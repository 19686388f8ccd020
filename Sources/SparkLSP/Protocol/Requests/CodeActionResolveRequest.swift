/// `codeAction/resolve`: fills in a code action's edit lazily. The params are the action itself.
public struct CodeActionResolveRequest: LSPRequest, Hashable {
    public static let method = "codeAction/resolve"
    public typealias Response = CodeAction

    public var action: CodeAction

    public init(action: CodeAction) { self.action = action }

    public init(from decoder: any Decoder) throws { action = try CodeAction(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try action.encode(to: encoder) }
}
