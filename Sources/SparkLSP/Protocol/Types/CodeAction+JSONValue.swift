import AgentCore

// Code-action replies written without `JSONEncoder` (`textDocument/codeAction` must answer in well
// under 2 ms with a hundred diagnostics).

extension Position: JSONValueRepresentable {
    public var jsonValue: JSONValue { ["line": .int(line), "character": .int(character)] }
}

extension LSPRange: JSONValueRepresentable {
    public var jsonValue: JSONValue { ["start": start.jsonValue, "end": end.jsonValue] }
}

extension Diagnostic: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["range": range.jsonValue, "message": .string(message)]
        if let severity { members["severity"] = .int(severity.rawValue) }
        if let code { members["code"] = code }
        if let source { members["source"] = .string(source) }
        if let data { members["data"] = data }
        return .object(members)
    }
}

extension CodeActionArguments: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "action": .string(action.rawValue), "uri": .string(uri), "range": range.jsonValue,
        ]
        if let diagnostic { members["diagnostic"] = diagnostic.jsonValue }
        return .object(members)
    }
}

extension SparkCodeActionCommand: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        ["title": .string(title), "command": .string(command), "arguments": arguments.jsonValue]
    }
}

extension SparkCodeAction: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "title": .string(title), "kind": .string(kind.rawValue), "command": command.jsonValue,
        ]
        if let diagnostics { members["diagnostics"] = diagnostics.jsonValue }
        return .object(members)
    }
}
