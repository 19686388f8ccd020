import Synchronization

/// Idle curl handles kept for reuse, so requests to the same server reuse their connections.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[CurlHandle]>([])
    private let capacity: Int
    /// The threads transfers run on, kept waiting between transfers.
    let threads = TransferThreads()

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    deinit { threads.shutdown() }

    /// An idle handle, or a new one (`nil` only if libcurl cannot allocate one).
    func take() -> CurlHandle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return CurlHandle()
    }

    /// Returns a handle after its transfer; beyond the capacity it is closed.
    func giveBack(_ handle: CurlHandle) {
        idle.withLock { handles in
            if handles.count < capacity { handles.append(handle) }
        }
    }
}
