import SparkJSON
import SparkLSP
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct IncomingMessageTests {
    private func parse(_ text: String) -> IncomingMessage { IncomingMessage.parse(Data(text.utf8)) }

    private func invalidCode(_ text: String) -> (RequestID?, Int)? {
        if case .invalid(let id, let error) = parse(text) { return (id, error.code.rawValue) }
        return nil
    }

    @Test func requestsWithNumberAndStringIds() {
        guard case .request(.number(7), "a/b", _) = parse(#"{"jsonrpc":"2.0","id":7,"method":"a/b","params":{}}"#)
        else {
            Issue.record("number id")
            return
        }
        guard case .request(.string("x"), "a/b", _) = parse(#"{"jsonrpc":"2.0","id":"x","method":"a/b"}"#) else {
            Issue.record("string id")
            return
        }
    }

    @Test func notificationsAndResponses() {
        guard case .notification("n", _) = parse(#"{"jsonrpc":"2.0","method":"n"}"#) else {
            Issue.record("notification")
            return
        }
        guard case .response(.number(3), _, nil) = parse(#"{"jsonrpc":"2.0","id":3,"result":null}"#) else {
            Issue.record("response")
            return
        }
        guard
            case .response(.number(4), _, let error?) = parse(
                #"{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"m"}}"#)
        else {
            Issue.record("error response")
            return
        }
        #expect(error.code == .methodNotFound)
    }

    @Test func bodiesThatAreNotJSONArParseErrors() {
        #expect(invalidCode("{nope")?.1 == -32700)
        #expect(invalidCode("")?.1 == -32700)
    }

    @Test func batchesAndNonObjectsAreInvalidRequestsWithANullID() {
        let batch = invalidCode(#"[{"jsonrpc":"2.0","id":1,"method":"a"}]"#)
        #expect(batch?.0 == nil && batch?.1 == -32600)
        #expect(invalidCode("42")?.1 == -32600)
    }

    @Test func jsonThatIsNotJSONRPCIsAnInvalidRequestKeepingTheID() {
        let wrongVersion = invalidCode(#"{"jsonrpc":"1.0","id":5,"method":"a"}"#)
        #expect(wrongVersion?.0 == .number(5) && wrongVersion?.1 == -32600)
        #expect(invalidCode(#"{"jsonrpc":"2.0","id":true,"method":"a"}"#)?.1 == -32600)
        #expect(invalidCode(#"{"jsonrpc":"2.0","id":1,"method":3}"#)?.1 == -32600)
        #expect(invalidCode(#"{"jsonrpc":"2.0","id":1}"#)?.1 == -32600)
        #expect(invalidCode(#"{"hello":"world"}"#)?.1 == -32600)
    }

    @Test func typedParamsDecodeAndErrorsNameTheField() throws {
        guard
            case .request(_, _, let params) = parse(
                #"{"jsonrpc":"2.0","id":1,"method":"textDocument/didClose","params":{"textDocument":{}}}"#)
        else {
            Issue.record("not a request")
            return
        }
        #expect(throws: DecodingError.self) {
            try MessageCoding.decodeParams(DidCloseTextDocumentNotification.self, from: params)
        }
        do {
            _ = try MessageCoding.decodeParams(DidCloseTextDocumentNotification.self, from: params)
        } catch {
            #expect(ResponseError(error).code == .invalidParams)
            #expect(ResponseError(error).message == "Invalid params: missing required field 'textDocument.uri'")
        }
        guard case .request(_, _, let missing) = parse(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#) else {
            Issue.record("not a request")
            return
        }
        #expect(missing == .null)
        _ = try MessageCoding.decodeParams(ShutdownRequest.self, from: missing)
    }

    @Test func aParseErrorSaysWhereTheJSONBreaks() {
        guard case .invalid(nil, let error) = parse(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"x":}}"#) else {
            Issue.record("not invalid")
            return
        }
        #expect(error.code == .parseError)
        #expect(error.message == "Parse error: invalid JSON at byte 51: expected a value")
    }

    @Test func outgoingMessagesRoundTrip() throws {
        let request = try MessageCoding.request(
            id: .string("r"), method: "m", params: CancelRequestNotification(id: .number(2)))
        guard case .request(.string("r"), "m", let params) = IncomingMessage.parse(request) else {
            Issue.record("request did not round-trip")
            return
        }
        #expect(try MessageCoding.decodeParams(CancelRequestNotification.self, from: params).id == .number(2))
        let error = MessageCoding.errorResponse(id: nil, error: .cancelled)
        let json = try JSONValue(parsing: error)
        #expect(json["id"] == .null)
        #expect(json["error"]?["code"] == -32800)
        let response = try MessageCoding.response(id: .number(1), result: VoidResponse())
        #expect(try JSONValue(parsing: response)["result"] == .null)
    }
}
