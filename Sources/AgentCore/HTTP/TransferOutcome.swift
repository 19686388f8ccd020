import CCurl

/// What one transfer attempt ended with.
struct TransferOutcome: Sendable {
    /// Why the transfer was stopped from our side, if it was.
    enum Abort: Sendable {
        case cancelled
        case firstByteTimeout
        case idleTimeout
        /// The body consumer failed (a malformed stream chunk, a server error event).
        case consumer(any Error)
    }

    /// libcurl's result code (`CURLE_OK` when the transfer completed).
    var curlCode: CURLcode = CURLE_OK
    /// libcurl's message for a failed transfer.
    var curlMessage: String = ""
    var abort: Abort?
    /// The HTTP status, 0 when no response arrived.
    var status: Int = 0
    /// The `Retry-After` header, when the response had one.
    var retryAfter: String?
    /// The final response's headers, by lowercased name (the last of a repeated header wins).
    var headers: [String: String] = [:]
    /// The body, when it was not handed to a consumer (non-streamed requests and error statuses).
    var body: [UInt8] = []
    /// Whether any body byte of a successful response reached the consumer (no retry after that).
    var deliveredBody = false
}
