import CodingAgent

/// What a file holds, which decides how it is chunked; files of no kind are not indexed.
public enum DocumentKind: Hashable, Sendable {
    case markdown
    case restructuredText
    case html
    case text
    case code(SourceLanguage)

    /// The kind of the file named `name` (by extension, or a well-known name such as `README`), if indexed.
    public init?(fileName name: String) {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else {
            guard Self.textNames.contains(lower) else { return nil }
            self = .text
            return
        }
        let ext = String(lower[lower.index(after: dot)...])
        switch ext {
        case "md", "markdown", "mdx", "mkd": self = .markdown
        case "rst", "rest": self = .restructuredText
        case "html", "htm", "xhtml": self = .html
        case "txt", "text", "adoc", "asciidoc", "org", "yaml", "yml", "toml", "ini", "cfg", "conf":
            self = .text
        default:
            if let language = SourceLanguage(fileExtension: ext) {
                self = .code(language)
            } else if Self.textNames.contains(String(lower[..<dot])) {
                self = .text
            } else {
                return nil
            }
        }
    }

    /// Extensionless files that are documentation by convention.
    static let textNames: Set<String> = [
        "readme", "changelog", "changes", "news", "install", "authors", "contributing", "copying", "license", "todo",
        "faq", "usage", "hacking",
    ]

    /// The stored name: `markdown`, `rst`, `html`, `text`, or the code's language (`swift`, `python`, ...).
    public var name: String {
        switch self {
        case .markdown: "markdown"
        case .restructuredText: "rst"
        case .html: "html"
        case .text: "text"
        case .code(let language): language.rawValue
        }
    }
}
