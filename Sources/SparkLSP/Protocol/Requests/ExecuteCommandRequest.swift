import SparkJSON

/// Runs a command the server listed in `executeCommandProvider`.
public struct ExecuteCommandRequest: LSPRequest, Hashable {
    public static let method = "workspace/executeCommand"
    public typealias Response = JSONValue?

    public var command: String
    public var arguments: [JSONValue]?
    public var workDoneToken: ProgressToken?

    public init(command: String, arguments: [JSONValue]? = nil, workDoneToken: ProgressToken? = nil) {
        self.command = command
        self.arguments = arguments
        self.workDoneToken = workDoneToken
    }
}
