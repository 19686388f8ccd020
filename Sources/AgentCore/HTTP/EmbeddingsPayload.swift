/// The wire shape of `POST /v1/embeddings`.
struct EmbeddingsPayload: Decodable {
    struct Item: Decodable {
        var index: Int?
        var embedding: [Double]
    }
    var data: [Item]
}
