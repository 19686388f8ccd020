import AgentCore
import SparkJSON

/// The `code` and `language` every code-reading analysis tool takes (`analyze_code`, `explain_code`),
/// and the descriptions and constraints the others share.
public struct CodeArguments: ToolArguments {
    var code: String
    var language: String

    static let codeDescription =
        "The source code to examine, exactly as written (a whole file or a self-contained snippet). Line numbers in the result refer to this text."
    static let languageDescription =
        "The language of the code: python, swift, javascript, typescript, go, rust, java, c or cpp."
    /// `language` is checked by the tool (it accepts aliases such as `py`), but the model sees the names.
    static let languageConstraint: JSONValue = ["enum": .array(SourceLanguage.acceptedNames.map { .string($0) })]

    public static let argumentDescriptions = ["code": codeDescription, "language": languageDescription]
    public static let argumentConstraints = ["language": languageConstraint]

    /// The code (not blank) and the language, checked for `tool`.
    static func checked(code: String, language: String, tool: String) throws(ArgumentsError) -> (
        code: String, language: SourceLanguage
    ) {
        guard !code.trimmingWhitespace.isEmpty else { throw ArgumentsError(tool: tool, "argument 'code' is empty") }
        return (code, try SourceLanguage.parsing(language, tool: tool))
    }
}
