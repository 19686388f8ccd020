/// A replacement of a range; `annotationId` makes it an `AnnotatedTextEdit`.
public struct TextEdit: Codable, Hashable, Sendable {
    public var range: LSPRange
    public var newText: String
    public var annotationId: String?

    public init(range: LSPRange, newText: String, annotationId: String? = nil) {
        self.range = range
        self.newText = newText
        self.annotationId = annotationId
    }
}
