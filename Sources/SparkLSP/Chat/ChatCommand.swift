import AgentCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The `spark.chat` command: a chat for editors that can only run commands. The answer streams
/// into `.spark/chat.md` through `workspace/applyEdit`, opened with `window/showDocument`.
enum ChatCommand {
    static let name = "spark.chat"
    /// The session of the chat document when the command names none, so it reads as one conversation.
    static let defaultSession = "spark.chat"

    struct Arguments: Decodable {
        var message: String
        var sessionId: String?
        var agent: String?
    }

    static func run(_ request: ExecuteCommandRequest, chat: ChatFrontEnd, context: ServerContext) async throws
        -> ChatResult
    {
        let arguments: Arguments
        if let message = request.arguments?.first?.stringValue {
            arguments = Arguments(message: message)
        } else {
            arguments = try CodeActionHandlers.decode(Arguments.self, request.arguments?.first, command: name)
        }
        guard !arguments.message.isEmpty else { throw ResponseError.invalidParams("\(name): the message is empty") }
        let workspace = try await AgentHandlers.answering(context) { try await chat.configuration(context).workspace }
        let writer = try await ChatDocumentWriter(context: context, workspace: workspace)
        await writer.show()
        await writer.append("## You\n\n\(arguments.message)\n\n## Spark\n\n")
        var job = ChatJob(
            ChatTurnRequest(
                message: arguments.message, sessionID: arguments.sessionId ?? defaultSession, agent: arguments.agent))
        job.progressToken = request.workDoneToken
        job.createProgress = true
        job.onDelta = { text in await writer.stream(text) }
        do {
            let result = try await chat.run(job, context: context)
            await writer.append("\n\n")
            return result
        } catch let error as ResponseError {
            await writer.append("\n\n_\(error.message)_\n\n")
            throw error
        } catch {
            await writer.flush()
            throw error
        }
    }
}
