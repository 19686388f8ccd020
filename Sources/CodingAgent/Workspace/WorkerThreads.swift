import AgentCore

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the same body on several threads at once and waits for all of them (fork-join).
///
/// Meant for code already off the cooperative pool (inside `BlockingFileWork.run`): the calling
/// thread runs worker 0 and the others get threads of their own.
package enum WorkerThreads {
    /// The processors online (at least 1).
    package static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    private final class Job: Sendable {
        let index: Int
        let body: @Sendable (Int) -> Void

        init(index: Int, body: @escaping @Sendable (Int) -> Void) {
            self.index = index
            self.body = body
        }
    }

    /// Calls `body(0)` ... `body(count - 1)` concurrently and returns when all have returned.
    package static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for index in 1..<max(count, 1) {
            let context = Unmanaged.passRetained(Job(index: index, body: body)).toOpaque()
            var thread = pthread_t()
            let status = pthread_create(
                &thread, nil,
                { context in
                    let job = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
                    job.body(job.index)
                    return nil
                }, context)
            if status == 0 {
                threads.append(thread)
            } else {
                Unmanaged<Job>.fromOpaque(context).release()
                body(index)
            }
        }
        body(0)
        for thread in threads { pthread_join(thread, nil) }
    }
}
