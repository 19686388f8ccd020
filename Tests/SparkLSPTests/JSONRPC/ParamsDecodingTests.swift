import AgentCore
import SparkJSON
import SparkLSP
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Params are decoded from the parsed message (`JSONValueDecoder`), not with `JSONDecoder`: both must agree
/// on every value and on every error message a client sees.
@Suite struct ParamsDecodingTests {
    private func agree<P: Codable>(_ type: P.Type, _ params: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let viaTree = Result { try MessageCoding.decodeParams(type, from: try JSONValue(parsing: params)) }
        let viaJSONDecoder = Result { try JSONDecoder().decode(type, from: Data(params.utf8)) }
        switch (viaTree, viaJSONDecoder) {
        case (.success(let tree), .success(let reference)):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            #expect(try encoder.encode(tree) == encoder.encode(reference), sourceLocation: sourceLocation)
        case (.failure(let tree), .failure(let reference)):
            #expect(ResponseError(tree) == ResponseError(reference), sourceLocation: sourceLocation)
        default:
            Issue.record("\(params): tree \(viaTree), JSONDecoder \(viaJSONDecoder)", sourceLocation: sourceLocation)
        }
    }

    @Test func validParamsDecodeAlike() throws {
        try agree(
            InitializeRequest.self,
            #"{"processId":12,"clientInfo":{"name":"Neovim","version":"0.7.2"},"rootUri":"file:///w","capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]},"workspace":{"applyEdit":true,"workspaceEdit":{"documentChanges":true,"resourceOperations":["create","rename"],"changeAnnotationSupport":{"groupsOnLabel":true}},"configuration":true},"window":{"workDoneProgress":true,"showMessage":{"messageActionItem":{"additionalPropertiesSupport":true}}}},"initializationOptions":{"codingModel":"m","temperature":0.5,"nested":[1,null,{"x":true}]},"trace":"verbose","workspaceFolders":[{"uri":"file:///w","name":"w"}]}"#
        )
        try agree(
            DidChangeTextDocumentNotification.self,
            #"{"textDocument":{"uri":"file:///a.py","version":7},"contentChanges":[{"range":{"start":{"line":3,"character":1},"end":{"line":3,"character":4}},"rangeLength":3,"text":"é👋\n"},{"text":"whole"}]}"#
        )
        try agree(
            SparkCodeActionRequest.self,
            #"{"textDocument":{"uri":"file:///a.py"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":2}},"context":{"diagnostics":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":5}},"severity":2,"code":"W1","source":"lint","message":"unused","tags":[1],"data":{"k":[1,2]}},{"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":1}},"code":42,"message":"m"}],"only":["quickfix"],"triggerKind":1}}"#
        )
        try agree(
            SparkChatRequest.self,
            #"{"message":"fix it","sessionId":"s","agent":"coding","token":"t","textDocument":{"uri":"file:///a.py"},"range":{"start":{"line":0,"character":0},"end":{"line":1,"character":0}}}"#
        )
        try agree(CancelRequestNotification.self, #"{"id":"abc"}"#)
        try agree(CancelRequestNotification.self, #"{"id":17}"#)
    }

    @Test func badParamsGetTheSameMessages() throws {
        try agree(DidCloseTextDocumentNotification.self, #"{"textDocument":{}}"#)
        try agree(DidCloseTextDocumentNotification.self, #"{"textDocument":{"uri":5}}"#)
        try agree(DidCloseTextDocumentNotification.self, #"{"textDocument":{"uri":null}}"#)
        try agree(DidCloseTextDocumentNotification.self, #"{"textDocument":[]}"#)
        try agree(
            DidChangeTextDocumentNotification.self,
            #"{"textDocument":{"uri":"file:///a","version":1},"contentChanges":[{"text":"a"},{"range":{"start":{"line":"x","character":0},"end":{"line":0,"character":0}},"text":"b"}]}"#
        )
        try agree(
            SparkCodeActionRequest.self,
            #"{"textDocument":{"uri":"file:///a"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"severity":9,"message":"m"}]}}"#
        )
        try agree(SparkChatRequest.self, #"{"sessionId":"s"}"#)
        try agree(InitializeRequest.self, #"{"processId":"x","capabilities":{}}"#)
    }

    /// Here `JSONDecoder` blames the whole params ("The given data was not valid JSON").
    @Test func aFractionWhereAnIntegerBelongsNamesTheField() throws {
        let params = try JSONValue(
            parsing: #"{"message":"m","range":{"start":{"line":-1.5,"character":0},"end":{"line":0,"character":0}}}"#)
        do {
            _ = try MessageCoding.decodeParams(SparkChatRequest.self, from: params)
            Issue.record("decoded")
        } catch {
            #expect(
                ResponseError(error).message
                    == "Invalid params: field 'range.start.line' is invalid: Parsed JSON number <-1.5> does not fit in Int."
            )
        }
    }

    @Test func anErrorNamesTheFieldWithItsIndex() throws {
        let params = try JSONValue(
            parsing: #"{"textDocument":{"uri":"file:///a","version":1},"contentChanges":[{"text":"a"},{"text":7}]}"#)
        #expect(throws: DecodingError.self) {
            try MessageCoding.decodeParams(DidChangeTextDocumentNotification.self, from: params)
        }
        do {
            _ = try MessageCoding.decodeParams(DidChangeTextDocumentNotification.self, from: params)
        } catch {
            #expect(ResponseError(error).message == "Invalid params: field 'contentChanges[1].text' must be a string")
        }
    }
}
