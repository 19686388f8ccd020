import SparkJSON

/// Why a tool rejected its arguments: the one error of the tool-argument contract.
///
/// Decoding produces it from a `DecodingError` (missing, mistyped or invalid members); a tool throws
/// it itself for checks the type cannot express (an unknown language, an empty pattern). Either way
/// the model reads `invalid arguments for `glob`: missing required argument 'pattern'`.
public struct ArgumentsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The tool whose arguments were rejected.
    public var tool: String
    /// What is wrong, naming the argument (`'max_results' must be an integer, got "lots"`).
    public var problem: String

    /// An error for a check the tool makes itself.
    public init(tool: String, _ problem: String) {
        self.tool = tool
        self.problem = problem
    }

    /// The error for a failed decoding of `arguments`, quoting the offending value.
    public init(tool: String, decoding error: DecodingError, arguments: JSONValue) {
        self.init(tool: tool, error.readableDescription(in: arguments))
    }

    public var description: String { "invalid arguments for `\(tool)`: \(problem)" }

    /// The failed tool result the model sees.
    public var toolResult: ToolResult { .error(description) }
}
