/// `initialized`, `$/setTrace` and `workspace/didChangeWorkspaceFolders`.
enum SessionHandlers {
    static func register(into registry: inout HandlerRegistry) {
        registry.register(InitializedNotification.self) { _, context in
            context.logger.debug("Client initialized")
        }
        registry.register(SetTraceNotification.self) { notification, context in
            context.updateState { $0.trace = notification.value }
        }
        registry.register(DidChangeWorkspaceFoldersNotification.self) { notification, context in
            context.updateState { state in
                let removed = Set(notification.event.removed.map(\.uri))
                state.workspaceFolders.removeAll { removed.contains($0.uri) }
                state.workspaceFolders.append(contentsOf: notification.event.added)
            }
        }
    }
}
