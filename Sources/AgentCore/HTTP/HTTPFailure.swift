import CCurl

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `LLMError` a failed transfer maps to, and whether it is worth retrying.
struct HTTPFailure {
    var error: LLMError
    /// Refused connections, 429 and 503.
    var isRetryable: Bool

    /// `nil` when the outcome is a completed 2xx response.
    init?(_ outcome: TransferOutcome, endpoint: ModelEndpoint) {
        let base = endpoint.baseURL
        isRetryable = false
        switch outcome.abort {
        case .consumer(let error)?:
            self.error = error as? LLMError ?? LLMError(.malformedResponse, "\(error)", endpoint: base)
            self.error.endpoint = self.error.endpoint ?? base
            return
        case .firstByteTimeout?:
            error = LLMError(.timeout, "No response within the first-byte timeout", endpoint: base)
            return
        case .idleTimeout?:
            error = LLMError(.timeout, "The response stalled longer than the idle timeout", endpoint: base)
            return
        case .cancelled?:
            error = LLMError(.connectionFailed, "Cancelled", endpoint: base)
            return
        case nil:
            break
        }
        if outcome.curlCode != CURLE_OK {
            (error, isRetryable) = Self.transportError(outcome, endpoint: base)
            return
        }
        guard !(200..<300).contains(outcome.status) else { return nil }
        error = Self.statusError(outcome.status, body: outcome.body, endpoint: base)
        isRetryable = outcome.status == 429 || outcome.status == 503
    }

    private static func transportError(_ outcome: TransferOutcome, endpoint: String) -> (LLMError, Bool) {
        let message = outcome.curlMessage
        switch outcome.curlCode {
        case CURLE_COULDNT_CONNECT:
            return (LLMError(.connectionFailed, "Could not connect: \(message)", endpoint: endpoint), true)
        case CURLE_OPERATION_TIMEDOUT:
            return (LLMError(.timeout, "Connection timed out: \(message)", endpoint: endpoint), false)
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_SSL_CONNECT_ERROR,
            CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return (LLMError(.connectionFailed, message, endpoint: endpoint), false)
        default:
            if outcome.status != 0 {
                return (
                    LLMError(
                        .streamInterrupted, "The response ended early: \(message)", httpStatus: outcome.status,
                        endpoint: endpoint), false
                )
            }
            return (LLMError(.connectionFailed, message, endpoint: endpoint), false)
        }
    }

    /// Maps an HTTP error status to an `LLMError` with the server's own message.
    static func statusError(_ status: Int, body: [UInt8], endpoint: String) -> LLMError {
        let text = String(decoding: body, as: UTF8.self)
        let message =
            ServerErrorBody.message(in: Data(body))
            ?? (text.isEmpty ? "HTTP status \(status)" : ChatChunkDecoder.excerpt(text))
        let code: LLMError.Code
        if status == 404 || message.lowercased().contains("does not exist") {
            code = .modelNotFound
        } else if status == 429 {
            code = .rateLimited
        } else {
            code = .httpError
        }
        return LLMError(code, message, httpStatus: status, endpoint: endpoint)
    }
}
