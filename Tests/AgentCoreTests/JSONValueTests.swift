import AgentCore
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
