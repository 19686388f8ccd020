@testable import AgentCore

/// The WHATWG `text/event-stream` interpretation written out step by step, over the whole stream at once:
/// decode as UTF-8 (a leading BOM dropped), split into lines at CRLF, LF or CR, then apply each line.
///
/// Choices of `SSEParser` that the specification leaves to the client, mirrored here: `retry` is reported
/// on the event it came with (and forgotten after it), and a value too large for `Int` is ignored.
enum ReferenceSSE {
    static func events(of bytes: [UInt8]) -> [SSEEvent] {
        var text = String(decoding: bytes, as: UTF8.self).unicodeScalars[...]
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        var lines: [Substring.UnicodeScalarView] = []
        var start = text.startIndex
        var index = text.startIndex
        var complete = false
        while index < text.endIndex {
            let scalar = text[index]
            if scalar == "\r" || scalar == "\n" {
                lines.append(Substring.UnicodeScalarView(text[start..<index]))
                var next = text.index(after: index)
                if scalar == "\r", next < text.endIndex, text[next] == "\n" { next = text.index(after: next) }
                index = next
                start = index
                complete = true
            } else {
                index = text.index(after: index)
                complete = false
            }
        }
        _ = complete  // the text after the last line end is an unfinished line: never processed

        var events: [SSEEvent] = []
        var data: String?
        var type = ""
        var lastEventID = ""
        var retry: Int?
        for line in lines {
            let line = String(line)
            if line.isEmpty {
                if let data {
                    events.append(
                        SSEEvent(
                            type: type.isEmpty ? "message" : type, data: data, lastEventID: lastEventID, retry: retry))
                }
                data = nil
                type = ""
                retry = nil
                continue
            }
            // Code points, not `Character`s: a colon followed by a combining mark is still a colon.
            let scalars = line.unicodeScalars
            if scalars.first == ":" { continue }
            var name = line
            var value = ""
            if let colon = scalars.firstIndex(of: ":") {
                name = String(scalars[..<colon])
                var rest = scalars[scalars.index(after: colon)...]
                if rest.first == " " { rest = rest.dropFirst() }
                value = String(rest)
            }
            switch name {
            case "data": data = (data.map { $0 + "\n" } ?? "") + value
            case "event": type = value
            case "id": if !value.unicodeScalars.contains("\0") { lastEventID = value }
            case "retry":
                if !value.isEmpty, value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
                    let number = Int(value)
                {
                    retry = number
                }
            default: break
            }
        }
        return events
    }
}
