/// An HTML page as text, line for line with the file (so line ranges point into the file): tags removed, the
/// contents of `script`, `style`, comments and permalink anchors (`<a class="headerlink">`, Sphinx's and MkDocs's
/// `¶` after every heading) dropped, the common entities decoded, and `<h1>` to `<h6>` as section marks.
struct HTMLText {
    private(set) var lines: [Substring] = []
    private(set) var marks: [HeadingMark] = []

    private enum State {
        case text
        case tag
        case comment
        /// Inside `script` or `style`, until its closing tag.
        case raw(String)
        /// Inside a permalink anchor, until `</a>`.
        case permalink
    }

    init(lines source: [Substring]) {
        var state = State.text
        var tag = ""
        var heading: (level: Int, line: Int, text: String)?
        for (number, line) in source.enumerated() {
            var text = ""
            var index = line.startIndex
            while index < line.endIndex {
                let character = line[index]
                index = line.index(after: index)
                switch state {
                case .text:
                    if character == "<" {
                        if line[index...].hasPrefix("!--") {
                            state = .comment
                            index = line.index(index, offsetBy: 3)
                        } else {
                            state = .tag
                            tag = ""
                        }
                    } else {
                        text.append(character)
                        if heading != nil { heading?.text.append(character) }
                    }
                case .comment:
                    if character == "-", line[index...].hasPrefix("->") {
                        state = .text
                        index = line.index(index, offsetBy: 2)
                    }
                case .raw(let name):
                    if character == "<", line[index...].lowercased().hasPrefix("/" + name) { state = .tag; tag = "/" + name }
                case .permalink:
                    if character == "<", line[index...].lowercased().hasPrefix("/a>") { state = .tag; tag = "" }
                case .tag:
                    if character == ">" {
                        state = .text
                        let name = Self.name(of: tag)
                        if name == "script" || name == "style" {
                            state = .raw(name)
                        } else if name == "a", tag.contains("headerlink") {
                            state = .permalink
                        } else if name.count == 2, name.first == "h", let level = Int(name.dropFirst()), (1...6).contains(level) {
                            heading = (level, number, "")
                        } else if name.count == 3, name.hasPrefix("/h"), heading != nil {
                            if let open = heading {
                                // A title broken over lines (DocBook's) or indented reads as one line of words.
                                let title = Self.decoded(open.text).split(whereSeparator: \.isWhitespace)
                                    .joined(separator: " ")
                                if !title.isEmpty { marks.append(HeadingMark(line: open.line, level: open.level, title: title)) }
                            }
                            heading = nil
                        }
                        if ["p", "br", "div", "li", "tr", "/p", "/div"].contains(name) { text.append(" ") }
                    } else {
                        tag.append(character)
                    }
                }
            }
            if heading != nil { heading?.text.append(" ") }
            lines.append(Substring(Self.decoded(text)))
        }
    }

    /// The lowercased element name of a tag's inside (`/h2` for a closing tag).
    private static func name(of tag: String) -> String {
        let trimmed = tag.drop { $0 == " " }
        let closing = trimmed.hasPrefix("/")
        let name = trimmed.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
        return closing ? "/" + name : name
    }

    private static let entities: [String: String] = [
        "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ",
        "&para;": "", "&#182;": "", "&mdash;": "—", "&ndash;": "–", "&hellip;": "…", "&#8217;": "’",
    ]

    private static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, replacement) in entities where result.contains(entity) {
            result = result.replacing(entity, with: replacement)
        }
        return result
    }
}
