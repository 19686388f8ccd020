import AgentCore

/// Complexity, nesting and calls measured on a scrubbed function body (brace languages).
enum FunctionMetrics {
    /// McCabe complexity: 1 + branches (`if`, loops, `case`, `catch`, `&&`, `||`, ternaries, match arms).
    static func complexity(of body: String, language: SourceLanguage) -> Int {
        var keywords = ["if", "for", "while", "case", "catch"]
        switch language {
        case .swift: keywords += ["guard", "repeat"]
        case .rust: keywords += ["loop"]
        case .java, .javascript, .typescript, .c, .cpp: keywords += ["do"]
        default: break
        }
        var total = 1
        for word in identifiers(in: body) where keywords.contains(String(word)) {
            total += 1
        }
        total += occurrences(of: "&&", in: body) + occurrences(of: "||", in: body)
        switch language {
        case .javascript, .typescript, .java, .c, .cpp:
            total += occurrences(of: " ? ", in: body)
        case .rust:
            total += max(0, occurrences(of: "=>", in: body) - identifiers(in: body).filter { $0 == "match" }.count)
        default:
            break
        }
        return total
    }

    /// The deepest brace nesting inside the body (the body's own braces excluded).
    static func maxNesting(of body: String) -> Int {
        var depth = 0
        var deepest = 0
        for byte in body.utf8 {
            if byte == UInt8(ascii: "{") {
                depth += 1
                deepest = max(deepest, depth)
            } else if byte == UInt8(ascii: "}") {
                depth -= 1
            }
        }
        return max(0, deepest - 1)
    }

    /// Names called in the body (`name(`, `.name(`), keywords excluded, in first-seen order.
    static func calls(in body: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        let bytes = Array(body.utf8)
        var index = 0
        while index < bytes.count {
            guard isIdentifierStart(bytes[index]), index == 0 || !isIdentifierByte(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isIdentifierByte(bytes[end]) { end += 1 }
            var next = end
            while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "(") {
                let name = String(decoding: bytes[index..<end], as: UTF8.self)
                if !DeclarationPatterns.keywords.contains(name), seen.insert(name).inserted {
                    result.append(name)
                }
            }
            index = end
        }
        return result
    }

    static func identifiers(in text: String) -> [Substring] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
    }

    static func occurrences(of needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95 || byte == 36
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 48 && byte <= 57)
    }
}
