import AgentCore
import CodingAgent

#if canImport(Glibc)
    import Glibc
#endif

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The function, method or class around the cursor, found with the coding agent's outline parsers (in process,
/// no `python3`): what the cursor code actions (`Spark: explain \`parse_header\``) apply to.
public struct CursorDeclaration: Hashable, Sendable {
    /// `name`, or `Type.name` for a method.
    public var name: String
    /// `function`, `method`, or the type's keyword (`class`, `struct`, ...).
    public var kind: String
    /// Whole lines, from the declaration's first character to the end of its last line.
    public var range: LSPRange

    public init(name: String, kind: String, range: LSPRange) {
        self.name = name
        self.kind = kind
        self.range = range
    }

    /// The largest document parsed for a code-action list, which must answer at once: parsing grows with the text
    /// (2 MiB of Python took 5.8 s in a debug build on a loaded 2-core machine), so larger files get no cursor
    /// actions; `CursorCodeActionTests` checks the time at this size.
    package static let largestDocument = 1 << 18

    /// The declaration enclosing `position` in the document at `uri` (the open buffer, else the file on disk), or
    /// `nil` when the language has no outline parser, the document is over `largestDocument` bytes or the
    /// position is outside every declaration.
    static func find(uri: DocumentURI, at position: Position, documents: DocumentStore) async -> CursorDeclaration? {
        let open = await documents.document(uri)
        let path = FileURI.path(fromURI: uri) ?? uri
        guard let language = language(languageId: open?.languageId, path: path) else { return nil }
        let buffer: DocumentBuffer
        if let open {
            guard open.buffer.utf8Count <= largestDocument else { return nil }
            buffer = open.buffer
        } else if Self.fileSize(path).map({ $0 <= largestDocument }) == true,
            let data = FileManager.default.contents(atPath: path)
        {
            buffer = DocumentBuffer(String(decoding: data, as: UTF8.self))
        } else {
            return nil
        }
        let outline = CodeOutline.parsed(buffer.text, language: language)
        guard let declaration = outline.declaration(enclosing: position.line + 1) else { return nil }
        let last = declaration.endLine - 1
        let end = length(of: buffer.line(last), in: await documents.encoding)
        return CursorDeclaration(
            name: declaration.name, kind: declaration.kind,
            range: LSPRange(
                start: Position(line: declaration.startLine - 1, character: 0),
                end: Position(line: last, character: end)))
    }

    /// The outline language of a document: its `languageId` (`python`, `typescriptreact`, ...), else its extension.
    package static func language(languageId: String?, path: String) -> SourceLanguage? {
        if let languageId {
            let base = languageId.hasSuffix("react") ? String(languageId.dropLast("react".count)) : languageId
            if let language = SourceLanguage(name: base) { return language }
        }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return SourceLanguage(name: String(path[path.index(after: dot)...]))
    }

    private static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    private static func length(of line: Substring, in encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: line.utf8.count
        case .utf16: line.utf16.count
        case .utf32: line.unicodeScalars.count
        }
    }
}
