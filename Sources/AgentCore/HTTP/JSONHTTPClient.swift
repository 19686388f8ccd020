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
    }

    /// Why no response arrived.
    package struct TransportError: Error, Sendable, CustomStringConvertible {
        package enum Kind: Sendable { case unreachable, timeout, other }
        package var kind: Kind
        package var message: String
        package var description: String { message }
    }

    private let pool = CurlHandlePool(capacity: 4)
    private let timeouts: TransportTimeouts
    private let userAgent: String

    /// - Parameter timeouts: how long to wait for the connection, the first byte and between bytes.
    package init(
        timeouts: TransportTimeouts = TransportTimeouts(connect: .seconds(5), firstByte: .seconds(60), idle: .seconds(30)),
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
                case CURLE_OPERATION_TIMEDOUT: .timeout
                default: .other
                }
            throw TransportError(kind: kind, message: "\(method) \(url): \(outcome.curlMessage)")
        }
        let json = outcome.body.isEmpty ? nil : try? JSONValue(parsing: outcome.body)
        return Response(status: outcome.status, json: json, text: String(decoding: outcome.body, as: UTF8.self))
    }
}
