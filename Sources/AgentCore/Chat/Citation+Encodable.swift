/// The wire form of a citation in `citation` events and in the `citations` of `done` (docs/protocol.md): `uri`,
/// an LSP `range` (0-based, from the start of the first line to the start of the line after the last), `title`,
/// `snippet`, `documentId` and `score`.
extension Citation: Encodable {
    private struct Position: Encodable {
        var line: Int
        var character: Int
    }

    private struct Range: Encodable {
        var start: Position
        var end: Position
    }

    /// Encodes the citation's fields into `fields` (shared with the event that carries it).
    func encodeFields(into fields: inout KeyedEncodingContainer<ChatEventKey>) throws {
        try fields.encode(uri, forKey: "uri")
        try fields.encode(
            Range(
                start: Position(line: max(startLine - 1, 0), character: 0),
                end: Position(line: max(endLine, startLine), character: 0)),
            forKey: "range")
        try fields.encode(title, forKey: "title")
        try fields.encode(snippet, forKey: "snippet")
        try fields.encode(documentID, forKey: "documentId")
        try fields.encode(score, forKey: "score")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = encoder.container(keyedBy: ChatEventKey.self)
        try encodeFields(into: &fields)
    }
}
