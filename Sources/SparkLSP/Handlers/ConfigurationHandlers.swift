/// `initialized` and `workspace/didChangeConfiguration`: read the `spark` settings, pulling them with
/// `workspace/configuration` when the client supports it. The pull runs off the message loop (later
/// messages are answered meanwhile); runs wait for it, so they see the settings it brings.
enum ConfigurationHandlers {
    static func register(on server: LSPServer, chat: ChatFrontEnd) {
        server.register(InitializedNotification.self) { _, context in
            context.logger.debug("Client initialized")
            chat.refreshSettings(pushed: nil, context: context)
            IndexHandlers.initialized(context, chat: chat, runner: chat.indexing)
        }
        server.register(DidChangeConfigurationNotification.self) { notification, context in
            chat.refreshSettings(pushed: EditorSettings.section(of: notification.settings), context: context)
        }
    }
}
