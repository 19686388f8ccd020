/// One HTTP request as the transfer layer sends it.
struct HTTPRequestSpec: Sendable {
    var method: String
    var url: String
    var headers: [String]
    var body: [UInt8]?
}
