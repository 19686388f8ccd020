import AgentCore

extension CodeActionArguments {
    /// The argument as JSON, built directly (a code-action listing makes one per action, so it
    /// skips the encoder round trip of `JSONValue(encoding:)`).
    var json: JSONValue {
        var fields: [String: JSONValue] = ["action": .string(action.rawValue), "uri": .string(uri), "range": Self.json(range)]
        if let diagnostic {
            var value: [String: JSONValue] = ["range": Self.json(diagnostic.range), "message": .string(diagnostic.message)]
            if let severity = diagnostic.severity { value["severity"] = .int(severity.rawValue) }
            if let code = diagnostic.code { value["code"] = code }
            if let source = diagnostic.source { value["source"] = .string(source) }
            if let data = diagnostic.data { value["data"] = data }
            fields["diagnostic"] = .object(value)
        }
        return .object(fields)
    }

    private static func json(_ range: LSPRange) -> JSONValue {
        [
            "start": ["line": .int(range.start.line), "character": .int(range.start.character)],
            "end": ["line": .int(range.end.line), "character": .int(range.end.character)],
        ]
    }
}
