import SparkJSON
import SparkTestSupport
import Testing

@testable import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(
            parsing:
                #" {"a": [1, -2.5e1, true, false, null, "s"], "b": {}, "c": [], "d": 9223372036854775807, "e": -0} "#)
        #expect(value == ["a": [1, -25.0, true, false, nil, "s"], "b": [:], "c": [], "d": .int(Int.max), "e": 0])
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(Int.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9223372036854775808))
        #expect(try JSONValue(parsing: "123456789012345678") == .int(123_456_789_012_345_678))
    }

    @Test func decodesEscapesAndUnicode() throws {
        let text = #"{"t": "q\"b\\s\/n\nt\tr\ru\u00e9e\ud83d\ude00x é✓", "lone": "\ud800!"}"#
        let value = try JSONValue(parsing: text)
        #expect(value["t"] == "q\"b\\s/n\nt\tr\ru\u{e9}e😀x é✓")
        #expect(value["lone"] == "\u{FFFD}!")
        #expect(try JSONParser<ChunkJSON>.parse(text)["t"]?.stringValue == value["t"]?.stringValue)
    }

    @Test func aRepeatedKeyKeepsTheLastValue() throws {
        #expect(try JSONValue(parsing: #"{"a": 1, "a": 2}"#) == ["a": 2])
        #expect(try JSONParser<ChunkJSON>.parse(#"{"a": 1, "a": 2}"#)["a"]?.intValue == 2)
    }

    @Test func rejectsMalformedTextSayingWhere() {
        let cases: [(String, String)] = [
            ("", "unexpected end of text"), ("{", "unexpected end of text"), (#"{"a"}"#, "expected ':'"),
            (#"{"a":1,,}"#, "expected a member name"), ("[1,,]", "expected a value"), ("[,]", "expected a value"),
            ("{,}", "expected a member name"), ("[1 2]", "expected ',' or ']'"),
            ("tru", "expected a value"), (#""open"#, "unexpected end of text"), (#""bad\q""#, "invalid escape"),
            (#"{"a":1} x"#, "unexpected text after the value"), ("-", "unexpected end of text"),
            ("1.", "unexpected end of text"),
            ("\"raw\u{1}control\"", "control character in a string"), ("{'a': 1}", "expected a member name"),
            ("01", "a number cannot start with 0"), (#""\u12G4""#, "invalid \\u escape"), ("+1", "expected a value"),
            (
                String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
                "nested more than 256 levels deep"
            ),
        ]
        for (text, reason) in cases {
            #expect(throws: JSONSyntaxError.self, "\(text)") { try JSONValue(parsing: text) }
            #expect(throws: JSONSyntaxError.self, "\(text)") { try JSONParser<ChunkJSON>.parse(text) }
            do {
                _ = try JSONValue(parsing: text)
            } catch let error as JSONSyntaxError {
                #expect(error.reason == reason, "\(text)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// Found by the json fuzz target (`make fuzz`): `8e878` was read as infinity, which no JSON text can hold
    /// (the writer wrote it back as `null`); JSONSerialization and JSONDecoder refuse it.
    @Test func refusesANumberBeyondTheRangeOfDouble() throws {
        for text in ["8e878", "-1e400", "[1, 1e309]", "{\"a\": 123456789012345678901234567890e300}"] {
            #expect(throws: JSONSyntaxError.self, "\(text)") { try JSONValue(parsing: text) }
            #expect(throws: JSONSyntaxError.self, "\(text)") { try JSONParser<ChunkJSON>.parse(text) }
        }
        do {
            _ = try JSONValue(parsing: "[8e878]")
        } catch let error as JSONSyntaxError {
            #expect(error.reason == "number out of range")
            #expect(error.offset == 1)
        }
        #expect(try JSONValue(parsing: "1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try JSONValue(parsing: "-1e-400") == .double(-0.0))
    }

    /// Whatever `JSONDecoder` accepts the parser reads to the same value, and what it refuses the parser refuses.
    /// One deliberate difference: a number with an exponent stays a double (`JSONValue`'s `Codable` makes
    /// `1E+2` an integer).
    @Test func agreesWithJSONDecoder() throws {
        let texts = [
            #"{"jsonrpc":"2.0","id":1,"method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.swift","version":3},"contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"text":"é\n\t\"x\""}]}}"#,
            #"[1, 2.5, -3.25e1, 1E-2, 0.000001, true, false, null, "", {}, []]"#,
            #"{"nested": {"deeper": [[["x"]], {"k": null}]}, "unicode": "\u0041\u00e9\u4e2d\ud83d\udc4b"}"#,
            " \n\t 42 \r\n", #""just a string""#, "null", "{\"a\" 1}", "[1,]", "{\"a\": [2, ], }", "[1,,]", "[01]",
            "1e", "\"\\x\"",
        ]
        for text in texts {
            let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
            let parsed = try? JSONValue(parsing: text)
            #expect(parsed == reference, "\(text)")
        }
    }

    /// Thousands of mangled messages: the parser accepts exactly what `JSONDecoder` accepts, to the same value.
    @Test func mangledTextIsJudgedAsJSONDecoderJudgesIt() throws {
        let message = Array(
            #"{"jsonrpc":"2.0","id":"fuzz","method":"x","params":{"a":[1,2.5,-3,true,null,"é\n👋"],"b":{"c":"d"}}}"#.utf8
        )
        var random = SplitMix64(seed: 9)
        for _ in 0..<4_000 {
            var bytes = message
            for _ in 0..<(1 + random.next(below: 3)) {
                let position = random.next(below: bytes.count)
                switch random.next(below: 3) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                default: bytes.insert(bytes[position], at: position)
                }
            }
            let parsed = try? JSONValue(parsing: bytes)
            let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
            #expect(Self.same(parsed, reference), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Equal, counting an integral double equal to the integer `JSONDecoder` makes of `2e5`.
    private static func same(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (.array(let a)?, .array(let b)?): return a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        case (.object(let a)?, .object(let b)?): return a.keys == b.keys && a.allSatisfy { same($0.value, b[$0.key]) }
        case (let a?, let b?) where a.doubleValue != nil && b.doubleValue != nil: return a.doubleValue == b.doubleValue
        default: return left == right
        }
    }

    @Test func refusesInvalidUTF8InsteadOfRepairingIt() {
        let bytes: [UInt8] = Array(#"{"text": "caf"#.utf8) + [0xC3] + Array(#"", "ok": 1}"#.utf8)
        do {
            _ = try JSONValue(parsing: bytes)
            Issue.record("accepted")
        } catch let error as JSONSyntaxError {
            #expect(error.reason == "invalid UTF-8 in a string")
            #expect(error.offset == 10)
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: JSONSyntaxError.self) { try JSONValue(parsing: [0x22, 0x5C, 0x6E, 0xFF, 0x22]) }  // "\n<FF>"
    }

    @Test func randomValuesRoundTripThroughTheWriter() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let value = Self.randomValue(depth: 0, using: &generator)
            #expect(try JSONValue(parsing: value.serialized()) == value)
            #expect(try JSONValue(parsing: value.jsonBytes()) == value)
        }
    }

    private static func randomValue(depth: Int, using generator: inout SystemRandomNumberGenerator) -> JSONValue {
        let pieces = ["a", "é", "\"", "\\", "\n", "\u{1}", "👋", "中", "/", " ", "\u{7F}"]
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int(Int.random(in: Int.min...Int.max, using: &generator))
        case 3: return .double(Double(Int.random(in: -1_000_000...1_000_000, using: &generator)) / 64)
        case 4:
            return .string(
                (0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined())
        case 5:
            return .array(
                (0..<Int.random(in: 0..<5, using: &generator)).map { _ in
                    randomValue(depth: depth + 1, using: &generator)
                })
        default:
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0..<5, using: &generator) {
                members["k\(index)\(pieces.randomElement(using: &generator)!)"] = randomValue(
                    depth: depth + 1, using: &generator)
            }
            return .object(members)
        }
    }

    @Test func chunkJSONReadsAVLLMChunk() throws {
        let text =
            #"{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"a\": \"\\n\"}"}}]},"logprobs":null,"finish_reason":null}]}"#
        let chunk = try JSONParser<ChunkJSON>.parse(text)
        let fragment = chunk["choices"]?.arrayValue?.first?["delta"]?["tool_calls"]?.arrayValue?.first?["function"]?[
            "arguments"]
        #expect(fragment?.stringValue == "{\"a\": \"\\n\"}")
        #expect(chunk["choices"]?.arrayValue?.first?["finish_reason"]?.isNull == true)
    }
}
