import AgentCore
import ArgumentParser
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where logs go: stderr, or a file opened for appending.
enum LogDestination {
    static func open(path: String?) throws -> Int32 {
        guard let path else { return STDERR_FILENO }
        let fd = POSIX.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ValidationError("cannot open log file \(path): \(String(cString: strerror(errno)))")
        }
        return fd
    }
}
