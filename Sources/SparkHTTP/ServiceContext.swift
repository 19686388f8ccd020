import Hummingbird
import NIOCore

/// The request context of the service's routes: the core storage plus the caller.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The owner of the API key the request presented; `nil` when the service has no keys (loopback only).
    public var owner: String?
    /// The request's connection, whose `HangUpWatcher` says when the client goes.
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        channel = source.channel
    }

    /// The client's hang-up on this connection (`nil` on a connection without a watcher).
    func hangUp() async -> HangUp? {
        try? await channel.pipeline.handler(type: HangUpWatcher.self).get().hangUp
    }

    /// The key limits and counts requests by: the owner, or `local` without keys.
    var limitKey: String { owner ?? "local" }
}
