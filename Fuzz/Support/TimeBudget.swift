#if canImport(Glibc)
    import Glibc
#endif

/// Checks that work on an input stays linear: it must finish within a fixed allowance plus an allowance per
/// byte, generous enough for ASan and coverage, tight enough that exponential (and, on the longer inputs,
/// quadratic) work overruns it. It counts the thread's CPU time, not the wall clock, so a busy machine (two
/// cores shared with other builds) does not make it fail.
struct TimeBudget {
    let start = TimeBudget.now()

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// CPU milliseconds since the budget started.
    var elapsedMilliseconds: Double { Double(Self.now() - start) / 1e6 }

    /// Fails when more than `baseMilliseconds + microsecondsPerByte * length` went by.
    func check(length: Int, baseMilliseconds: Double = 100, microsecondsPerByte: Double = 20, _ what: String) {
        let allowed = baseMilliseconds + microsecondsPerByte * Double(length) / 1000
        let elapsed = elapsedMilliseconds
        fuzzCheck(elapsed <= allowed, "\(what) took \(elapsed) ms of CPU for \(length) bytes (allowed \(allowed) ms)")
    }
}
