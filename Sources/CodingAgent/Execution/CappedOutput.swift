import AgentCore

/// Output of a process stream, capped: it keeps the first and last bytes and counts what was cut.
public struct CappedOutput: Hashable, Sendable {
    /// The bytes kept from the start.
    public private(set) var head: [UInt8] = []
    /// The bytes kept from the end (only once the head is full).
    public private(set) var tail: [UInt8] = []
    /// Every byte seen, kept or not.
    public private(set) var totalBytes = 0
    /// The most bytes kept in all.
    public let limit: Int

    /// An empty buffer that keeps at most `limit` bytes (half from the start, half from the end).
    public init(limit: Int) {
        self.limit = max(limit, 2)
    }

    /// A buffer from parts already cut (a file read at both ends).
    init(limit: Int, head: [UInt8], tail: [UInt8], totalBytes: Int) {
        self.limit = max(limit, 2)
        self.head = head
        self.tail = tail
        self.totalBytes = totalBytes
    }

    /// How many bytes were cut from the middle.
    public var omittedBytes: Int { totalBytes - head.count - tail.count }

    /// Appends bytes read from the stream.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        totalBytes += bytes.count
        let headLimit = limit / 2
        var rest = bytes[...]
        if head.count < headLimit {
            let taken = rest.prefix(headLimit - head.count)
            head.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
        guard !rest.isEmpty else { return }
        let tailLimit = limit - headLimit
        tail.append(contentsOf: rest.suffix(tailLimit))
        if tail.count > tailLimit {
            tail.removeFirst(tail.count - tailLimit)
        }
    }

    /// The text, with a note in the middle saying how much was cut.
    public var text: String {
        let start = String(decoding: head, as: UTF8.self)
        guard !tail.isEmpty || omittedBytes > 0 else { return start }
        let end = String(decoding: tail, as: UTF8.self)
        if omittedBytes == 0 { return String(decoding: head + tail, as: UTF8.self) }
        return start + "\n[... \(omittedBytes) bytes of output omitted ...]\n" + end
    }
}
