import CCurl
import Logging
import SparkJSON

extension HTTPModelClient {
    /// Runs a request with retries and returns the body of its 2xx response.
    func perform(_ spec: HTTPRequestSpec, endpoint: ModelEndpoint) async throws -> [UInt8] {
        try await performWithRetries(spec, endpoint: endpoint, consumer: nil).body
    }

    /// Streams a chat completion's SSE body into `continuation`, decoding on the transfer thread.
    func streamEvents(
        _ spec: HTTPRequestSpec, endpoint: ModelEndpoint,
        into continuation: AsyncThrowingStream<ChatStreamEvent, any Error>.Continuation
    ) async throws {
        let sink = ChatStreamSink(continuation: continuation)
        let outcome: TransferOutcome
        do {
            outcome = try await performWithRetries(spec, endpoint: endpoint, consumer: sink.consume)
        } catch let error as LLMError where sink.isComplete && error.code == .streamInterrupted {
            return  // the connection broke after [DONE] or the finish reason: nothing was lost
        }
        sink.finish()
        guard sink.isComplete else {
            throw LLMError(
                .streamInterrupted, "The stream ended before [DONE] or a finish reason",
                httpStatus: outcome.status, endpoint: endpoint.baseURL)
        }
    }

    private func performWithRetries(
        _ spec: HTTPRequestSpec, endpoint: ModelEndpoint, consumer: CurlTransfer.Consumer?
    ) async throws -> TransferOutcome {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            logger.debug("HTTP \(spec.method) \(spec.url)", metadata: ["attempt": "\(attempt + 1)"])
            let outcome = try await performOnce(
                spec, timeouts: options.timeouts.applying(endpoint.timeouts), consumer: consumer)
            let failure = HTTPFailure(outcome, endpoint: endpoint)
            guard let failure else { return outcome }
            if failure.isRetryable, !outcome.deliveredBody, attempt < options.maxRetries {
                attempt += 1
                let delay = retryDelay(attempt: attempt, retryAfter: outcome.retryAfter)
                logger.notice(
                    "Retrying \(spec.method) \(spec.url) in \(delay): \(failure.error.message)",
                    metadata: ["attempt": "\(attempt)"])
                options.willRetry?(attempt, failure.error, delay)
                try await Task.sleep(for: delay)
                continue
            }
            if outcome.deliveredBody, failure.error.code == .connectionFailed {
                throw LLMError(
                    .streamInterrupted, failure.error.message, httpStatus: outcome.status, endpoint: endpoint.baseURL)
            }
            logger.warning("HTTP \(spec.method) \(spec.url) failed: \(failure.error)")
            throw failure.error
        }
    }

    /// One attempt on a dedicated thread; cancelling the task aborts the transfer.
    private func performOnce(
        _ spec: HTTPRequestSpec, timeouts: TransportTimeouts, consumer: CurlTransfer.Consumer?
    ) async throws -> TransferOutcome {
        try await pool.perform(spec, timeouts: timeouts, userAgent: options.userAgent, consumer: consumer)
    }

    /// The delay before retry number `attempt`: `Retry-After` seconds when given, else exponential backoff,
    /// both capped by `maxRetryDelay`.
    func retryDelay(attempt: Int, retryAfter: String?) -> Duration {
        if let retryAfter, let seconds = Double(retryAfter), seconds >= 0 {
            return min(.milliseconds(Int(seconds * 1000)), options.maxRetryDelay)
        }
        let factor = 1 << min(attempt - 1, 16)
        return min(options.baseRetryDelay * factor, options.maxRetryDelay)
    }
}
