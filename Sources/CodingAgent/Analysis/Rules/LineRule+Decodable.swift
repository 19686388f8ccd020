/// Decoding from `line_rules.json`: `id`, `severity`, `category`, optional `languages` (absent: every
/// language), `pattern`, `message`, and the optional flags `onOriginal`, `insideLoop`,
/// `suggestionOnly` (default `false`) and `hints` (default none).
extension LineRule: Decodable {
    private enum CodingKeys: String, CodingKey {
        case id, severity, category, languages, pattern, message, onOriginal, insideLoop, suggestionOnly, hints
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(String.self, forKey: .id),
            try container.decode(FindingSeverity.self, forKey: .severity),
            try container.decode(FindingCategory.self, forKey: .category),
            try container.decodeIfPresent(Set<SourceLanguage>.self, forKey: .languages),
            try container.decode(String.self, forKey: .pattern),
            try container.decode(String.self, forKey: .message),
            onOriginal: try container.decodeIfPresent(Bool.self, forKey: .onOriginal) ?? false,
            insideLoop: try container.decodeIfPresent(Bool.self, forKey: .insideLoop) ?? false,
            suggestionOnly: try container.decodeIfPresent(Bool.self, forKey: .suggestionOnly) ?? false)
        self = hinted(try container.decodeIfPresent([String].self, forKey: .hints) ?? [])
    }
}
