#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way the package makes threads: blocking work (curl transfers, process waits, pipe and
/// stdin reads, file walks, SQLite, a test server's socket loop) runs on a dedicated POSIX thread,
/// so it never occupies one of the cooperative pool's threads.
///
/// Every thread made here blocks SIGPIPE: a write to a pipe whose reader died must fail with EPIPE,
/// not kill the process.
package enum DetachedThread {
    /// Starts `body` on a new detached thread; runs it inline only if no thread can be created.
    package static func start(_ body: @escaping @Sendable () -> Void) {
        if !tryStart(body) { body() }
    }

    /// Starts `body` on a new detached thread; `false` (and `body` not run) when no thread can be created.
    @discardableResult
    package static func tryStart(_ body: @escaping @Sendable () -> Void) -> Bool {
        spawn(body, detached: true) != nil
    }

    /// Runs `body` on a dedicated thread and returns its result without blocking the caller's thread.
    package static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            start { continuation.resume(returning: body()) }
        }
    }

    /// Calls `body(0)` ... `body(count - 1)` concurrently and returns when all have returned (fork-join).
    ///
    /// Meant for code already off the cooperative pool (inside `BlockingFileWork.run`): the calling
    /// thread runs `body(0)` and the others get threads of their own (or run inline if none can be made).
    package static func forkJoin(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for index in 1..<max(count, 1) {
            if let thread = spawn({ body(index) }, detached: false) {
                threads.append(thread)
            } else {
                body(index)
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }

    /// The processors online (at least 1).
    package static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Creates a thread running `body`; `nil` when it cannot.
    private static func spawn(_ body: @escaping @Sendable () -> Void, detached: Bool) -> pthread_t? {
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(
            &attributes, Int32(detached ? PTHREAD_CREATE_DETACHED : PTHREAD_CREATE_JOINABLE))
        #if canImport(Glibc)
            var thread = pthread_t()
        #else
            var thread: pthread_t?
        #endif
        let status = pthread_create(
            &thread, &attributes,
            { raw in
                guard let raw else { return nil }
                // SIGPIPE is thread-directed, so blocking it here keeps it pending on this thread only.
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
                return nil
            }, box)
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(box).release()
            return nil
        }
        return thread
    }

    private final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
