import Foundation
import Logging
import MCP
import MCPTools
import SparkJSON

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// MCP's stdio framing (one JSON-RPC message per line) over a pair of descriptors: a server process's pipes, or this
/// process's stdin and stdout for `mcp serve`.
///
/// Hand-written for speed: the SDK's `StdioTransport` (0.12.1) puts the descriptors in non-blocking mode and sleeps
/// 10 ms after every empty read, which added 5 ms to an average call (`make bench-mcp`). Here one thread of its own
/// does blocking reads (never the cooperative pool), so a message is handed on as soon as its line is complete.
actor LineTransport: Transport {
    nonisolated let logger: Logger
    private let input: Int32
    private let output: Int32
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private var isConnected = false

    /// Reads messages from `input` and writes them to `output`; neither is closed here (their owner closes them).
    init(input: Int32, output: Int32, logger: Logger) {
        self.input = input
        self.output = output
        self.logger = logger
        (messages, continuation) = AsyncThrowingStream.makeStream()
    }

    /// Starts reading. Ignores `SIGPIPE` process-wide (as the language server's writer does): a write to a server
    /// that exited, or a host that left, must fail with `EPIPE` rather than end this process.
    func connect() async throws {
        guard !isConnected else { return }
        isConnected = true
        signal(SIGPIPE, SIG_IGN)
        let (input, continuation) = (self.input, self.continuation)
        // Ends at end of file (the server exited, or the host closed our stdin) or on a read error.
        DetachedThread.start {
            LineReader.readLines(input) { line in continuation.yield(Data(line)) }
            continuation.finish()
        }
    }

    func disconnect() async {
        guard isConnected else { return }
        isConnected = false
        continuation.finish()
    }

    /// Writes `data` and a newline, whole (a message is small; the peer reads as it goes).
    func send(_ data: Data) async throws {
        guard isConnected else { throw MCPError.transportError(POSIXError(.ENOTCONN)) }
        var line = [UInt8](data)
        line.append(UInt8(ascii: "\n"))
        var offset = 0
        while offset < line.count {
            let written = line[offset...].withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw MCPError.transportError(POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
            }
            offset += written
        }
    }

    func receive() -> AsyncThrowingStream<Data, any Error> {
        messages
    }
}
