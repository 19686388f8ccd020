import AgentCore

// The `initialize` reply written without `JSONEncoder`, whose first use costs more than the rest of
// the server's start-up.

extension InitializeResult: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        .members([
            "capabilities": capabilities.jsonValue,
            "serverInfo": serverInfo.map { .members(["name": .string($0.name), "version": $0.version.map(JSONValue.string)]) },
        ])
    }
}

extension ServerCapabilities: JSONValueRepresentable {
    public var jsonValue: JSONValue {
        .members([
            "positionEncoding": positionEncoding.map { .string($0.rawValue) },
            "textDocumentSync": textDocumentSync.map { sync in
                .members([
                    "openClose": sync.openClose.map(JSONValue.bool),
                    "change": sync.change.map { .int($0.rawValue) },
                    "save": sync.save.map { .members(["includeText": $0.includeText.map(JSONValue.bool)]) },
                ])
            },
            "codeActionProvider": codeActionProvider.map { options in
                .members([
                    "codeActionKinds": options.codeActionKinds.map { .array($0.map { .string($0.rawValue) }) },
                    "resolveProvider": options.resolveProvider.map(JSONValue.bool),
                ])
            },
            "executeCommandProvider": executeCommandProvider.map {
                ["commands": .array($0.commands.map(JSONValue.string))]
            },
            "workspace": workspace.map { workspace in
                .members([
                    "workspaceFolders": workspace.workspaceFolders.map { folders in
                        .members([
                            "supported": folders.supported.map(JSONValue.bool),
                            "changeNotifications": folders.changeNotifications.map(JSONValue.bool),
                        ])
                    }
                ])
            },
            "experimental": experimental,
        ])
    }
}
