@testable import SparkLSP

/// Texts and positions read from fuzz bytes: texts from pieces that matter to positions (every line
/// terminator, scalars of each UTF-8 length, a surrogate pair in UTF-16, a combining mark), positions near
/// the document with the out-of-range values LSP clamps.
enum PositionScript {
    static let pieces = [
        "a", "bc", " ", "\t", "\n", "\r", "\r\n", "é", "e\u{301}", "中", "😀", "👍🏽", "\u{10FFFF}", "\u{7F}", "ß",
        "\u{FEFF}",
    ]

    static func text(from input: inout FuzzInput, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            let byte = input.byte()
            if byte >= 0xF0 {  // now and then a raw byte run, repaired as a String would be
                let length = Int(byte & 0x0F)
                var bytes: [UInt8] = []
                for _ in 0..<length { bytes.append(input.byte()) }
                text += String(decoding: bytes, as: UTF8.self)
            } else {
                text += pieces[Int(byte) % pieces.count]
            }
        }
        return text
    }

    static func point(from input: inout FuzzInput, lines: Int) -> TextPoint {
        let line = Int(input.byte()) % (lines + 3) - 1
        let byte = input.byte()
        let character: Int
        switch byte {
        case 0xFF: character = Int.max
        case 0xFE: character = -1
        case 0xFD: character = 1_000_000
        default: character = Int(byte) % 40
        }
        return TextPoint(line: line, character: character)
    }
}
