/// Decoding from the catalogue's data files: `language`, `topic` (a `PatternTopic` raw value), `title`,
/// optional `keywords`, `signal` and `code`.
extension CodePattern: Decodable {
    private enum CodingKeys: String, CodingKey {
        case language, topic, title, keywords, signal, code
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(SourceLanguage.self, forKey: .language),
            try container.decode(PatternTopic.self, forKey: .topic),
            try container.decode(String.self, forKey: .title),
            keywords: try container.decodeIfPresent(Set<String>.self, forKey: .keywords) ?? [],
            signal: try container.decode(String.self, forKey: .signal),
            code: try container.decode(String.self, forKey: .code))
    }
}
