import Hummingbird

/// The request context of the service's routes: the core storage plus the caller.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The owner of the API key the request presented; `nil` when the service has no keys (loopback only).
    public var owner: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
    }

    /// The key limits and counts requests by: the owner, or `local` without keys.
    var limitKey: String { owner ?? "local" }
}
