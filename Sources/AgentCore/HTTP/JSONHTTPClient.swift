import CCurl
import SparkJSON

/// JSON over HTTP through the model client's libcurl transport (pooled keep-alive connections, a dedicated
/// thread per transfer, cancellation), for services other than the model server, such as Milvus's RESTful API.
/// It does not retry and does not interpret statuses: every response comes back, whatever its status.
package final class JSONHTTPClient: Sendable {
    /// A response: its status and its body, parsed when it is JSON.
    package struct Response: Sendable {
        package var status: Int
        /// The body parsed as JSON; `nil` when it is empty or not JSON.
        package var json: JSONValue?
        /// The body as text (for error messages).
        package var text: String
        /// The response's headers, by lowercased name.
        package var headers: [String: String] = [:]
    }

    /// Why no response arrived.
    package struct TransportError: Error, Sendable, CustomStringConvertible {
        /// `unreachable`: no connection; `cut`: the connection broke before the response ended.
        package enum Kind: Sendable { case unreachable, cut, timeout, other }
        package var kind: Kind
        package var message: String
        package var description: String { message }
    }

    private let pool = CurlHandlePool(capacity: 4)
    private let timeouts: TransportTimeouts
    private let userAgent: String

    /// - Parameter timeouts: how long to wait for the connection, the first byte and between bytes.
    package init(
        timeouts: TransportTimeouts = TransportTimeouts(
            connect: .seconds(5), firstByte: .seconds(60), idle: .seconds(30)),
        userAgent: String = "SparkLSP"
    ) {
        self.timeouts = timeouts
        self.userAgent = userAgent
    }

    /// Sends `json` (if any) to `url` with `method` and returns the response.
    /// - Throws: `TransportError` when no complete response arrived; `CancellationError` when cancelled.
    package func send(_ method: String, _ url: String, json: JSONValue? = nil, headers: [String] = []) async throws
        -> Response
    {
        var allHeaders = ["Accept: application/json", "Expect:"] + headers
        if json != nil { allHeaders.append("Content-Type: application/json") }
        let spec = HTTPRequestSpec(
            method: method, url: url, headers: allHeaders, body: json.map { Array($0.serialized().utf8) })
        let outcome = try await pool.perform(spec, timeouts: timeouts, userAgent: userAgent, consumer: nil)
        try check(outcome, method, url)
        let json = outcome.body.isEmpty ? nil : try? JSONValue(parsing: outcome.body)
        return Response(
            status: outcome.status, json: json, text: String(decoding: outcome.body, as: UTF8.self),
            headers: outcome.headers)
    }

    /// Sends `body` to `url` with `method` and `headers` as given, hands the final response's status and headers to
    /// `head` once they are in, and the body of a 2xx response to `receive` as it arrives (both on the transfer's
    /// thread; an error from `receive` aborts the transfer). The response comes back when the body has ended, with
    /// the body of a non-2xx response in `text`.
    /// - Throws: as `send`.
    package func stream(
        _ method: String, _ url: String, body: [UInt8]?, headers: [String],
        head: @escaping @Sendable (_ status: Int, _ headers: [String: String]) -> Void,
        receive: @escaping @Sendable (UnsafeRawBufferPointer) -> (any Error)?
    ) async throws -> Response {
        let spec = HTTPRequestSpec(method: method, url: url, headers: ["Expect:"] + headers, body: body)
        let outcome = try await pool.perform(
            spec, timeouts: timeouts, userAgent: userAgent, consumer: receive, onHead: head)
        try check(outcome, method, url)
        return Response(
            status: outcome.status, json: nil, text: String(decoding: outcome.body, as: UTF8.self),
            headers: outcome.headers)
    }

    /// Throws when the transfer did not complete.
    private func check(_ outcome: TransferOutcome, _ method: String, _ url: String) throws {
        switch outcome.abort {
        case .firstByteTimeout?, .idleTimeout?:
            throw TransportError(kind: .timeout, message: "\(method) \(url): no response in time")
        case .cancelled?:
            throw CancellationError()
        case .consumer(let error)?:
            throw TransportError(kind: .other, message: "\(method) \(url): \(error)")
        case nil:
            break
        }
        guard outcome.curlCode == CURLE_OK else {
            let kind: TransportError.Kind =
                switch outcome.curlCode {
                case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST: .unreachable
                case CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR: .cut
                case CURLE_OPERATION_TIMEDOUT: .timeout
                default: .other
                }
            throw TransportError(kind: kind, message: "\(method) \(url): \(outcome.curlMessage)")
        }
    }
}
