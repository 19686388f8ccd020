/// How long a model request may wait, at each stage.
public struct TransportTimeouts: Hashable, Sendable {
    /// Longest wait for the TCP connection.
    public var connect: Duration
    /// Longest wait from the start of a request to the first byte of the response body (covers the prompt's
    /// prefill, also when the server sends its headers at once).
    public var firstByte: Duration
    /// Longest silence between two received body bytes once the body has started.
    public var idle: Duration

    public init(connect: Duration = .seconds(10), firstByte: Duration = .seconds(600), idle: Duration = .seconds(120)) {
        self.connect = connect
        self.firstByte = firstByte
        self.idle = idle
    }
}

extension TransportTimeouts {
    /// These timeouts with the ones `settings` sets in their place.
    public func applying(_ settings: TimeoutSettings) -> TransportTimeouts {
        TransportTimeouts(
            connect: settings.connect ?? connect, firstByte: settings.firstByte ?? firstByte,
            idle: settings.idle ?? idle)
    }
}
