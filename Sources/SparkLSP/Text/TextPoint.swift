/// A zero-based line and character in a document, the shape of an LSP `Position`.
///
/// `character` counts code units of whatever ``PositionEncoding`` the caller passes alongside;
/// a `TextPoint` on its own does not know its encoding.
public struct TextPoint: Hashable, Sendable {
    /// The zero-based line. Lines end at `\n`, `\r\n` or `\r`.
    public var line: Int
    /// The zero-based offset into the line, in code units of the negotiated encoding.
    public var character: Int

    /// Creates a point at `line` and `character`.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

extension TextPoint: Comparable {
    /// Orders points by line, then by character.
    public static func < (lhs: TextPoint, rhs: TextPoint) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}
