import AgentCore
import SparkJSON
import Testing

@Suite struct JSONWriterTests {
    @Test func integersAtTheLimits() throws {
        for number in [0, 7, -7, 10, -100, 1_234_567_890, Int.max, Int.min] {
            #expect(String(decoding: number.jsonBytes(), as: UTF8.self) == String(number))
        }
    }

    @Test func placesCommasAndLeavesOutNilMembers() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("a", [1, 2])
        writer.member("absent", Optional<String>.none)
        writer.key("list")
        writer.beginArray()
        writer.beginObject()
        writer.member("x", true)
        writer.endObject()
        writer.beginObject()
        writer.endObject()
        writer.element("s")
        writer.writeNull()
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        writer.member("d", 2.5)
        writer.endObject()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self) == #"{"a":[1,2],"list":[{"x":true},{},"s",null,[]],"d":2.5}"#)
    }

    @Test func writesEncodedValuesInPlaceWithTheirCommas() {
        let encoded = JSONValue.object(["b": [1, "x"], "a": nil]).jsonBytes(sortedKeys: true)
        var writer = JSONWriter()
        writer.beginArray()
        writer.writeEncoded(encoded)
        writer.writeEncoded(encoded)
        writer.beginObject()
        writer.key("k")
        writer.writeEncoded(encoded)
        writer.endObject()
        writer.endArray()
        #expect(
            String(decoding: writer.bytes, as: UTF8.self)
                == #"[{"a":null,"b":[1,"x"]},{"a":null,"b":[1,"x"]},{"k":{"a":null,"b":[1,"x"]}}]"#)
    }
}
