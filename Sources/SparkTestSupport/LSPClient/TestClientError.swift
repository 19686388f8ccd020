/// A test client failure: a timeout, a closed connection, an unexpected message.
public struct TestClientError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
