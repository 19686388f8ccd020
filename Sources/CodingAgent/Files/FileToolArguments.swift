import AgentCore
import SparkJSON

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
            guard let value = Int(text.trimmingWhitespace) else {
                throw Problem(message: "`\(key)` must be an integer")
            }
            return value
        case let value?:
            guard let number = value.intValue else { throw Problem(message: "`\(key)` must be an integer") }
            return number
        }
    }
}
