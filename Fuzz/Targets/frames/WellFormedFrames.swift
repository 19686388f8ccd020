import Foundation

@testable import SparkLSP

/// A stream of well-formed frames made from fuzz bytes, with the header spellings clients use (any case, a
/// `Content-Type` before or after, blanks around the value), and the events the parser must return for it.
enum WellFormedFrames {
    static func build(from input: inout FuzzInput, maximumFrameLength: Int) -> ([UInt8], [FrameEvent]) {
        var stream: [UInt8] = []
        var events: [FrameEvent] = []
        while !input.isAtEnd {
            let style = input.byte()
            let length = input.number(below: 256) * (style & 0x80 != 0 ? 4 : 1)
            var body: [UInt8] = []
            while body.count < length, !input.isAtEnd { body.append(input.byte()) }
            let name = ["Content-Length", "content-length", "CONTENT-LENGTH", "Content-length"][Int(style & 3)]
            let blanks = ["", " ", "\t", "  "][Int(style >> 2 & 3)]
            var header = "\(name):\(blanks)\(body.count)\(blanks)\r\n"
            let contentType = "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"
            if style & 0x10 != 0 { header = contentType + header }
            if style & 0x20 != 0 { header += contentType }
            stream += Array((header + "\r\n").utf8) + body
            events.append(body.count > maximumFrameLength ? .oversized(length: body.count) : .frame(Data(body)))
        }
        return (stream, events)
    }
}
