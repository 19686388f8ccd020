#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs blocking work (curl transfers, process waits, pipe reads, file walks, a test server's
/// socket loop) on a dedicated, detached POSIX thread, so it never occupies one of the cooperative
/// pool's threads.
package enum DetachedThread {
    /// Starts `body` on a new detached thread; runs it inline only if no thread can be created.
    package static func start(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                // A write to a pipe whose reader died must fail with EPIPE, not kill the process:
                // SIGPIPE is thread-directed, so blocking it here keeps it pending on this thread only.
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, box)
        if status != 0 {
            Unmanaged<Box>.fromOpaque(box).release()
            body()
        }
    }

    /// Runs `body` on a dedicated thread and returns its result without blocking the caller's thread.
    package static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: body()) }
        }
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
