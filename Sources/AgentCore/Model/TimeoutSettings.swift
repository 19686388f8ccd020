/// Timeouts a configuration or an endpoint sets; each one left `nil` keeps the client's own.
public struct TimeoutSettings: Hashable, Sendable {
    public var connect: Duration?
    public var firstByte: Duration?
    public var idle: Duration?

    public init(connect: Duration? = nil, firstByte: Duration? = nil, idle: Duration? = nil) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
    }
}
