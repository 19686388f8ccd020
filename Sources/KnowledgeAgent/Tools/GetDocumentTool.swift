import AgentCore
import SparkJSON

/// `get_document(document_id, start_line, end_line)`: a document's text, whole or a line range, bounded.
public struct GetDocumentTool: TypedAgentTool {
    public struct Arguments: ToolArguments {
        public var documentID: String
        public var startLine: Int?
        public var endLine: Int?

        enum CodingKeys: String, CodingKey {
            case documentID = "document_id"
            case startLine = "start_line"
            case endLine = "end_line"
        }

        public static let argumentDescriptions = [
            "document_id": "The document_id of a search result.",
            "start_line": "The first line to read, 1-based (default: the first).",
            "end_line": "The last line to read, inclusive (default: the last).",
        ]
        public static let argumentConstraints: [String: JSONValue] = [
            "start_line": ["minimum": 1], "end_line": ["minimum": 1],
        ]
    }

    /// The most characters one call returns.
    public static let maximumCharacters = 12_000

    let index: KnowledgeIndex

    public var name: String { "get_document" }

    public var description: String {
        """
        Read a document of the knowledge base by its document_id (from search_knowledge_base): the whole document \
        or the lines start_line to end_line, at most \(Self.maximumCharacters) characters per call (read long \
        documents in ranges). Lines are numbered so you can cite them.
        """
    }

    public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
        guard let id = Int64(arguments.documentID.trimmingCharacters(" \t#")) else {
            throw ArgumentsError(tool: name, "document_id must be the number a search result gives, got \"\(arguments.documentID)\"")
        }
        if let start = arguments.startLine, let end = arguments.endLine, end < start {
            throw ArgumentsError(tool: name, "end_line \(end) is before start_line \(start)")
        }
        do {
            let excerpt = try await index.excerpt(
                documentID: id, startLine: arguments.startLine, endLine: arguments.endLine,
                maximumCharacters: Self.maximumCharacters)
            var header = "\(excerpt.document.path) lines \(excerpt.startLine)-\(excerpt.endLine) of \(excerpt.lineCount)"
            if excerpt.truncated { header += " (cut at \(Self.maximumCharacters) characters; read on from line \(excerpt.endLine + 1))" }
            if excerpt.changedSinceIndexed { header += " (the file changed since it was indexed)" }
            let numbered = excerpt.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                "\(excerpt.startLine + $0.offset)\t\($0.element)"
            }
            return ToolResult(
                header + "\n" + numbered.joined(separator: "\n"),
                value: [
                    "document_id": .string(String(id)), "path": .string(excerpt.document.path),
                    "start_line": .int(excerpt.startLine), "end_line": .int(excerpt.endLine),
                    "truncated": .bool(excerpt.truncated),
                ],
                citations: [excerpt.citation])
        } catch let error as KnowledgeError {
            return .error(error.message)
        }
    }
}
