/// Turns a `DecodingError` into a short message that names the offending field.
enum DecodingErrorDescription {
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' must be \(typeName(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' must be \(typeName(type)), not null"
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            return field.isEmpty
                ? context.debugDescription
                : "field '\(field)' is invalid: \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }

    /// `params.textDocument.uri` becomes `textDocument.uri`; array indices become `[n]`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var keys = codingPath
        if keys.first?.stringValue == "params" { keys.removeFirst() }
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "params" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int32", "UInt32", "Double": return "a number"
        case "Bool": return "a boolean"
        default:
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "of type \(name)"
        }
    }
}
