@testable import AgentCore
import Testing

@Suite struct FastJSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try FastJSONParser.parse(#" {"a": [1, -2.5e1, true, false, null, "s"], "b": {}, "c": [], "d": 9223372036854775807} "#)
        #expect(value["a"]?.arrayValue?.count == 6)
        #expect(value["a"]?.arrayValue?[0].intValue == 1)
        if case .double(let number)? = value["a"]?.arrayValue?[1] { #expect(number == -25) } else { Issue.record("not a double") }
        #expect(value["a"]?.arrayValue?[4].isNull == true)
        #expect(value["a"]?.arrayValue?[5].stringValue == "s")
        #expect(value["d"]?.intValue == Int.max)
        #expect(value["missing"] == nil)
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try FastJSONParser.parse(#"{"t": "q\"b\\s\/n\nt\tr\ru\u00e9e\ud83d\ude00x é✓"}"#)
        #expect(value["t"]?.stringValue == "q\"b\\s/n\nt\tr\ru\u{e9}e😀x é✓")
    }

    @Test func rejectsMalformedText() {
        for text in [
            "", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "[1 2]", "tru", "\"open", "\"bad\\q\"", "{\"a\":1} x", "-", "1.",
            "\"raw\u{1}control\"", "{'a': 1}",
        ] {
            #expect(throws: FastJSONParser.SyntaxError.self, "\(text)") { try FastJSONParser.parse(text) }
        }
    }

    @Test func agreesWithJSONValueOnAVLLMChunk() throws {
        let text = #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"a\": \"\\n\"}"}}]},"logprobs":null,"finish_reason":null}]}"#
        let fast = try FastJSONParser.parse(text)
        let reference = try JSONValue(parsing: text)
        let fragment = fast["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first?["function"]?["arguments"]
        let expected = reference["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first?["function"]?["arguments"]
        #expect(fragment?.stringValue == expected?.stringValue)
        #expect(fragment?.stringValue == "{\"a\": \"\\n\"}")
    }
}
