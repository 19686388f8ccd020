import AgentCore

/// How the lines of analysed code split up.
public struct LineCounts: Hashable, Sendable, Codable {
    public var total: Int
    public var code: Int
    public var comment: Int
    public var blank: Int

    public init(total: Int, code: Int, comment: Int, blank: Int) {
        self.total = total
        self.code = code
        self.comment = comment
        self.blank = blank
    }
}
