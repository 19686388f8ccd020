import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Dedicated threads for blocking transfers that wait for the next transfer after theirs: a model request
/// then starts on a waiting thread instead of creating one (thread creation lies between a chat request and
/// its first streamed event). Every transfer still has a thread of its own while it runs; at most `idleLimit`
/// threads wait, each for `idleTimeout` at most, then end.
///
/// Not a `ConditionLock`: that one wakes every waiter on each change, and here a new transfer wakes one waiting
/// thread only (`pthread_cond_signal`).
///
/// `@unchecked Sendable`: `work`, `idle` and `ended` are guarded by `mutex`.
final class TransferThreads: @unchecked Sendable {
    typealias Work = @Sendable () -> Void

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast whenever `idle` changes (`waitUntil`).
    private let idleChanged = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Work not yet taken by a thread. Invariant: `idle >= work.count`, so every queued work has a thread.
    private var work: [Work] = []
    /// Threads waiting for work or starting.
    private var idle = 0
    /// Threads that ended because no work came within `idleTimeout`.
    private var timedOut = 0
    private var ended = false
    private let idleLimit: Int
    private let idleTimeout: Duration

    /// - Parameters:
    ///   - idleLimit: the most threads kept waiting; a thread that finishes a transfer beyond it ends.
    ///   - idleTimeout: how long a waiting thread waits for work before it ends.
    init(idleLimit: Int = 8, idleTimeout: Duration = .seconds(30)) {
        self.idleLimit = idleLimit
        self.idleTimeout = idleTimeout
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if canImport(Glibc)
            // Timed waits count on the monotonic clock, not the wall clock.
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_cond_init(idleChanged, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(idleChanged)
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        idleChanged.deallocate()
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` on a waiting thread, else on a new one; inline only if no thread can be made (as
    /// `DetachedThread.start`).
    func start(_ body: @escaping Work) {
        pthread_mutex_lock(mutex)
        work.append(body)
        if idle >= work.count {
            pthread_cond_signal(condition)
            pthread_mutex_unlock(mutex)
            return
        }
        setIdle(idle + 1)
        // The new thread waits for the mutex, then takes the work; it holds the pool until it ends.
        if DetachedThread.tryStart({ [self] in serve() }) {
            pthread_mutex_unlock(mutex)
            return
        }
        setIdle(idle - 1)
        work.removeLast()
        pthread_mutex_unlock(mutex)
        body()
    }

    /// Ends the waiting threads; a thread running a transfer ends after it (and after any work queued).
    func shutdown() {
        pthread_mutex_lock(mutex)
        ended = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Blocks until `ready` holds for the threads waiting for work (or starting) and the threads ended by their
    /// idle timeout, or `timeout` passed; whether it held. For tests.
    func waitUntil(timeout: Duration, _ ready: (_ idle: Int, _ timedOut: Int) -> Bool) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let deadline = Self.deadline(after: timeout)
        while !ready(idle, timedOut) {
            var limit = deadline
            if pthread_cond_timedwait(idleChanged, mutex, &limit) == ETIMEDOUT { return ready(idle, timedOut) }
        }
        return true
    }

    /// With `mutex` held.
    private func setIdle(_ value: Int) {
        idle = value
        pthread_cond_broadcast(idleChanged)
    }

    /// A thread's life: work, then wait for more while there are not too many waiting.
    private func serve() {
        pthread_mutex_lock(mutex)
        while let body = next() {
            pthread_mutex_unlock(mutex)
            body()
            pthread_mutex_lock(mutex)
            if ended || idle >= idleLimit { break }
            setIdle(idle + 1)
        }
        pthread_mutex_unlock(mutex)
    }

    /// With `mutex` held and this thread counted in `idle`: the next work, or `nil` after the idle timeout or
    /// shutdown with nothing queued; either way this thread is no longer counted.
    private func next() -> Work? {
        let deadline = Self.deadline(after: idleTimeout)
        while work.isEmpty {
            var limit = deadline
            if ended {
                setIdle(idle - 1)
                return nil
            }
            if pthread_cond_timedwait(condition, mutex, &limit) == ETIMEDOUT && work.isEmpty {
                timedOut += 1
                setIdle(idle - 1)
                return nil
            }
        }
        setIdle(idle - 1)
        return work.removeFirst()
    }

    /// The instant `duration` from now on the clock the conditions wait on.
    private static func deadline(after duration: Duration) -> timespec {
        var now = timespec()
        #if canImport(Glibc)
            clock_gettime(CLOCK_MONOTONIC, &now)
        #else
            clock_gettime(CLOCK_REALTIME, &now)
        #endif
        let (seconds, attoseconds) = duration.components
        var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var wholeSeconds = Int(now.tv_sec) + Int(seconds)
        if nanoseconds >= 1_000_000_000 {
            nanoseconds -= 1_000_000_000
            wholeSeconds += 1
        }
        return timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
    }
}
