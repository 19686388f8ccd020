import AgentCore
import SparkJSON
import Testing

@Suite struct JSONValueTests {
    @Test func roundTripsEveryKind() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", true, nil], "b": ["c": -7]]
        let text = value.serialized()
        #expect(text == #"{"a":[1,2.5,"x",true,null],"b":{"c":-7}}"#)
        #expect(try JSONValue(parsing: text) == value)
    }

    @Test func keepsIntegersApartFromDoubles() throws {
        #expect(try JSONValue(parsing: "3") == .int(3))
        #expect(try JSONValue(parsing: "3.25") == .double(3.25))
        #expect(JSONValue.double(4).intValue == 4)
    }
}

@Suite struct JSONValueWriterTests {
    @Test func escapesWhatJSONRequiresAndNothingElse() throws {
        let value: JSONValue = .string("a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}/é👋")
        let text = value.serialized()
        #expect(text == #""a\"b\\c\nd\re\tf\b\f\u0001/é👋""#)
        #expect(try JSONValue(parsing: text) == value)
    }

    @Test func numbersRoundTripAndNonFiniteBecomesNull() throws {
        let value: JSONValue = [1, -0.5, 2.25, 1e-5, 1e300, .double(.infinity), .double(.nan)]
        let parsed = try JSONValue(parsing: value.serialized())
        #expect(parsed == [1, -0.5, 2.25, 1e-5, 1e300, nil, nil])
    }

    @Test func unsortedOutputParsesToTheSameValue() throws {
        let value: JSONValue = ["z": [1, ["y": nil]], "a": "x", "m": ["k": true]]
        #expect(try JSONValue(parsing: String(decoding: value.jsonBytes(), as: UTF8.self)) == value)
    }
}
