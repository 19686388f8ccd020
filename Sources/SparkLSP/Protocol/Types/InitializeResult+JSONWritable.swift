import SparkJSON

// The `initialize` reply written without `JSONEncoder`, whose first use costs more than the rest of
// the server's start-up.

extension InitializeResult: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("capabilities", capabilities)
        writer.member("serverInfo", serverInfo)
        writer.endObject()
    }
}

extension ServerInfo: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("name", name)
        writer.member("version", version)
        writer.endObject()
    }
}

extension ServerCapabilities: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("positionEncoding", positionEncoding?.rawValue)
        writer.member("textDocumentSync", textDocumentSync)
        writer.member("codeActionProvider", codeActionProvider)
        writer.member("executeCommandProvider", executeCommandProvider)
        writer.member("workspace", workspace)
        writer.member("experimental", experimental)
        writer.endObject()
    }
}

extension TextDocumentSyncOptions: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("openClose", openClose)
        writer.member("change", change?.rawValue)
        if let save {
            writer.key("save")
            writer.beginObject()
            writer.member("includeText", save.includeText)
            writer.endObject()
        }
        writer.endObject()
    }
}

extension CodeActionOptions: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("codeActionKinds", codeActionKinds?.map(\.rawValue))
        writer.member("resolveProvider", resolveProvider)
        writer.endObject()
    }
}

extension ExecuteCommandOptions: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("commands", commands)
        writer.endObject()
    }
}

extension WorkspaceServerCapabilities: JSONWritable {
    public func writeJSON(into writer: inout JSONWriter) {
        writer.beginObject()
        if let workspaceFolders {
            writer.key("workspaceFolders")
            writer.beginObject()
            writer.member("supported", workspaceFolders.supported)
            writer.member("changeNotifications", workspaceFolders.changeNotifications)
            writer.endObject()
        }
        writer.endObject()
    }
}
