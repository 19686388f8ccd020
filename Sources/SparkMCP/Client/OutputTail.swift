import Synchronization

/// The last bytes a server wrote to stderr, for the message the user gets when it fails.
final class OutputTail: Sendable {
    private let limit: Int
    private let bytes = Mutex<[UInt8]>([])

    init(limit: Int = 2048) {
        self.limit = limit
    }

    func append(_ chunk: some Sequence<UInt8>) {
        bytes.withLock { bytes in
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
        }
    }

    /// The tail as text (a cut character at the start is replaced).
    var text: String {
        String(decoding: bytes.withLock { $0 }, as: UTF8.self)
    }
}
