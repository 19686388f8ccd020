/// Sets the trace level of `$/logTrace`.
public struct SetTraceNotification: LSPNotification, Hashable {
    public static let method = "$/setTrace"

    public var value: TraceValue

    public init(value: TraceValue) {
        self.value = value
    }
}
