import SparkJSON

// Code-action replies written without `JSONEncoder` or an intermediate tree (`textDocument/codeAction`
// must answer in well under 2 ms with a hundred diagnostics).

extension Position: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("line", line)
        writer.member("character", character)
        writer.endObject()
    }
}

extension LSPRange: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("start", start)
        writer.member("end", end)
        writer.endObject()
    }
}

extension Diagnostic: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("range", range)
        writer.member("severity", severity?.rawValue)
        writer.member("code", code)
        writer.member("source", source)
        writer.member("message", message)
        writer.member("data", data)
        writer.endObject()
    }
}

extension CodeActionArguments: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("action", action.rawValue)
        writer.member("uri", uri)
        writer.member("range", range)
        writer.member("diagnostic", diagnostic)
        writer.member("symbol", symbol)
        writer.member("symbolKind", symbolKind)
        writer.endObject()
    }
}

extension SparkCodeActionCommand: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("title", title)
        writer.member("command", command)
        writer.member("arguments", arguments)
        writer.endObject()
    }
}

extension SparkCodeAction: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("title", title)
        writer.member("kind", kind.rawValue)
        writer.member("diagnostics", diagnostics)
        writer.member("command", command)
        writer.endObject()
    }
}
