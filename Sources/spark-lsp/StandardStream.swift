import AgentCore
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to the process's standard output and error by file descriptor.
///
/// In the `chat` and `agents` commands stdout is the output (it is not the LSP stream).
enum StandardStream {
    static func output(_ text: String) { write(text, to: STDOUT_FILENO) }
    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { POSIX.writeAll(descriptor, $0) }
    }
}
