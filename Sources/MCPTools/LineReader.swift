#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Newline-delimited lines from a descriptor, with blocking reads: MCP's stdio framing and the helper's link. Call
/// it on a thread of its own (never the cooperative pool).
package enum LineReader {
    /// Reads `descriptor` to its end (or a read error), handing each non-empty line, without its newline, to `line`.
    package static func readLines(_ descriptor: Int32, line: (ArraySlice<UInt8>) -> Void) {
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            pending += chunk[0..<count]
            var start = 0
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                if newline > start { line(pending[start..<newline]) }
                start = newline + 1
            }
            pending.removeFirst(start)
        }
    }
}
