/// `textDocument/didOpen`, `didChange`, `didSave`, `didClose` against the document store.
enum DocumentHandlers {
    #if DEBUG
        /// Debug builds: replaces the `didChange` handler with one that lets `dropHook` swallow a change.
        static func register(_ dropHook: DropChangeHook, into registry: inout HandlerRegistry) {
            registry.register(DidChangeTextDocumentNotification.self) { notification, context in
                if dropHook.shouldDrop() {
                    context.logger.warning("Test hook: dropping didChange version \(notification.textDocument.version)")
                    return
                }
                await applyChange(notification, context)
            }
        }
    #endif

    static func register(into registry: inout HandlerRegistry) {
        registry.register(DidOpenTextDocumentNotification.self) { notification, context in
            await context.documents.open(notification.textDocument)
        }
        registry.register(DidChangeTextDocumentNotification.self) { notification, context in
            await applyChange(notification, context)
        }
        registry.register(DidSaveTextDocumentNotification.self) { notification, context in
            context.logger.debug("Saved \(notification.textDocument.uri)")
        }
        registry.register(DidCloseTextDocumentNotification.self) { notification, context in
            if await !context.documents.close(notification.textDocument.uri) {
                context.logMessage(
                    .warning, "didClose for a document that is not open: \(notification.textDocument.uri)")
            }
        }
    }

    private static func applyChange(_ notification: DidChangeTextDocumentNotification, _ context: ServerContext) async {
        let outcome = await context.documents.change(notification)
        let uri = notification.textDocument.uri
        switch outcome {
        case .applied:
            break
        case .unknownDocument:
            context.logMessage(.warning, "didChange for a document that is not open: \(uri)")
        case .staleVersion(let current):
            context.logMessage(
                .warning,
                "didChange with stale version \(notification.textDocument.version) (holding \(current)) for \(uri); ignored"
            )
        }
    }
}
