import NIOCore
import Synchronization

/// Tells the requests of one connection that the client hung up, without reading the connection's request stream.
///
/// Hummingbird's `consumeWithCancellationOnInboundClose` watches for the hang-up by reading that stream itself,
/// and the connection then ends with the response: every `POST /chat` cost its client a new connection. This
/// handler sits in the pipeline after the HTTP decoder instead, passes everything on untouched and notes the
/// client's half-close (`ChannelEvent.inputClosed`: the server allows remote half-closure) or the connection's
/// end, so a running chat is cancelled when its client goes and the connection stays open for the next request
/// when it does not.
final class HangUpWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    let hangUp = HangUp()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent { hangUp.happen() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        hangUp.happen()
        context.fireChannelInactive()
    }
}

/// A client's hang-up: once it happened it stays so (nothing later on the connection matters), and waiters wake.
final class HangUp: Sendable {
    private struct State: ~Copyable {
        var happened = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    func happen() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.happened = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Runs `body` and returns what it returns, cancelling it when the client hangs up first.
    /// - Throws: what `body` throws, or `CancellationError` when the client hung up.
    func cancelling<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                await self.wait()
                return nil
            }
            defer { group.cancelAll() }
            guard case let value?? = try await group.next() else { throw CancellationError() }
            return value
        }
    }

    /// Returns when the client has hung up, or when the waiting task is cancelled.
    private func wait() async {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.happened || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }
}
