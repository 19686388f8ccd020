import SparkJSON
import SparkTestSupport

#if canImport(Glibc)
    import Glibc
#endif

extension EndToEnd {
    /// Runs `executable` with `arguments` to its end; its exit code and everything it wrote to stdout.
    static func output(
        of executable: String, _ arguments: [String], environment: [String: String] = [:],
        timeout: Duration = .seconds(120)
    ) async throws -> (code: Int32, output: String) {
        let process = try ChildProcess(executable: executable, arguments: arguments, environment: environment)
        close(process.stdinFD)
        let fd = process.stdoutFD
        let bytes = await DetachedThread.run { () -> [UInt8] in
            var all: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(fd, &buffer, buffer.count)
                if count <= 0 { break }
                all += buffer[0..<count]
            }
            close(fd)
            return all
        }
        let code = await exitCode(of: process, timeout: timeout)
        return (code, String(decoding: bytes, as: UTF8.self))
    }
}
