/// A file the walk found worth indexing, before it is read.
struct ScannedFile: Sendable {
    /// The path's components below the root.
    var components: [String]
    var kind: DocumentKind
    var size: Int
    var modifiedNanoseconds: Int64

    var path: String { components.joined(separator: "/") }
}
