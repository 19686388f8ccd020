/// A `text/event-stream` parser after the WHATWG HTML rules, fed arbitrary byte chunks.
///
/// Handles a leading UTF-8 BOM, CRLF, LF and CR line ends (also split across chunks), `data:` lines joined
/// with `\n`, comments (`:`), `event:`, `id:` (ignored when it contains NUL) and `retry:` (digits only).
/// A blank line dispatches the pending event; an event with no data is dropped. At the end of the stream an
/// unterminated event is discarded, as the rules say.
public struct SSEParser: Sendable {
    private var line: [UInt8] = []
    private var sawCR = false
    private var atStart = true
    private var bomBytesSeen = 0
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType = ""
    private var lastEventID = ""
    private var retry: Int?

    public init() {}

    /// Feeds the next bytes of the stream and returns the events they complete.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [SSEEvent] {
        var events: [SSEEvent] = []
        feed(bytes) { events.append($0) }
        return events
    }

    /// Feeds the next bytes of the stream, handing each completed event to `emit` (no array on the hot path).
    public mutating func feed(_ bytes: some Sequence<UInt8>, emit: (SSEEvent) throws -> Void) rethrows {
        let handled: Void? = try bytes.withContiguousStorageIfAvailable { buffer in
            try feed(UnsafeRawBufferPointer(buffer), emit: emit)
        }
        if handled == nil {
            try Array(bytes).withUnsafeBytes { try feed($0, emit: emit) }
        }
    }

    /// Feeds raw bytes (the transfer layer's buffers), handing each completed event to `emit`.
    public mutating func feed(_ buffer: UnsafeRawBufferPointer, emit: (SSEEvent) throws -> Void) rethrows {
        var index = 0
        let count = buffer.count
        while atStart, index < count {
            let byte = buffer[index]
            if skipsBOMByte(byte) {
                index += 1
            } else {
                break
            }
        }
        while index < count {
            if sawCR {
                sawCR = false
                if buffer[index] == 0x0A {  // the LF of a CRLF: the line already ended at the CR
                    index += 1
                    continue
                }
            }
            var end = index
            while end < count, buffer[end] != 0x0A, buffer[end] != 0x0D { end += 1 }
            if end == count {
                line.append(contentsOf: buffer[index..<count])
                return
            }
            if line.isEmpty {
                try endLine(UnsafeRawBufferPointer(rebasing: buffer[index..<end]), emit)
            } else {
                var pending: [UInt8] = []
                swap(&pending, &line)
                pending.append(contentsOf: buffer[index..<end])
                try pending.withUnsafeBytes { try endLine($0, emit) }
                pending.removeAll(keepingCapacity: true)
                swap(&pending, &line)
            }
            sawCR = buffer[end] == 0x0D
            index = end + 1
        }
    }

    /// Ends the stream: an event without its closing blank line is discarded.
    public mutating func finish() {
        line.removeAll(keepingCapacity: true)
        resetEvent()
    }

    /// The UTF-8 BOM (EF BB BF) is skipped once at the very start of the stream.
    private mutating func skipsBOMByte(_ byte: UInt8) -> Bool {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if byte == bom[bomBytesSeen] {
            bomBytesSeen += 1
            if bomBytesSeen == 3 { atStart = false }
            return true
        }
        atStart = false
        if bomBytesSeen > 0 {
            // A partial BOM was not a BOM after all: replay its bytes as line content.
            line.append(contentsOf: bom[0..<bomBytesSeen])
        }
        return false
    }

    private mutating func endLine(_ line: UnsafeRawBufferPointer, _ emit: (SSEEvent) throws -> Void) rethrows {
        if line.isEmpty {
            try dispatch(emit)
            return
        }
        if line[0] == UInt8(ascii: ":") { return }  // a comment
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let nameEnd = colon ?? line.endIndex
        var valueStart = colon.map { $0 + 1 } ?? line.endIndex
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        field(name: line[..<nameEnd], value: line[valueStart...])
    }

    private mutating func field(name: Slice<UnsafeRawBufferPointer>, value: Slice<UnsafeRawBufferPointer>) {
        switch name.count {
        case 4 where name.elementsEqual("data".utf8):
            if hasData { data.append(0x0A) }
            data.append(contentsOf: value)
            hasData = true
        case 5 where name.elementsEqual("event".utf8):
            eventType = String(decoding: value, as: UTF8.self)
        case 2 where name.elementsEqual("id".utf8):
            if !value.contains(0) { lastEventID = String(decoding: value, as: UTF8.self) }
        case 5 where name.elementsEqual("retry".utf8):
            // Digits only, else the field is ignored; so is a number too large for `Int`, which must not undo
            // an earlier `retry` of the same event.
            if !value.isEmpty, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                let milliseconds = Int(String(decoding: value, as: UTF8.self))
            {
                retry = milliseconds
            }
        default:
            break  // unknown fields are ignored
        }
    }

    private mutating func dispatch(_ emit: (SSEEvent) throws -> Void) rethrows {
        guard hasData else {
            resetEvent()
            return
        }
        let event = SSEEvent(
            type: eventType.isEmpty ? "message" : eventType,
            data: String(decoding: data, as: UTF8.self),
            lastEventID: lastEventID,
            retry: retry)
        resetEvent()
        try emit(event)
    }

    private mutating func resetEvent() {
        data.removeAll(keepingCapacity: true)
        hasData = false
        eventType = ""
        retry = nil
    }
}
