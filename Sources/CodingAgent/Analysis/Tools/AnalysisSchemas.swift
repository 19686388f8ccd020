import AgentCore
import SparkJSON

/// Pieces of the hand-written JSON Schemas the analysis tools share.
enum AnalysisSchemas {
    static let code: JSONValue = [
        "type": "string",
        "description":
            "The source code to examine, exactly as written (a whole file or a self-contained snippet). Line numbers in the result refer to this text.",
    ]

    static func language(required: Bool) -> JSONValue {
        [
            "type": "string",
            "enum": .array(SourceLanguage.acceptedNames.map { .string($0) }),
            "description": .string(
                required
                    ? "The language of the code: python, swift, javascript, typescript, go, rust, java, c or cpp."
                    : "Restrict results to one language (python, swift, javascript, typescript, go, rust, java, c, cpp). Omit to search every language."
            ),
        ]
    }

    /// The parameters of a tool that reads `code` in a `language` (both required), plus `extra` optional ones.
    static func codeAndLanguage(adding extra: [String: JSONValue] = [:]) -> JSONValue {
        object(
            ["code": code, "language": language(required: true)].merging(extra) { first, _ in first },
            required: ["code", "language"])
    }

    static func object(_ properties: [String: JSONValue], required: [String]) -> JSONValue {
        [
            "type": "object",
            "properties": .object(properties),
            "required": .array(required.map { .string($0) }),
            "additionalProperties": false,
        ]
    }
}
