/// The `spark.codeAction` command of a `SparkCodeAction` (the LSP `Command` shape).
public struct SparkCodeActionCommand: Codable, Hashable, Sendable {
    public var title: String
    public var command: String
    /// One element.
    public var arguments: [CodeActionArguments]

    public init(title: String, command: String, arguments: [CodeActionArguments]) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }
}
