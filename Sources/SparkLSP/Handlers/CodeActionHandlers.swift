import AgentCore
import SparkJSON

/// `textDocument/codeAction`, `codeAction/resolve` and `workspace/executeCommand`
/// (`spark.codeAction`, `spark.chat`).
enum CodeActionHandlers {
    static func register(on server: LSPServer, chat: ChatFrontEnd) {
        server.register(SparkCodeActionRequest.self) { request, _ in
            CodeActionCatalog.actions(for: request)
        }
        server.register(CodeActionResolveRequest.self) { request, _ in request.action }
        server.register(ExecuteCommandRequest.self) { request, context in
            switch request.command {
            case CodeActionCatalog.command:
                let arguments = try decode(CodeActionArguments.self, request.arguments?.first, command: request.command)
                let result = try await codeAction(
                    arguments, token: request.workDoneToken, chat: chat, context: context)
                return try JSONValue(encoding: result)
            case ChatCommand.name:
                let result = try await ChatCommand.run(request, chat: chat, context: context)
                return try JSONValue(encoding: result)
            case IndexHandlers.command:
                return try JSONValue(
                    encoding: try await IndexHandlers.index(chat.indexing, context, token: request.workDoneToken))
            default:
                throw ResponseError.invalidParams("unknown command: \(request.command)")
            }
        }
    }

    /// Runs the coding agent directly (no supervisor turn) with the action's workflow prompt.
    static func codeAction(
        _ arguments: CodeActionArguments, token: ProgressToken?, chat: ChatFrontEnd, context: ServerContext
    ) async throws -> ChatResult {
        let code = await CodeContext.load(uri: arguments.uri, range: arguments.range, documents: context.documents)
        var job = ChatJob(
            ChatTurnRequest(
                message: CodeActionPrompt.message(for: arguments, code: code), agent: CodeActionPrompt.agent,
                workflow: CodeActionPrompt.workflow(for: arguments.action), contextVariables: code.variables))
        job.progressToken = token
        job.createProgress = true
        job.progressTitle = "Spark: \(arguments.action.rawValue)"
        let result = try await chat.run(job, context: context)
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
