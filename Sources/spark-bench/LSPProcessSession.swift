import AgentCore
import SparkJSON
import SparkLSP
import SparkTestSupport

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A language server process driven with blocking reads and writes (call from a dedicated
/// thread via `DetachedThread.run`, never from the cooperative pool).
final class LSPProcessSession {
    let process: ChildProcess
    private var parser = FrameParser()
    private var pending: [Data] = []

    init(executable: String, arguments: [String] = []) throws {
        process = try ChildProcess(executable: executable, arguments: arguments)
    }

    /// Writes one framed message.
    func write(_ json: String) {
        let frame = Array("Content-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
        _ = frame.withUnsafeBytes { POSIX.writeAll(process.stdinFD, $0) }
    }

    /// Reads until the response with `id` arrives; returns its body.
    func awaitResponse(id: Int) throws -> Data {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            while !pending.isEmpty {
                let body = pending.removeFirst()
                if case .response(.number(id)?, _, _) = IncomingMessage.parse(body) { return body }
            }
            let count = read(process.stdoutFD, &buffer, buffer.count)
            guard count > 0 else { throw BenchError("the server closed its output before answering \(id)") }
            for event in parser.feed(Array(buffer[0..<count])) {
                if case .frame(let body) = event { pending.append(body) }
            }
        }
    }

    /// Resident set size from `/proc/<pid>/status`, in KiB.
    func residentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.pid)/status", encoding: .utf8) else {
            return nil
        }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }

    /// Kills the process and reaps it.
    func stop() {
        process.kill()
        var status: Int32 = 0
        waitpid(process.pid, &status, 0)
        close(process.stdinFD)
        close(process.stdoutFD)
    }

    static let initialize =
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#
}
