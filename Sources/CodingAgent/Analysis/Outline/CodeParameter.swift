import AgentCore

/// A parameter of a function found in analysed code.
public struct CodeParameter: Hashable, Sendable, Codable {
    /// The name used inside the function.
    public var name: String
    /// The declared type, when written.
    public var type: String?
    /// The default value's source text, when there is one.
    public var defaultValue: String?
    /// `positional`, `keyword`, `varargs`, `kwargs` for Python; `positional` elsewhere.
    public var kind: String
    /// The argument label callers write, when it differs from `name` (Swift; `_` means none).
    public var label: String?

    public init(
        name: String, type: String? = nil, defaultValue: String? = nil, kind: String = "positional",
        label: String? = nil
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.defaultValue = defaultValue
        self.kind = kind
    }

    /// `name: Type = default`
    public var rendered: String {
        var text = label.map { "\($0) \(name)" } ?? name
        if let type { text += ": \(type)" }
        if let defaultValue { text += " = \(defaultValue)" }
        return text
    }
}
