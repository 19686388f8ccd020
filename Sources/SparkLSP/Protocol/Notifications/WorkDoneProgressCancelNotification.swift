/// Client to server: the user cancelled the work-done progress `token` (register a handler to act on it).
public struct WorkDoneProgressCancelNotification: LSPNotification, Hashable {
    public static let method = "window/workDoneProgress/cancel"

    public var token: ProgressToken

    public init(token: ProgressToken) {
        self.token = token
    }
}
