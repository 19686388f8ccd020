import AgentCore

/// The arguments of `python_repl`; `code` may be left out only with `reset`, which the tool checks.
public struct PythonREPLArguments: ToolArguments {
    var code: String?
    var reset: Bool?
    var timeout: Double?

    public static let argumentDescriptions = [
        "code": "Python statements; a final expression's value is shown. Required unless reset is true.",
        "reset": "Start a fresh interpreter first (all variables are lost).",
        "timeout": "Seconds before the statement is interrupted.",
    ]
}
