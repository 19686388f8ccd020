/// What indexing left out, by reason. Nothing is left out silently: each count appears in the summary.
public struct SkipCounts: Hashable, Sendable {
    /// Files larger than `knowledgeBase.maxFileSize`.
    public var tooLarge = 0
    /// Files with NUL bytes (binaries that carry a text extension).
    public var binary = 0
    /// Files and folders that could not be read (permissions, vanished while indexing).
    public var unreadable = 0
    /// Symbolic links (never followed, so a loop cannot trap the walk).
    public var links = 0
    /// Files of a type that is not indexed (images, archives, objects, ...).
    public var otherTypes = 0

    public init() {}

    /// Everything left out.
    public var total: Int { tooLarge + binary + unreadable + links + otherTypes }

    static func + (lhs: SkipCounts, rhs: SkipCounts) -> SkipCounts {
        var sum = lhs
        sum.tooLarge += rhs.tooLarge
        sum.binary += rhs.binary
        sum.unreadable += rhs.unreadable
        sum.links += rhs.links
        sum.otherTypes += rhs.otherTypes
        return sum
    }

    /// `3 too large, 1 binary` (the non-zero counts), or `none`.
    public var summary: String {
        let parts = [
            (tooLarge, "too large"), (binary, "binary"), (unreadable, "unreadable"), (links, "symbolic links"),
            (otherTypes, "other types"),
        ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
