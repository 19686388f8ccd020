extension DecodingError {
    /// A one-line explanation a model or a client can act on, naming the offending path, for example
    /// `missing required argument 'pattern'` or `argument 'max_results' must be an integer, got "lots"`.
    ///
    /// The one formatter of decoding errors: tool arguments use it as it is, JSON-RPC params with
    /// `noun: "field", root: "params"`.
    /// - Parameters:
    ///   - noun: what a member is called (`argument`, `field`).
    ///   - root: what the whole value is called, for errors about the value itself.
    ///   - value: the value that was decoded; when given, a mistyped member's value is quoted (`got "lots"`).
    package func readableDescription(
        noun: String = "argument", root: String = "the arguments", in value: JSONValue? = nil
    ) -> String {
        func subject(_ codingPath: [any CodingKey]) -> String {
            let path = Self.pathText(codingPath)
            return path.isEmpty ? root : "\(noun) '\(path)'"
        }
        func got(_ codingPath: [any CodingKey]) -> String {
            guard let found = value?.member(at: codingPath) else { return "" }
            let text = found.serialized()
            return ", got " + (text.count > 80 ? String(text.prefix(77)) + "..." : text)
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "missing required \(noun) '\(Self.pathText(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "\(subject(context.codingPath)) must be \(Self.typeName(type))\(got(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "\(subject(context.codingPath)) must be \(Self.typeName(type)), not null"
        case .dataCorrupted(let context):
            guard !context.codingPath.isEmpty else { return context.debugDescription }
            return "\(subject(context.codingPath)) is invalid: \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }

    /// `range.start.line`; array indices become `[n]`.
    static func pathText(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// `a string`, `an integer`, `a boolean`, ... for the types a decoder asks for.
    static func typeName(_ type: Any.Type) -> String {
        let name = String(describing: type)
        switch name {
        case "String": return "a string"
        case "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64":
            return "an integer"
        case "Double", "Float": return "a number"
        case "Bool": return "a boolean"
        default:
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "of type \(name)"
        }
    }
}

extension JSONValue {
    /// The value at a coding path, if there is one.
    fileprivate func member(at codingPath: [any CodingKey]) -> JSONValue? {
        var current = self
        for key in codingPath {
            switch current {
            case .object(let members):
                guard let next = members[key.stringValue] else { return nil }
                current = next
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
