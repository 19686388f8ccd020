#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A pure `Content-Length` framing state machine: feed it bytes in chunks of any size and it
/// returns the message bodies (and framing errors) found so far.
///
/// Header names are case-insensitive, `Content-Type` and unknown headers are tolerated, a frame
/// over `maximumFrameLength` is skipped without buffering, and garbage before a header is skipped
/// (the parser resynchronises at the next `Content-Length` header).
public struct FrameParser: Sendable {
    /// The default frame limit, 64 MiB.
    public static let defaultMaximumFrameLength = 64 << 20

    public let maximumFrameLength: Int
    public let maximumHeaderLength: Int

    private enum State: Sendable {
        case header
        case body(remaining: Int)
        case skipping(remaining: Int)
    }

    private var state: State = .header
    private var header: [UInt8] = []
    private var body = Data()

    public init(maximumFrameLength: Int = FrameParser.defaultMaximumFrameLength, maximumHeaderLength: Int = 16 * 1024) {
        self.maximumFrameLength = maximumFrameLength
        self.maximumHeaderLength = maximumHeaderLength
    }

    /// Feeds a chunk and returns the events it completed.
    public mutating func feed(_ bytes: [UInt8]) -> [FrameEvent] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Feeds a chunk and returns the events it completed.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [FrameEvent] {
        var events: [FrameEvent] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            switch state {
            case .header:
                let byte = bytes[index]
                index = bytes.index(after: index)
                if header.isEmpty, byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") { continue }
                header.append(byte)
                if header.count >= 4, header.suffix(4).elementsEqual([13, 10, 13, 10]) {
                    if let event = finishHeader() { events.append(event) }
                } else if header.count > maximumHeaderLength {
                    events.append(.malformedHeader("header longer than \(maximumHeaderLength) bytes"))
                    header.removeAll(keepingCapacity: true)
                }
            case .body(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                let end = bytes.index(index, offsetBy: take)
                if take > 0, let base = bytes.baseAddress {
                    body.append(base.advanced(by: index).assumingMemoryBound(to: UInt8.self), count: take)
                }
                index = end
                if take == remaining {
                    events.append(.frame(body))
                    body = Data()
                    state = .header
                } else {
                    state = .body(remaining: remaining - take)
                }
            case .skipping(let remaining):
                let available = bytes.distance(from: index, to: bytes.endIndex)
                let take = min(remaining, available)
                index = bytes.index(index, offsetBy: take)
                state = take == remaining ? .header : .skipping(remaining: remaining - take)
            }
        }
        return events
    }

    /// Call at end of input: returns `.truncated` when a message was cut short.
    public mutating func finish() -> FrameEvent? {
        defer {
            state = .header
            header.removeAll()
            body = Data()
        }
        switch state {
        case .header: return header.isEmpty ? nil : .truncated
        case .body, .skipping: return .truncated
        }
    }

    /// Parses the completed header block in `header`, switching state; returns an event on error.
    private mutating func finishHeader() -> FrameEvent? {
        let block = header
        header.removeAll(keepingCapacity: true)
        var event: FrameEvent?
        var length = Self.contentLength(in: block[...])
        if case .failure(let reason) = length {
            event = .malformedHeader(reason)
            // Resynchronise: garbage before a real header.
            if let start = Self.lastContentLengthStart(in: block), start > 0 {
                length = Self.contentLength(in: block[start...])
            }
        }
        guard case .success(let value) = length else { return event }
        if value > maximumFrameLength {
            state = value > 0 ? .skipping(remaining: value) : .header
            return .oversized(length: value)
        }
        if value == 0 {
            state = .header
            return event ?? .frame(Data())
        }
        body = Data()
        body.reserveCapacity(value)
        state = .body(remaining: value)
        return event
    }

    private static func contentLength(in block: ArraySlice<UInt8>) -> Result<Int, HeaderFailure> {
        let text = String(decoding: block, as: UTF8.self)
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(HeaderFailure("header line without a colon: \(line.prefix(80))"))
            }
            let name = line[..<colon].trimmedOfBlanks().lowercased()
            let value = line[line.index(after: colon)...].trimmedOfBlanks()
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .failure(HeaderFailure("invalid Content-Length: \(value.prefix(40))"))
                }
                length = number
            }
        }
        guard let length else { return .failure(HeaderFailure("missing Content-Length header")) }
        return .success(length)
    }

    private static func lastContentLengthStart(in block: [UInt8]) -> Int? {
        let needle = Array("content-length:".utf8)
        guard block.count >= needle.count else { return nil }
        var start = block.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                var byte = block[start + offset]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != needle[offset] {
                    matches = false
                    break
                }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}

/// Why a header block was refused.
struct HeaderFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension FrameEvent {
    fileprivate static func malformedHeader(_ failure: HeaderFailure) -> FrameEvent { .malformedHeader(failure.reason) }
}

extension StringProtocol {
    fileprivate func trimmedOfBlanks() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
