import AgentCore
import SparkJSON

/// Reads the analysis tools' arguments and turns mistakes into messages the model can act on.
struct AnalysisArguments {
    let values: JSONValue

    init(_ values: JSONValue) {
        self.values = values
    }

    /// A required, non-empty string.
    func requiredString(_ key: String) throws(AnalysisArgumentError) -> String {
        guard let value = values[key], !value.isNull else {
            throw AnalysisArgumentError("missing required argument `\(key)`")
        }
        guard let text = value.stringValue else {
            throw AnalysisArgumentError("argument `\(key)` must be a string")
        }
        guard !text.trimmingWhitespace.isEmpty else {
            throw AnalysisArgumentError("argument `\(key)` is empty")
        }
        return text
    }

    /// An optional string (null and empty count as absent).
    func optionalString(_ key: String) -> String? {
        guard let text = values[key]?.stringValue, !text.trimmingWhitespace.isEmpty else { return nil }
        return text
    }

    /// The `language` argument as a known language.
    /// The `code` and `language` every code-reading analysis tool takes.
    func codeAndLanguage() throws(AnalysisArgumentError) -> (code: String, language: SourceLanguage) {
        (try requiredString("code"), try language())
    }

    func language(_ key: String = "language") throws(AnalysisArgumentError) -> SourceLanguage {
        let name = try requiredString(key)
        guard let language = SourceLanguage(name: name) else {
            throw AnalysisArgumentError(
                "unknown language `\(name)`; use one of: \(SourceLanguage.acceptedNames.joined(separator: ", "))"
            )
        }
        return language
    }

    /// An optional `language` argument.
    func optionalLanguage(_ key: String = "language") throws(AnalysisArgumentError) -> SourceLanguage? {
        guard let name = optionalString(key) else { return nil }
        guard let language = SourceLanguage(name: name) else {
            throw AnalysisArgumentError(
                "unknown language `\(name)`; use one of: \(SourceLanguage.acceptedNames.joined(separator: ", "))"
            )
        }
        return language
    }
}
