import AgentCore

/// A type declaration found in analysed code (class, struct, enum, protocol, interface, trait, ...).
public struct CodeType: Hashable, Sendable, Codable {
    public var name: String
    /// The declaring keyword: `class`, `struct`, `enum`, `protocol`, `interface`, `trait`, `impl`, ...
    public var kind: String
    public var startLine: Int
    public var endLine: Int
    /// Base classes, protocols or interfaces, when written.
    public var inherits: [String]

    public init(name: String, kind: String, startLine: Int, endLine: Int, inherits: [String] = []) {
        self.name = name
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
        self.inherits = inherits
    }
}
