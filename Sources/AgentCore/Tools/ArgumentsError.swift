/// Why tool-call arguments were rejected.
struct ArgumentsError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
