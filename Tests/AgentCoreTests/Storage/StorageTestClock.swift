import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A clock the test moves by hand.
final class StorageTestClock: Sendable {
    private let seconds = Mutex<Double>(0)

    func set(_ value: Double) { seconds.withLock { $0 = value } }

    var now: @Sendable () -> Date {
        { [self] in Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    }
}
