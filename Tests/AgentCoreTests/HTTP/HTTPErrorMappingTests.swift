import Testing

@testable import AgentCore

@Suite struct HTTPErrorMappingTests {
    private func map(_ status: Int, _ body: String) -> LLMError {
        HTTPFailure.statusError(status, body: Array(body.utf8), endpoint: "http://h/v1")
    }

    @Test func readsEveryErrorBodyShape() {
        #expect(map(500, #"{"error":{"message":"boom","type":"InternalServerError","code":500}}"#).message == "boom")
        #expect(map(400, #"{"object":"error","message":"bad","type":"BadRequestError","code":400}"#).message == "bad")
        #expect(map(422, #"{"detail":"Unprocessable"}"#).message == "Unprocessable")
        #expect(map(401, #"{"error":"Unauthorized"}"#).message == "Unauthorized")
        #expect(map(502, "Bad Gateway").message == "Bad Gateway")
        #expect(map(502, "").message == "HTTP status 502")
    }

    @Test func classifiesByStatusAndMessage() {
        let notFound = map(404, #"{"object":"error","message":"The model `x` does not exist.","code":404}"#)
        #expect(notFound.code == .modelNotFound)
        #expect(notFound.httpStatus == 404)
        #expect(notFound.endpoint == "http://h/v1")
        #expect(map(400, #"{"error":{"message":"The model `x` does not exist."}}"#).code == .modelNotFound)
        #expect(map(429, "{}").code == .rateLimited)
        #expect(map(503, "{}").code == .httpError)
        #expect(map(400, #"{"error":{"message":"max_tokens too large"}}"#).code == .httpError)
    }
}
