/// The handlers every server starts with. Features register over the placeholders
/// (`textDocument/codeAction`, `codeAction/resolve`, `workspace/executeCommand`).
enum DefaultHandlers {
    static func register(into registry: inout HandlerRegistry) {
        DocumentHandlers.register(into: &registry)
        SessionHandlers.register(into: &registry)
        registry.register(DebugDocumentRequest.self) { request, context in
            guard let document = await context.documents.document(request.uri) else {
                throw ResponseError.invalidParams("document not open: \(request.uri)")
            }
            return DebugDocumentResult(text: document.buffer.text, version: document.version)
        }
        registry.register(CodeActionRequest.self) { _, _ in [] }
        registry.register(CodeActionResolveRequest.self) { request, _ in request.action }
        registry.register(ExecuteCommandRequest.self) { request, _ in
            throw ResponseError.invalidParams("unknown command: \(request.command)")
        }
    }
}
