/// `initialized` and `workspace/didChangeConfiguration`: read the `spark` settings, pulling them
/// with `workspace/configuration` when the client supports it.
enum ConfigurationHandlers {
    static func register(on server: LSPServer, service: AgentService) {
        server.register(InitializedNotification.self) { _, context in
            context.logger.debug("Client initialized")
            await pull(service: service, context: context)
        }
        server.register(DidChangeConfigurationNotification.self) { notification, context in
            await service.push(EditorSettings.section(of: notification.settings))
            await pull(service: service, context: context)
        }
    }

    private static func pull(service: AgentService, context: ServerContext) async {
        guard context.clientCapabilities.supportsConfiguration else { return }
        do {
            let values = try await context.send(ConfigurationRequest(items: [ConfigurationItem(section: "spark")]), timeout: .seconds(10))
            if let value = values.first, value.objectValue != nil { await service.pulled(value) }
        } catch {
            context.logger.debug("workspace/configuration failed: \(error)")
        }
    }
}
