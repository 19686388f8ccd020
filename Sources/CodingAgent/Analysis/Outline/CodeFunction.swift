import AgentCore

/// A function or method found in analysed code, with its metrics.
public struct CodeFunction: Hashable, Sendable, Codable {
    public var name: String
    /// The enclosing type, when this is a method.
    public var container: String?
    public var startLine: Int
    public var endLine: Int
    public var parameters: [CodeParameter]
    public var returnType: String?
    public var isAsync: Bool
    /// Whether other modules can call it (not `_private` in Python, `pub` in Rust, capitalised in Go, ...).
    public var isPublic: Bool
    /// Whether it throws or declares exceptions.
    public var canThrow: Bool
    /// McCabe cyclomatic complexity: 1 + decision points.
    public var complexity: Int
    /// The deepest block nesting inside the body.
    public var maxNesting: Int
    /// Names the body calls (any function, not only those defined in the code).
    public var calls: [String]
    /// Exception types the body raises, when known.
    public var raises: [String]
    /// Whether it has a docstring or doc comment.
    public var isDocumented: Bool

    public init(
        name: String, container: String? = nil, startLine: Int, endLine: Int,
        parameters: [CodeParameter] = [], returnType: String? = nil, isAsync: Bool = false,
        isPublic: Bool = true, canThrow: Bool = false, complexity: Int = 1, maxNesting: Int = 0,
        calls: [String] = [], raises: [String] = [], isDocumented: Bool = false
    ) {
        self.name = name
        self.container = container
        self.startLine = startLine
        self.endLine = endLine
        self.parameters = parameters
        self.returnType = returnType
        self.isAsync = isAsync
        self.isPublic = isPublic
        self.canThrow = canThrow
        self.complexity = complexity
        self.maxNesting = maxNesting
        self.calls = calls
        self.raises = raises
        self.isDocumented = isDocumented
    }

    /// `Type.name` for methods, `name` otherwise.
    public var qualifiedName: String { container.map { "\($0).\(name)" } ?? name }

    /// The number of lines from declaration to end.
    public var lineCount: Int { endLine - startLine + 1 }
}
