import AgentCore

/// The arguments of `execute_code`; `language` accepts aliases, so the tool checks it.
public struct ExecuteCodeArguments: ToolArguments {
    var code: String
    var language: String
    var timeout: Double?

    public static let argumentDescriptions = [
        "code": "The complete program or script.",
        "language": "python, javascript, typescript, go, rust, java, c, cpp or bash.",
        "timeout": "Seconds per step before the run is killed.",
    ]
}
