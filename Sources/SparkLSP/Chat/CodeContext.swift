import AgentCore
import SparkJSON

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The code the user is looking at: a document's path and, for a range, its text and lines,
/// from the open buffer (else the file on disk).
struct CodeContext: Sendable {
    var uri: DocumentURI
    var path: String
    /// 1-based, inclusive.
    var lines: ClosedRange<Int>?
    var text: String?
    var languageId: String?

    static func load(uri: DocumentURI, range: LSPRange?, documents: DocumentStore) async -> CodeContext {
        let path = FileURI.path(fromURI: uri) ?? uri
        var context = CodeContext(uri: uri, path: path)
        guard let range else { return context }
        let buffer: DocumentBuffer?
        if let open = await documents.document(uri) {
            buffer = open.buffer
            context.languageId = open.languageId
        } else {
            buffer = FileManager.default.contents(atPath: path).map {
                DocumentBuffer(String(decoding: $0, as: UTF8.self))
            }
        }
        let start = min(range.start.line, range.end.line)
        context.lines = (start + 1)...(max(range.start.line, range.end.line) + 1)
        if let buffer, range.start != range.end {
            context.text = buffer.text(
                from: TextPoint(line: range.start.line, character: range.start.character),
                to: TextPoint(line: range.end.line, character: range.end.character), encoding: await documents.encoding)
        }
        return context
    }

    /// "`path` (lines a-b)".
    var location: String {
        guard let lines else { return "`\(path)`" }
        return lines.count == 1
            ? "`\(path)` (line \(lines.lowerBound))" : "`\(path)` (lines \(lines.lowerBound)-\(lines.upperBound))"
    }

    /// The selected code as a fenced block, or "".
    var block: String {
        guard let text, !text.isEmpty else { return "" }
        return "\n\n```\(languageId ?? "")\n\(text)\(text.hasSuffix("\n") ? "" : "\n")```"
    }

    /// Context variables for tools and dynamic instructions.
    var variables: [String: JSONValue] {
        var values: [String: JSONValue] = ["file": .string(path)]
        if let lines { values["lines"] = .string("\(lines.lowerBound)-\(lines.upperBound)") }
        return values
    }
}
