import AgentCore

extension SourceLanguage {
    /// The language named in a tool argument (aliases accepted), or an error listing the names.
    static func parsing(_ name: String, tool: String) throws(ArgumentsError) -> SourceLanguage {
        guard let language = SourceLanguage(name: name) else {
            throw ArgumentsError(
                tool: tool, "unknown language `\(name)`; use one of: \(acceptedNames.joined(separator: ", "))")
        }
        return language
    }
}
