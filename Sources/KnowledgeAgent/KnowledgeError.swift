/// A knowledge-base failure the user can act on (a root that is missing, a document id that is unknown).
public struct KnowledgeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
