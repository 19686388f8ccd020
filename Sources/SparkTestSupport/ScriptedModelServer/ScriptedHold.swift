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
/// A process the test cannot call (headless Neovim) releases with `POST /scripted/release` on the server: every
/// request held at that moment, or, when none is, the next one to reach a hold.
public final class ScriptedHold: Sendable {
    /// The path that releases every held request over HTTP.
    public static let releasePath = "/scripted/release"

    /// One element each time a request reaches the hold.
    private let arrivals: AsyncStream<Void>
    private let arrived: AsyncStream<Void>.Continuation
    /// `release()` writes a byte to it; the server's connection thread waits for that byte.
    private let gate: Pipe

    public init() throws {
        gate = try Pipe.make()
        (arrivals, arrived) = AsyncStream<Void>.makeStream()
    }

    deinit {
        arrived.finish()
        close(gate.read)
        close(gate.write)
    }

    /// Waits until a request reached the hold (one caller at a time); `false` after `timeout` (a hang turned into
    /// a failure, not a synchronisation delay).
    public func reached(timeout: Duration = .seconds(30)) async -> Bool {
        let arrivals = self.arrivals
        let reached = try? await withDeadline(timeout) {
            for await _ in arrivals { return true }
            return false
        }
        return reached ?? false
    }

    /// Lets the held request be answered.
    public func release() {
        var byte: UInt8 = 1
        _ = write(gate.write, &byte, 1)
    }

    /// On the server's connection thread: reports that the request arrived, then blocks until `release()`, or
    /// until `timeout` has passed, so a test that failed before releasing cannot keep the thread forever.
    func hold(timeout: Duration) {
        arrived.yield()
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
}
