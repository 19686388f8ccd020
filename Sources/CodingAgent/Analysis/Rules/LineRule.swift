import AgentCore

/// A rule checked line by line with a regular expression.
struct LineRule: Sendable {
    let id: String
    let severity: FindingSeverity
    let category: FindingCategory
    let message: String
    /// `nil` means every language.
    let languages: Set<SourceLanguage>?
    let pattern: String
    /// Match the original line (for secrets and comments) instead of the scrubbed one.
    let onOriginal: Bool
    /// Only lines inside a loop body count.
    let insideLoop: Bool
    /// Only reported by `suggest_improvements` (hints rather than problems).
    let suggestionOnly: Bool
    /// Literal text a matching line must contain (compared ignoring case); when set, only such lines
    /// are matched against `pattern`, which keeps expensive patterns off most lines.
    var hints: [String] = []

    /// The same rule, matched only on lines containing one of `hints`.
    func hinted(_ hints: [String]) -> LineRule {
        var copy = self
        copy.hints = hints.map { $0.lowercased() }
        return copy
    }

    init(
        _ id: String, _ severity: FindingSeverity, _ category: FindingCategory, _ languages: Set<SourceLanguage>?,
        _ pattern: String, _ message: String, onOriginal: Bool = false, insideLoop: Bool = false,
        suggestionOnly: Bool = false
    ) {
        self.id = id
        self.severity = severity
        self.category = category
        self.message = message
        self.languages = languages
        self.pattern = pattern
        self.onOriginal = onOriginal
        self.insideLoop = insideLoop
        self.suggestionOnly = suggestionOnly
    }

    func applies(to language: SourceLanguage) -> Bool {
        languages?.contains(language) ?? true
    }
}
