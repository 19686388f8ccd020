import CCurl
import SparkJSON

extension CurlHandlePool {
    /// Runs one transfer on a dedicated thread (a waiting one of `threads`, else a new one) with a handle from
    /// this pool (given back when the transfer ended cleanly); cancelling the calling task aborts the transfer
    /// at once and throws `CancellationError`.
    func perform(
        _ spec: HTTPRequestSpec, timeouts: TransportTimeouts, userAgent: String, consumer: CurlTransfer.Consumer?,
        onHead: CurlTransfer.HeadHandler? = nil
    ) async throws -> TransferOutcome {
        let transfer = CurlTransfer(
            spec: spec, timeouts: timeouts, userAgent: userAgent, consumer: consumer, onHead: onHead)
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransferOutcome, Never>) in
                self.threads.start {
                    guard let handle = self.take() else {
                        var outcome = TransferOutcome()
                        let loadFailure = CurlRuntime.loadFailure
                        outcome.curlCode = loadFailure == nil ? CURLE_OUT_OF_MEMORY : CURLE_FAILED_INIT
                        outcome.curlMessage = loadFailure ?? "libcurl could not create a handle"
                        continuation.resume(returning: outcome)
                        return
                    }
                    let outcome = transfer.run(on: handle)
                    if outcome.abort == nil { self.giveBack(handle) }
                    continuation.resume(returning: outcome)
                }
            }
        } onCancel: {
            transfer.cancel()
        }
        if case .cancelled = outcome.abort { throw CancellationError() }
        return outcome
    }
}
