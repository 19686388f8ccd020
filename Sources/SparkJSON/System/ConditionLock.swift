#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value behind a POSIX mutex, with a condition variable for a dedicated thread that must sleep until the
/// value changes (a writer thread waiting for frames, a closer waiting for that thread to end).
///
/// Every `withLock` wakes the waiters as it returns and every wait re-checks its condition, so callers never
/// signal by hand. Waits block their thread: call them only on threads made by `DetachedThread`, never from a
/// task on the cooperative pool (`withLock` is as short as a `Mutex`'s and fine anywhere).
///
/// `@unchecked Sendable`: `value` is read and written only with `mutex` held.
package final class ConditionLock<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if canImport(Glibc)
            // Timed waits count on the monotonic clock, not the wall clock.
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the lock held, then wakes every waiter.
    package func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        return try body(&value)
    }

    /// Blocks the calling thread until `ready` holds or `timeout` (if any) has passed, then runs `body` with the
    /// lock held (its second argument says whether `ready` holds) and wakes every waiter.
    package func wait<Result>(
        until ready: (Value) -> Bool, timeout: Duration? = nil, then body: (inout Value, Bool) throws -> Result
    ) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer {
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        if let timeout {
            var deadline = Self.deadline(after: timeout)
            while !ready(value) {
                let status = pthread_cond_timedwait(condition, mutex, &deadline)
                if status != 0 && status != EINTR { break }  // ETIMEDOUT
            }
        } else {
            while !ready(value) { pthread_cond_wait(condition, mutex) }
        }
        return try body(&value, ready(value))
    }

    /// The clock reading `timeout` from now, on the clock the condition waits on.
    private static func deadline(after timeout: Duration) -> timespec {
        var now = timespec()
        #if canImport(Glibc)
            clock_gettime(CLOCK_MONOTONIC, &now)
        #else
            clock_gettime(CLOCK_REALTIME, &now)
        #endif
        let (seconds, attoseconds) = max(timeout, .zero).components
        let nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        return timespec(
            tv_sec: now.tv_sec + Int(seconds) + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
    }
}
