import AgentCore

/// An import, include or `use` found in analysed code.
public struct CodeImport: Hashable, Sendable, Codable {
    /// The module, package, header or path imported.
    public var module: String
    /// Names imported from it, when the statement lists them.
    public var names: [String]
    public var line: Int

    public init(module: String, names: [String] = [], line: Int) {
        self.module = module
        self.names = names
        self.line = line
    }
}
