/// The commands `workspace/executeCommand` accepts.
public struct ExecuteCommandOptions: Codable, Hashable, Sendable {
    public var commands: [String]

    public init(commands: [String]) {
        self.commands = commands
    }
}
