#if canImport(Glibc)
    import Glibc
#endif

/// Reports a broken invariant on stderr and aborts, so that libFuzzer keeps the input as a crash file (and a
/// driver stops with a non-zero status).
func fuzzFailure(_ message: String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = Array("FUZZ INVARIANT BROKEN (\(file):\(line)): \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    abort()
}

/// `fuzzFailure(message)` unless `condition` holds.
func fuzzCheck(
    _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
) {
    if !condition { fuzzFailure(message(), file: file, line: line) }
}
