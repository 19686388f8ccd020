/// Typed access to a file tool's JSON arguments, with errors worded for the model.
struct FileToolArguments {
    /// A missing or mistyped argument.
    struct Problem: Error {
        var message: String
    }

    private let values: [String: JSONValue]

    init(_ arguments: JSONValue) throws(Problem) {
        switch arguments {
        case .object(let values): self.values = values
        case .null: self.values = [:]
        default: throw Problem(message: "arguments must be a JSON object")
        }
    }

    /// The string under `key`; `nil` when absent or null.
    func string(_ key: String) throws(Problem) -> String? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        case .int(let value)?: return String(value)
        default: throw Problem(message: "`\(key)` must be a string")
        }
    }

    /// The string under `key`, which must be present.
    func requiredString(_ key: String) throws(Problem) -> String {
        guard let value = try string(key) else { throw Problem(message: "`\(key)` is required") }
        return value
    }

    /// The integer under `key` (numeric strings accepted); `nil` when absent or null.
    func int(_ key: String) throws(Problem) -> Int? {
        switch values[key] {
        case nil, .null?: return nil
        case .string(let text)?:
            guard let value = Int(text.trimmingPrefixAndSuffixSpaces()) else {
                throw Problem(message: "`\(key)` must be an integer")
            }
            return value
        case let value?:
            guard let number = value.intValue else { throw Problem(message: "`\(key)` must be an integer") }
            return number
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingPrefixAndSuffixSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
