/// The wire shape of `GET /v1/models`.
struct ModelListPayload: Decodable {
    struct Model: Decodable { var id: String }
    var data: [Model]
}
