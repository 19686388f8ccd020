/// A named declaration of an outline: a function, a method or a type, with its 1-based inclusive lines.
public struct CodeDeclaration: Hashable, Sendable {
    /// `name`, or `Type.name` for a method.
    public var name: String
    /// `function`, `method`, or the type's keyword (`class`, `struct`, ...).
    public var kind: String
    public var startLine: Int
    public var endLine: Int

    public init(name: String, kind: String, startLine: Int, endLine: Int) {
        self.name = name
        self.kind = kind
        self.startLine = startLine
        self.endLine = endLine
    }
}
