/// Server to client: work-done progress for a token.
public struct WorkDoneProgressNotification: LSPNotification, Hashable {
    public static let method = "$/progress"

    public var token: ProgressToken
    public var value: WorkDoneProgressValue

    public init(token: ProgressToken, value: WorkDoneProgressValue) {
        self.token = token
        self.value = value
    }
}
