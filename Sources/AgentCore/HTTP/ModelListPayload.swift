/// The wire shape of `GET /v1/models`.
struct ModelListPayload: Decodable {
    struct Model: Decodable {
        var id: String
        /// vLLM's context length of the model, in tokens (other servers leave it out).
        var maxModelLen: Int?

        enum CodingKeys: String, CodingKey {
            case id
            case maxModelLen = "max_model_len"
        }
    }
    var data: [Model]
}
