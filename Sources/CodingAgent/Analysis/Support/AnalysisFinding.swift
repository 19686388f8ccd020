import AgentCore

/// One result of a static check: a compiler diagnostic or a rule hit.
public struct AnalysisFinding: Hashable, Sendable, Codable {
    /// How serious it is.
    public var severity: FindingSeverity
    /// 1-based line in the analysed code.
    public var line: Int
    /// 1-based column, when the source knows it.
    public var column: Int?
    /// A stable rule identifier, for example `unused-import` or `syntax-error`.
    public var rule: String
    /// What is wrong and, where useful, what to do.
    public var message: String
    /// The area the finding belongs to.
    public var category: FindingCategory

    public init(
        severity: FindingSeverity,
        line: Int,
        column: Int? = nil,
        rule: String,
        message: String,
        category: FindingCategory
    ) {
        self.severity = severity
        self.line = line
        self.column = column
        self.rule = rule
        self.message = message
        self.category = category
    }

    /// `line 3:5 warning [unused-import] ...`
    public var rendered: String {
        let position = column.map { "line \(line):\($0)" } ?? "line \(line)"
        return "\(position) \(severity.rawValue) [\(rule)] \(message)"
    }
}
