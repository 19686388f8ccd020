@testable import SparkLSP

/// UTF-8/UTF-16/UTF-32 position conversion and incremental edits of `DocumentBuffer`, against
/// `ReferenceText` (the naive model the unit tests use, compiled in from Tests/SparkLSPTests/Text): a script
/// of edits and queries read from the fuzz input, every answer and the text after every edit compared, and
/// the buffer's storage invariants checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPositions(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let chunkSize = 4 + input.number(below: 61)
    let encoding = [PositionEncoding.utf8, .utf16, .utf32][input.number(below: 3)]
    let initial = PositionScript.text(from: &input, pieces: input.number(below: 64))
    var buffer = DocumentBuffer(initial, chunkSize: chunkSize)
    var reference = ReferenceText(initial)
    var step = 0
    while !input.isAtEnd, step < 64 {
        step += 1
        let context = "step \(step), chunk size \(chunkSize), \(encoding)"
        switch input.number(below: 5) {
        case 0:
            let start = PositionScript.point(from: &input, lines: reference.lineStarts.count)
            let end = PositionScript.point(from: &input, lines: reference.lineStarts.count)
            let newText = PositionScript.text(from: &input, pieces: input.number(below: 8))
            buffer.replace(from: start, to: end, with: newText, encoding: encoding)
            reference.replace(from: start, to: end, with: newText, encoding: encoding)
            fuzzCheck(
                Array(buffer.text.utf8) == reference.bytes,
                "text differs after replacing \(start)-\(end) with \(newText.debugDescription) (\(context))")
            let problems = buffer.invariantViolations()
            fuzzCheck(problems.isEmpty, "invariants broken: \(problems) (\(context))")
            fuzzCheck(buffer.lineCount == reference.lineStarts.count, "line count (\(context))")
            fuzzCheck(buffer.utf8Count == reference.bytes.count, "UTF-8 count (\(context))")
        case 1:
            let point = PositionScript.point(from: &input, lines: reference.lineStarts.count)
            let ours = buffer.utf8Offset(of: point, encoding: encoding)
            let theirs = reference.utf8Offset(of: point, encoding: encoding)
            fuzzCheck(ours == theirs, "utf8Offset(of: \(point)) is \(ours), reference \(theirs) (\(context))")
        case 2:
            let offset = Int(Int8(bitPattern: input.byte())) + Int(input.byte())
            let ours = buffer.point(atUTF8Offset: offset, encoding: encoding)
            let theirs = reference.point(atUTF8Offset: offset, encoding: encoding)
            fuzzCheck(ours == theirs, "point(atUTF8Offset: \(offset)) is \(ours), reference \(theirs) (\(context))")
            // Round trip: the point of an offset leads back to the offset rounded down to a boundary.
            let back = buffer.utf8Offset(of: ours, encoding: encoding)
            fuzzCheck(
                back == reference.utf8Offset(of: theirs, encoding: encoding) && back <= max(0, offset),
                "offset \(offset) -> \(ours) -> \(back) (\(context))")
        case 3:
            let line = Int(Int8(bitPattern: input.byte()))
            fuzzCheck(
                buffer.line(line).utf8.elementsEqual(reference.line(line).utf8), "line(\(line)) (\(context))")
        default:
            let start = PositionScript.point(from: &input, lines: reference.lineStarts.count)
            let end = PositionScript.point(from: &input, lines: reference.lineStarts.count)
            fuzzCheck(
                buffer.text(from: start, to: end, encoding: encoding).utf8.elementsEqual(
                    reference.text(from: start, to: end, encoding: encoding).utf8),
                "text(from: \(start), to: \(end)) (\(context))")
        }
    }
    return 0
}
