/// A passage an answer rests on: one chunk of an indexed document, with where it lies and how well it matched.
/// Knowledge tools attach citations to their results; every front end reports each one as a `citation` event
/// and lists those the answer refers to in its `done` event (see `docs/protocol.md`).
public struct Citation: Hashable, Sendable {
    /// The longest `snippet` a citation carries, in characters.
    public static let snippetLimit = 300

    /// The document's id in the knowledge base (what `get_document` takes).
    public var documentID: String
    /// The indexed root the document lies under (an absolute directory).
    public var root: String
    /// The document's path relative to `root`.
    public var path: String
    /// The first line of the passage, 1-based.
    public var startLine: Int
    /// The last line of the passage, 1-based and inclusive.
    public var endLine: Int
    /// The headings (or declarations) the passage lies under, outermost first.
    public var headings: [String]
    /// How well the passage matched the query (higher is better; comparable within one search only).
    public var score: Double
    /// The start of the passage's text, at most `snippetLimit` characters.
    public var snippet: String

    public init(
        documentID: String, root: String, path: String, startLine: Int, endLine: Int, headings: [String],
        score: Double, snippet: String
    ) {
        self.documentID = documentID
        self.root = root
        self.path = path
        self.startLine = startLine
        self.endLine = endLine
        self.headings = headings
        self.score = score
        self.snippet = snippet.count > Self.snippetLimit ? String(snippet.prefix(Self.snippetLimit - 1)) + "…" : snippet
    }

    /// The absolute path of the document.
    public var absolutePath: String {
        root.hasSuffix("/") ? root + path : root + "/" + path
    }

    /// The document's `file://` URI (percent-encoded).
    public var uri: String { "file://" + Self.percentEncoded(absolutePath) }

    /// The path and the heading trail: `docs/logging.md › Configuration › Handlers`.
    public var title: String { ([path] + headings).joined(separator: " › ") }

    /// `path:start-end`, how answers refer to a passage.
    public var reference: String { "\(path):\(startLine)-\(endLine)" }

    /// Percent-encodes every byte of a path but the unreserved characters and `/`.
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Citation {
    /// The citations among `citations` that `answer` refers to, by path (`docs/logging.md`, also in
    /// `path:start-end`) or by document id (`document 12`); one per passage, in first-cited order.
    public static func referred(to answer: String, among citations: [Citation]) -> [Citation] {
        var seen: Set<String> = []
        return citations.filter { citation in
            let key = "\(citation.documentID):\(citation.startLine)-\(citation.endLine)"
            guard !seen.contains(key) else { return false }
            let named = answer.contains(citation.path) || answer.contains("document \(citation.documentID)")
            if named { seen.insert(key) }
            return named
        }
    }
}
