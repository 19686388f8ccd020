/// Every line rule: secrets and markers for all languages, then per-language code smells, then
/// loop hints. The rules are data, in `Resources/Catalogs/line_rules.json`.
enum LineRuleCatalog {
    /// The catalogue's data file.
    static let file = EmbeddedCatalog(name: "line_rules.json", bytes: PackageResources.line_rules_json)

    /// Every rule, in file order; decoded once, on first use.
    static let rules: [LineRule] = EmbeddedCatalog.load([LineRule].self, file)
}
