import Synchronization

/// Idle curl handles kept for reuse, so requests to the same server reuse their connections.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[CurlHandle]>([])
    private let capacity: Int
    /// The threads transfers run on, kept waiting between transfers: as many as handles are kept.
    let threads: TransferThreads

    /// - Parameter capacity: the most idle handles kept, and the most threads kept waiting. Past it, a handle is
    ///   closed with its connection after its transfer and a thread ends, so more requests at once than this make
    ///   new connections and threads.
    init(capacity: Int = 8) {
        self.capacity = capacity
        self.threads = TransferThreads(idleLimit: capacity)
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
