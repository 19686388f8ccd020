import ArgumentParser
import KnowledgeAgent

/// `spark-lsp kb get DOCUMENT_ID`.
struct KnowledgeGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Print a document of the knowledge base (whole, or --lines START-END).")

    @OptionGroup var options: KnowledgeOptions

    @Option(help: "Only these lines, 1-based and inclusive: 10-40.")
    var lines: String?

    @Argument(help: "The document id (documentId in search results).")
    var documentID: String

    func run() async throws {
        guard let id = Int64(documentID) else { throw ValidationError("'\(documentID)' is not a document id") }
        var range: (Int, Int)?
        if let lines {
            let parts = lines.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[0] <= parts[1] else {
                throw ValidationError("--lines takes START-END, 1-based, START <= END")
            }
            range = (parts[0], parts[1])
        }
        let setup = try KnowledgeSetup(options)
        let excerpt = try await KnowledgeSetup.failing {
            try await setup.index.excerpt(
                documentID: id, startLine: range?.0, endLine: range?.1, maximumCharacters: setup.index.maxFileSize)
        }
        StandardStream.error("\(excerpt.document.absolutePath) lines \(excerpt.startLine)-\(excerpt.endLine)\n")
        if excerpt.changedSinceIndexed { StandardStream.error("spark-lsp: the file changed since it was indexed\n") }
        StandardStream.output(excerpt.text + "\n")
    }
}
