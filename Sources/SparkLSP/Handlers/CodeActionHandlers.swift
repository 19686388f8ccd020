import AgentCore

/// `textDocument/codeAction`, `codeAction/resolve` and `workspace/executeCommand`
/// (`spark.codeAction`, `spark.chat`).
enum CodeActionHandlers {
    static func register(on server: LSPServer, service: AgentService) {
        server.register(CodeActionRequest.self) { request, _ in
            CodeActionCatalog.actions(for: request)
        }
        server.register(CodeActionResolveRequest.self) { request, _ in request.action }
        server.register(ExecuteCommandRequest.self) { request, context in
            switch request.command {
            case CodeActionCatalog.command:
                let arguments = try decode(CodeActionArguments.self, request.arguments?.first, command: request.command)
                let result = try await codeAction(arguments, token: request.workDoneToken, service: service, context: context)
                return try JSONValue(encoding: result)
            case ChatCommand.name:
                let result = try await ChatCommand.run(request, service: service, context: context)
                return try JSONValue(encoding: result)
            default:
                throw ResponseError.invalidParams("unknown command: \(request.command)")
            }
        }
    }

    /// Runs the coding agent directly (no supervisor turn) with the action's workflow prompt.
    static func codeAction(
        _ arguments: CodeActionArguments, token: ProgressToken?, service: AgentService, context: ServerContext
    ) async throws -> ChatResult {
        let code = await CodeContext.load(uri: arguments.uri, range: arguments.range, documents: context.documents)
        var job = ChatJob(message: CodeActionPrompt.message(for: arguments, code: code), agent: "coding")
        job.workflow = CodeActionPrompt.workflow(for: arguments.action)
        job.contextVariables = code.variables
        job.progressToken = token
        job.createProgress = true
        job.progressTitle = "Spark: \(arguments.action.rawValue)"
        let result = try await service.run(job, context: context)
        if CodeActionPrompt.producesText(arguments.action), !result.content.isEmpty {
            context.showMessage(.info, result.content)
        }
        return result
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: JSONValue?, command: String) throws -> T {
        guard let value else { throw ResponseError.invalidParams("\(command) needs one argument") }
        do {
            return try value.decode(as: T.self)
        } catch {
            throw ResponseError.invalidParams("\(command): \(error)")
        }
    }
}
