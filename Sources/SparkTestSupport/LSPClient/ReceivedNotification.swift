#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A notification as received: its method and raw body.
public struct ReceivedNotification: Sendable {
    public var method: String
    public var body: Data
}
