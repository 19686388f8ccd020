import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point in a script where `ScriptedModelServer` holds a request until the test lets it go, so the test can act
/// while the model is "thinking" (the user types into a buffer, a file changes on disk) and the run goes on only
/// then. Queue it with `.held(hold, then: reply)`.
///
/// ```swift
/// let hold = try ScriptedHold()
/// server.enqueue(.toolCalls([read]))
/// server.enqueue(.held(hold, then: .toolCalls([write])))
/// async let reply = client.send(chat)
/// #expect(await hold.reached())  // the read's result is at the model
/// userTypes()
/// hold.release()
/// ```
///
/// A process the test cannot call (headless Neovim) releases every request held at that moment with
/// `POST /scripted/release` on the server.
public final class ScriptedHold: Sendable {
    /// The path that releases every held request over HTTP.
    public static let releasePath = "/scripted/release"

    private struct State {
        var reached = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())
    /// `release()` writes a byte to it; the server's connection thread waits for that byte.
    private let gate: Pipe

    public init() throws {
        gate = try Pipe.make()
    }

    deinit {
        close(gate.read)
        close(gate.write)
    }

    /// Waits until a request reached the hold; `false` after `timeout` (a hang turned into a failure, not a
    /// synchronisation delay).
    public func reached(timeout: Duration = .seconds(30)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.arrival()
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// Lets the held request be answered.
    public func release() {
        var byte: UInt8 = 1
        _ = write(gate.write, &byte, 1)
    }

    /// On the server's connection thread: reports that the request arrived, then blocks until `release()`, or
    /// until `timeout` has passed, so a test that failed before releasing cannot keep the thread forever.
    func hold(timeout: Duration) {
        let waiters = state.withLock { state in
            state.reached = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
        var descriptor = pollfd(fd: gate.read, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000)
        while true {
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready > 0 {
                var byte: UInt8 = 0
                _ = read(gate.read, &byte, 1)
            }
            return
        }
    }

    private func arrival() async {
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.reached || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiters.removeValue(forKey: id) }
            continuation?.resume()
        }
    }
}
