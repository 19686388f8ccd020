/// Turns texts into vectors through an embedding model (`EMBEDDING_MODEL` on `EMBEDDING_ENDPOINT`).
public protocol TextEmbedder: Sendable {
    /// The model the vectors come from; vectors of different identities are never mixed in one index.
    var identity: String { get }

    /// One unit-length vector per text, in order. Respects the model's input limit and retries transient
    /// failures; what still fails is thrown, naming the cause, never dropped.
    func embed(_ texts: [String]) async throws -> [[Float]]
}
