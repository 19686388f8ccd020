/// What went wrong talking to Milvus, with the server's own message.
public struct MilvusError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        /// Milvus does not answer (down, wrong host or port): the knowledge base falls back to lexical search.
        case unavailable
        /// Something answers but speaks neither RESTful API v2 (Milvus 2.4+) nor v1 (Milvus 2.3).
        case unsupportedServer
        /// The collection does not exist (dropped by someone else).
        case collectionNotFound
        /// A vector's length is not the collection's dimension.
        case wrongDimension
        /// Milvus refused the request (the code is Milvus's).
        case rejected(Int)
        /// The reply is not what the API documents.
        case malformedResponse
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
