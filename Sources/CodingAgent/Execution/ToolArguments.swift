import AgentCore
import SparkJSON

/// Reads tool arguments with messages the model can act on.
struct ToolArguments {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    func requiredString(_ key: String) throws(ExecutionError) -> String {
        guard let text = value[key]?.stringValue else { throw ExecutionError("`\(key)` (a string) is required") }
        return text
    }

    func string(_ key: String) -> String? {
        value[key]?.stringValue
    }

    func number(_ key: String) -> Double? {
        if let number = value[key]?.doubleValue { return number }
        return value[key]?.stringValue.flatMap(Double.init)
    }

    func bool(_ key: String) -> Bool? {
        if let flag = value[key]?.boolValue { return flag }
        switch value[key]?.stringValue?.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }
}
