import SparkJSON

/// A Spark code action: the LSP `CodeAction` shape with the command's argument typed, so a listing
/// of many actions encodes without going through `JSONValue` (several times faster).
public struct SparkCodeAction: Codable, Hashable, Sendable {
    public var title: String
    public var kind: CodeActionKind
    /// The diagnostic a quick fix answers.
    public var diagnostics: [Diagnostic]?
    public var command: SparkCodeActionCommand

    public init(title: String, kind: CodeActionKind, diagnostics: [Diagnostic]? = nil, command: SparkCodeActionCommand)
    {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.command = command
    }
}
