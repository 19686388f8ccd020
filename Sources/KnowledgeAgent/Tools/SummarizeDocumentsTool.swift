import AgentCore
import SparkJSON

/// `summarize_documents(document_ids)`: map-reduce summaries through the knowledge agent's model. Each document is
/// cut into parts along its chunks, each part small enough for the model's context, summarised on its own (map),
/// and the parts of a document combined (reduce); every part keeps its citation.
public struct SummarizeDocumentsTool: TypedAgentTool {
    public struct Arguments: ToolArguments {
        public var documentIDs: [String]
        public var focus: String?

        enum CodingKeys: String, CodingKey {
            case documentIDs = "document_ids"
            case focus
        }

        public static let argumentDescriptions = [
            "document_ids": "The document_id of each document to summarise (from search_knowledge_base), at most 5.",
            "focus": "What the summary should concentrate on (optional).",
        ]
    }

    /// The most documents one call summarises.
    public static let largestDocuments = 5
    /// The most parts summarised per call (each is one model request).
    public static let largestParts = 16

    let index: KnowledgeIndex
    let client: any ModelClient
    let model: String
    let endpoint: ModelEndpoint
    /// The context length assumed when the model server does not state one (vLLM's `max_model_len` in
    /// `GET /v1/models`), in tokens.
    public static let assumedContextTokens = 8192
    /// The most tokens a summary may take.
    var summaryTokens: Int

    init(index: KnowledgeIndex, client: any ModelClient, model: String, endpoint: ModelEndpoint, maxTokens: Int?) {
        self.index = index
        self.client = client
        self.model = model
        self.endpoint = endpoint
        self.summaryTokens = min(maxTokens ?? 400, 400)
    }

    public var name: String { "summarize_documents" }

    public var description: String {
        """
        Summarise whole documents of the knowledge base (document_id from search_knowledge_base), each part \
        citing its lines. For long documents or several at once; to answer a precise question, search instead.
        """
    }

    struct Part {
        var citation: Citation
        var text: String
        var summary = ""
    }

    public func run(_ arguments: Arguments, context: ToolContext) async throws -> ToolResult {
        let ids = arguments.documentIDs.compactMap { Int64($0.trimmingCharacters(" \t#")) }
        guard !ids.isEmpty, ids.count == arguments.documentIDs.count else {
            throw ArgumentsError(tool: name, "document_ids must be the numbers search results give")
        }
        guard ids.count <= Self.largestDocuments else {
            throw ArgumentsError(tool: name, "at most \(Self.largestDocuments) documents per call")
        }
        let partCharacters = Self.partCharacters(contextTokens: await contextTokens())
        var sections: [String] = []
        var citations: [Citation] = []
        var budget = Self.largestParts
        for id in ids {
            guard let document = try await index.base.document(id: id) else {
                sections.append("document \(id): not in the knowledge base")
                continue
            }
            let all = try await self.parts(of: document, partCharacters: partCharacters)
            var parts = Array(all.prefix(max(budget, 1)))
            budget -= parts.count
            do {
                for offset in parts.indices {
                    parts[offset].summary = try await summarise(
                        "Summarise this passage of \(parts[offset].citation.reference) in two to four sentences.",
                        parts[offset].text, focus: arguments.focus)
                }
                var text = "## \(document.path) (document \(id))\n"
                if parts.count > 1 {
                    let joined = parts.map { "\($0.citation.reference): \($0.summary)" }.joined(separator: "\n")
                    text += try await summarise(
                        "Combine these summaries of the parts of \(document.path) into one paragraph; keep each `path:start-end` reference you use.",
                        String(joined.prefix(partCharacters)), focus: arguments.focus) + "\n"
                }
                text += parts.map { "- \($0.citation.reference): \($0.summary)" }.joined(separator: "\n")
                sections.append(text)
                citations += parts.map(\.citation)
            } catch let error as CancellationError {
                throw error
            } catch {
                sections.append("## \(document.path) (document \(id))\nthe summary failed: \(error)")
            }
            if budget <= 0 { break }
        }
        return ToolResult(sections.joined(separator: "\n\n"), citations: citations)
    }

    /// Characters of text per part: a quarter of the model's context at about 4 characters a token (8,000 for
    /// 8,192 tokens), leaving room for the instructions and the answer.
    static func partCharacters(contextTokens: Int) -> Int {
        max(1000, contextTokens * 1000 / 1024)
    }

    /// The model's context length as its server states it, else `assumedContextTokens`.
    private func contextTokens() async -> Int {
        do {
            return try await client.contextLengths(endpoint: endpoint)[model] ?? Self.assumedContextTokens
        } catch {
            return Self.assumedContextTokens
        }
    }

    /// The document's chunks grouped into parts of at most `partCharacters` characters, in order.
    private func parts(of document: IndexedDocument, partCharacters: Int) async throws -> [Part] {
        var parts: [Part] = []
        var current: [KnowledgeChunk] = []
        func flush() {
            guard let first = current.first, let last = current.last else { return }
            let text = String(current.map(\.text).joined(separator: "\n").prefix(partCharacters))
            parts.append(
                Part(
                    citation: Citation(
                        documentID: String(document.id), root: document.root, path: document.path,
                        startLine: first.startLine, endLine: last.endLine, headings: first.headings, score: 1,
                        snippet: text),
                    text: text))
            current = []
        }
        for chunk in try await index.base.chunks(document: document.id) {
            if current.map(\.text.count).reduce(0, +) + chunk.text.count > partCharacters { flush() }
            current.append(chunk)
        }
        flush()
        return parts
    }

    private func summarise(_ instruction: String, _ text: String, focus: String?) async throws -> String {
        var prompt = instruction
        if let focus, !focus.isEmpty { prompt += " Concentrate on: \(focus)." }
        let request = ChatRequest(
            model: model,
            messages: [
                .system("You summarise documentation faithfully and briefly, without adding anything."),
                .user(prompt + "\n\n" + text),
            ], maxTokens: summaryTokens, temperature: 0.2, stream: false)
        return try await client.chat(request, endpoint: endpoint).message.text.trimmingCharacters(" \n")
    }
}
