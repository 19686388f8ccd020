import Foundation

@testable import SparkJSON

/// SparkJSON's parser against Foundation's `JSONSerialization` (same accept/reject, same value), and the
/// writer's round trip through both parsers. `FoundationJSON` lists the intended differences and how each is
/// normalised; everything else that differs is a failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size).bytes
    let ours = parseOurs(input)

    // Intended difference: text that is not UTF-8. Foundation guesses UTF-16/32 from NUL bytes or a BOM;
    // JSON exchanged between systems is UTF-8 (RFC 8259 §8.1), and a NUL byte is never valid UTF-8 JSON text.
    if input.contains(0) || input.starts(with: [0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE]) {
        fuzzCheck(ours.value == nil, "accepted text with a NUL byte or a UTF-16 byte order mark")
        return 0
    }
    // Intended difference: a UTF-8 byte order mark, which Foundation skips and a JSON-RPC peer never sends
    // (RFC 8259 §8.1: senders must not add one). We must refuse; the text after the marks is compared.
    var text = input
    while text.starts(with: [0xEF, 0xBB, 0xBF]) {
        fuzzCheck(parseOurs(text).value == nil, "accepted text starting with a byte order mark")
        text.removeFirst(3)
    }
    if text.count != input.count {
        compare(text)
        return 0
    }
    compare(input, ours: ours)
    return 0
}

/// Our parser's value, or the error it reported.
func parseOurs(_ bytes: [UInt8]) -> (value: JSONValue?, error: JSONSyntaxError?) {
    do {
        return (
            try bytes.withUnsafeBytes { (buffer) throws(JSONSyntaxError) in try JSONParser<JSONValue>.parse(buffer) },
            nil
        )
    } catch let error as JSONSyntaxError {
        return (nil, error)
    } catch {
        fuzzFailure("the parser threw \(error)")
    }
}

func compare(_ input: [UInt8], ours given: (value: JSONValue?, error: JSONSyntaxError?)? = nil) {
    let ours = given ?? parseOurs(input)
    // Intended difference: nesting. We refuse more than 256 levels (a stack guard; LSP never nests deeper),
    // Foundation 512.
    if ours.error?.reason == "nested more than 256 levels deep" { return }
    let theirs = FoundationJSON.parse(input)
    let text = String(decoding: input.prefix(300), as: UTF8.self).debugDescription
    switch (ours.value, theirs) {
    case (nil, nil):
        return
    case (let value?, nil):
        fuzzFailure("we accept what Foundation refuses: \(text) -> \(value)")
    case (nil, let other?):
        // Intended difference: Foundation converts numbers lazily and never reads one that a repeated key
        // replaced, so `{"a": 1e400, "a": 0}` passes; we refuse any number out of range. Normalised: the
        // numbers set to 0 must change nothing in Foundation's value, and that text is compared instead.
        var variant = input
        var error = ours.error
        while let current = error, current.reason == "number out of range" {
            var end = current.offset
            while end < variant.count, "+-.eE0123456789".utf8.contains(variant[end]) { end += 1 }
            variant.replaceSubrange(current.offset..<end, with: [UInt8(ascii: "0")])
            error = parseOurs(variant).error
        }
        if variant != input, let reread = FoundationJSON.parse(variant), let theirs = parseOurs(variant).value,
            FoundationJSON.difference(theirs, reread) == nil, FoundationJSON.difference(theirs, other) == nil
        {
            compare(variant)
            return
        }
        fuzzFailure("we refuse (\(ours.error!)) what Foundation accepts: \(text) -> \(other)")
    case (let value?, let other?):
        if let difference = FoundationJSON.difference(value, other) {
            fuzzFailure("different values for \(text): \(difference)")
        }
        checkRoundTrip(value, source: text)
    }
}

/// The writer's text parses back to the same value, in both parsers, sorted or not.
func checkRoundTrip(_ value: JSONValue, source: String) {
    for sorted in [true, false] {
        let written = value.jsonBytes(sortedKeys: sorted)
        let writtenText = String(decoding: written.prefix(300), as: UTF8.self).debugDescription
        guard let again = parseOurs(written).value else {
            fuzzFailure("the writer's text does not parse: \(writtenText) (from \(source))")
        }
        if let difference = FoundationJSON.strictDifference(value, again) {
            fuzzFailure("round trip changed the value: \(difference) (from \(source), written \(writtenText))")
        }
        guard let foundation = FoundationJSON.parse(written) else {
            fuzzFailure("Foundation refuses the writer's text: \(writtenText) (from \(source))")
        }
        if let difference = FoundationJSON.difference(value, foundation) {
            fuzzFailure("Foundation reads the writer's text differently: \(difference) (written \(writtenText))")
        }
    }
}
