import AgentCore
import SparkJSON

/// The arguments of `glob`.
public struct GlobArguments: ToolArguments {
    var pattern: String
    var maxResults: Int?

    enum CodingKeys: String, CodingKey {
        case pattern
        case maxResults = "max_results"
    }

    public static let argumentDescriptions = [
        "pattern": "The path pattern, for example `**/*.py`.",
        "max_results": "The most paths to return (default \(GlobTool.defaultResults)).",
    ]

    public static let argumentConstraints: [String: JSONValue] = [
        "max_results": ["minimum": 1, "maximum": .int(GlobTool.largestResults)]
    ]
}
