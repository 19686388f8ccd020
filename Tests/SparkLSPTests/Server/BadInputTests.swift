import SparkLSP
import SparkTestSupport
import Testing

/// Every bad input of issue 2 gets the right error (or a logged warning) and the server keeps serving.
@Suite struct BadInputTests {
    private func initialized(_ configuration: ServerConfiguration = ServerConfiguration()) async throws -> TestLSPClient
    {
        let client = try TestLSPClient.inProcess(configuration: configuration)
        try await client.initialize()
        return client
    }

    private func expectStillServing(_ client: TestLSPClient) async throws {
        #expect(try await client.send(CodeActionRequest.sample) == [])
    }

    @Test func malformedHeader() async throws {
        let client = try await initialized()
        client.writeRaw(Array("Content-Length: nope\r\n\r\n".utf8))
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == nil && response.error?.code == .parseError)
        try await expectStillServing(client)
    }

    @Test func bodyThatIsNotJSON() async throws {
        let client = try await initialized()
        client.writeFrame("{this is not json")
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == nil && response.error?.code == .parseError)
        try await expectStillServing(client)
    }

    @Test func jsonThatIsNotJSONRPC() async throws {
        let client = try await initialized()
        client.writeFrame(#"{"jsonrpc":"2.0","id":"q"}"#)
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == .string("q") && response.error?.code == .invalidRequest)
        client.writeFrame(#"{"hello":1}"#)
        #expect(try await client.nextUnmatchedResponse().error?.code == .invalidRequest)
        try await expectStillServing(client)
    }

    @Test func frameOverTheLimitIsRefusedAndTheServerResynchronises() async throws {
        var configuration = ServerConfiguration()
        configuration.maximumFrameLength = 1024
        let client = try await initialized(configuration)
        let big =
            #"{"jsonrpc":"2.0","id":"big","method":"spark/debug/document","params":{"uri":""#
            + String(repeating: "a", count: 4096) + #""}}"#
        client.writeFrame(big)
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == nil && response.error?.code == .invalidRequest)
        #expect(response.error?.message.contains("limit") == true)
        try await expectStillServing(client)
    }

    @Test func batchArrayGetsOneInvalidRequestWithANullID() async throws {
        let client = try await initialized()
        client.writeFrame(
            #"[{"jsonrpc":"2.0","id":1,"method":"shutdown"},{"jsonrpc":"2.0","id":2,"method":"shutdown"}]"#)
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == nil && response.error?.code == .invalidRequest)
        try await expectStillServing(client)  // the batch's shutdown was not run
    }

    @Test func paramsOfTheWrongShapeNameTheField() async throws {
        let client = try await initialized()
        client.writeFrame(
            #"{"jsonrpc":"2.0","id":9,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a"},"range":{"start":{"line":"zero","character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}}"#
        )
        let response = try await client.nextUnmatchedResponse()
        #expect(response.id == .number(9) && response.error?.code == .invalidParams)
        #expect(response.error?.message.contains("range.start.line") == true)
        client.writeFrame(#"{"jsonrpc":"2.0","id":10,"method":"spark/debug/document","params":[1,2]}"#)
        #expect(try await client.nextUnmatchedResponse().error?.code == .invalidParams)
        try await expectStillServing(client)
    }

    @Test func notificationWithBadParamsIsLoggedNotAnswered() async throws {
        let client = try await initialized()
        client.writeFrame(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":1}}}"#)
        let warning = try await client.nextNotification(ofType: LogMessageNotification.self)
        #expect(warning.type == .warning && warning.message.contains("textDocument"))
        try await expectStillServing(client)
    }

    @Test func unknownAndDollarNotificationsAreIgnored() async throws {
        let client = try await initialized()
        client.writeFrame(#"{"jsonrpc":"2.0","method":"$/somethingNew","params":{}}"#)
        client.writeFrame(#"{"jsonrpc":"2.0","method":"custom/unknown"}"#)
        try await expectStillServing(client)
        #expect(client.queuedNotifications(ofType: LogMessageNotification.self).isEmpty)
    }

    @Test func messageCutByEndOfInput() async throws {
        let client = try await initialized()
        client.writeRaw(Array("Content-Length: 100\r\n\r\n{\"jsonrpc\"".utf8))
        client.closeOutput()
        #expect(await client.serverExitCode() == 1)
    }
}
