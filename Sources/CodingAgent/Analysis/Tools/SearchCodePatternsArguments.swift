import AgentCore
import SparkJSON

/// The arguments of `search_code_patterns`.
public struct SearchCodePatternsArguments: ToolArguments {
    var query: String
    var language: String?

    public static let argumentDescriptions = [
        "query":
            "What you want to do, in a few keywords: \"parse command line arguments\", \"concurrent http requests\".",
        "language":
            "Restrict results to one language (python, swift, javascript, typescript, go, rust, java, c, cpp). Omit to search every language.",
    ]
    public static let argumentConstraints = ["language": CodeArguments.languageConstraint]
}
