/// Where a section begins: a heading of prose or a declaration of code.
struct HeadingMark: Hashable, Sendable {
    /// The line the section begins at, 0-based.
    var line: Int
    /// 1 for the outermost level; deeper sections have higher levels.
    var level: Int
    var title: String
}
