/// Waits for a new collection to be loaded for search (~2 s on Milvus 2.3). Milvus offers no notification,
/// only its load state, so this asks every 100 ms, for at most a minute.
enum MilvusLoadWait {
    static func until(_ collection: String, timeout: Duration = .seconds(60), _ isLoaded: () async throws -> Bool)
        async throws
    {
        let deadline = ContinuousClock.now + timeout
        while try await !isLoaded() {
            guard ContinuousClock.now < deadline else {
                throw MilvusError(.rejected(0), "collection \(collection) was not loaded within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}
