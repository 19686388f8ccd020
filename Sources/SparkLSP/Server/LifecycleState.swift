/// Where the server is in the LSP lifecycle.
public enum LifecycleState: Hashable, Sendable {
    /// Before `initialize`: requests answer -32002, notifications other than `exit` are dropped.
    case uninitialized
    /// After the `initialize` reply.
    case initialized
    /// After `shutdown`: requests answer -32600; only `exit` matters.
    case shutDown
}
