import AgentCore

/// The arguments of `bash`.
public struct BashArguments: ToolArguments {
    var command: String
    var timeout: Double?

    public static let argumentDescriptions = [
        "command": "The shell command line.",
        "timeout": "Seconds before the command is killed.",
    ]
}
