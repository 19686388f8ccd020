extension DecodingError {
    /// A one-line explanation a model can act on, naming the argument path.
    package var readableDescription: String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "(root)" : text
        }
        switch self {
        case .keyNotFound(let key, let context):
            return "missing required argument '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "argument '\(path(context.codingPath))' has the wrong type (expected \(type))"
        case .valueNotFound(let type, let context):
            return "argument '\(path(context.codingPath))' is null (expected \(type))"
        case .dataCorrupted(let context):
            return "argument '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return String(describing: self)
        }
    }
}
