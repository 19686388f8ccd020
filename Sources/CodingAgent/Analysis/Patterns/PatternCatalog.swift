import AgentCore

/// The curated catalogue of idiomatic patterns, searched by keywords.
public enum PatternCatalog {
    /// Every pattern, all languages, in the order of `files`; decoded once, on first use.
    public static let all: [CodePattern] = files.flatMap { EmbeddedCatalog.load([CodePattern].self, $0) }

    /// The catalogue's data files (`Resources/Catalogs/patterns_*.json`), one per language family.
    static let files: [EmbeddedCatalog] = [
        EmbeddedCatalog(name: "patterns_python.json", bytes: PackageResources.patterns_python_json),
        EmbeddedCatalog(name: "patterns_swift.json", bytes: PackageResources.patterns_swift_json),
        EmbeddedCatalog(name: "patterns_javascript.json", bytes: PackageResources.patterns_javascript_json),
        EmbeddedCatalog(name: "patterns_go.json", bytes: PackageResources.patterns_go_json),
        EmbeddedCatalog(name: "patterns_rust.json", bytes: PackageResources.patterns_rust_json),
        EmbeddedCatalog(name: "patterns_java.json", bytes: PackageResources.patterns_java_json),
        EmbeddedCatalog(name: "patterns_c.json", bytes: PackageResources.patterns_c_json),
    ]

    /// The best matches for a query, optionally limited to one language (TypeScript also gets the
    /// JavaScript patterns; C++ also gets C's).
    public static func search(_ query: String, language: SourceLanguage?, limit: Int = 4) -> [CodePattern] {
        let words = Set(FunctionMetrics.identifiers(in: query.lowercased()).map(String.init))
        let languages = language.map { Set($0.relatedLanguages) }
        let scored = all.enumerated().compactMap { index, pattern -> (Int, Int, CodePattern)? in
            if let languages, !languages.contains(pattern.language) { return nil }
            var score = pattern.score(words)
            if pattern.language == language { score += 3 }  // prefer the exact language over a related one
            return score > 3 ? (score, index, pattern) : nil
        }
        let ranked = scored.sorted { ($1.0, $0.1) < ($0.0, $1.1) }
        // Keep the strong matches only: a query about subprocesses should not also get HTTP.
        let best = ranked.first?.0 ?? 0
        return ranked.filter { $0.0 * 2 >= best }.prefix(limit).map(\.2)
    }
}
