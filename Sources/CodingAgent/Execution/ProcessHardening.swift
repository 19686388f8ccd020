import AgentCore

#if canImport(Glibc)
    import Glibc
#endif

/// Hardening the server applies to itself before anything else.
public enum ProcessHardening {
    /// `PR_SET_DUMPABLE` from `<sys/prctl.h>`.
    static let setDumpable: Int32 = 4

    /// Marks the process not dumpable (`prctl(PR_SET_DUMPABLE, 0)`): no core dumps, and processes of the same
    /// uid without `CAP_SYS_PTRACE` can no longer read `/proc/<server>/environ`, `mem` or `maps` (where the API
    /// keys live) or attach a debugger. Returns whether it took effect.
    @discardableResult
    public static func disableDumping() -> Bool {
        #if canImport(Glibc)
            // `prctl` is variadic, which Swift does not import; all five arguments are integers here.
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, "prctl") else { return false }
            return unsafeBitCast(address, to: Prctl.self)(setDumpable, 0, 0, 0, 0) == 0
        #else
            return false
        #endif
    }

    /// Whether the process is dumpable (`PR_GET_DUMPABLE`), for tests.
    public static var isDumpable: Bool {
        #if canImport(Glibc)
            typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
            guard let handle = dlopen(nil, RTLD_NOW), let address = dlsym(handle, "prctl") else { return true }
            return unsafeBitCast(address, to: Prctl.self)(3, 0, 0, 0, 0) != 0
        #else
            return true
        #endif
    }
}
