/// `{{name}}` placeholders in prompt text.
///
/// Scanned over UTF-8 bytes: every agent's prompt is rendered again for each request (`GET /agents`, each chat),
/// and searching with `String.firstRange(of:)` (character by character) was most of `GET /agents`' time.
public enum PromptTemplate {
    /// Replaces every `{{name}}` (spaces inside the braces allowed) that has a value; others stay as written.
    public static func render(_ template: String, values: [String: String]) -> String {
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for placeholder in placeholders(inBytes: bytes) {
            guard let value = values[placeholder.name] else { continue }
            output += bytes[copied..<placeholder.range.lowerBound]
            output += value.utf8
            copied = placeholder.range.upperBound
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The placeholder names in a template, in order of first appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        for placeholder in placeholders(inBytes: Array(template.utf8)) where !names.contains(placeholder.name) {
            names.append(placeholder.name)
        }
        return names
    }

    /// Each `{{ name }}` with a valid name, its byte range including the braces. A `{{` without a closing `}}`
    /// ends the scan; braces around something that is not a name are skipped whole.
    private static func placeholders(inBytes bytes: [UInt8]) -> [(range: Range<Int>, name: String)] {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var found: [(range: Range<Int>, name: String)] = []
        var index = 0
        while let start = pair(open, in: bytes, from: index) {
            guard let end = pair(close, in: bytes, from: start + 2) else { break }
            let name = String(decoding: bytes[(start + 2)..<end], as: UTF8.self).trimmingWhitespace
            if isName(name) { found.append((start..<(end + 2), name)) }
            index = end + 2
        }
        return found
    }

    /// The index of the first two `byte`s in a row at or after `from`.
    private static func pair(_ byte: UInt8, in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 1 < bytes.count {
            if bytes[index] == byte && bytes[index + 1] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }
}
