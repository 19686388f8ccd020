import AgentCore

/// An idiomatic way to do a common task in one language.
public struct CodePattern: Hashable, Sendable {
    public var language: SourceLanguage
    public var topic: PatternTopic
    public var title: String
    public var code: String
    /// Extra words that make this pattern match (library names, APIs).
    public var extraKeywords: Set<String>
    /// A regular expression that finds similar code in the workspace.
    public var signal: String

    public init(
        _ language: SourceLanguage, _ topic: PatternTopic, _ title: String, keywords: Set<String> = [], signal: String,
        code: String
    ) {
        self.language = language
        self.topic = topic
        self.title = title
        self.code = code
        self.extraKeywords = keywords
        self.signal = signal
    }

    /// Words many tasks share; they count less than specific ones like `json` or `regex`.
    static let genericWords: Set<String> = [
        "read", "write", "file", "files", "parse", "parsing", "run", "get", "format", "handle", "text", "line",
        "search", "match", "time", "result", "command", "test", "load", "open", "execute",
    ]

    /// How well a set of query words matches this pattern (0 = not at all).
    func score(_ words: Set<String>) -> Int {
        let titleWords = Set(FunctionMetrics.identifiers(in: title.lowercased()).map(String.init))
        var score = 0
        for word in words {
            if topic.keywords.contains(word) { score += Self.genericWords.contains(word) ? 1 : 3 }
            if extraKeywords.contains(word) { score += 4 }
            if titleWords.contains(word) { score += 2 }
            if word.count > 3, code.lowercased().contains(word) { score += 1 }
        }
        return score
    }
}
