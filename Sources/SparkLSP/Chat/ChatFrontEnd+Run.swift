import AgentCore

extension ChatFrontEnd {
    /// Runs one job to the end through `ChatService`: streams its `spark/chatEvent`s, reports progress.
    /// Throws `CancellationError` when cancelled and a `ResponseError` carrying the user-facing cause (also
    /// shown) when the run fails.
    func run(_ job: ChatJob, context: ServerContext) async throws -> ChatResult {
        let edits = EditLedger()
        let (surface, _) = await surface(context) { change, uri, _, unsent in
            edits.note(path: change.path, uri: uri, unsent: unsent)
        }
        await confirmTrust(surface, context: context)
        let progress: WorkDoneProgressReporter
        if job.createProgress || job.progressToken != nil {
            progress = await context.beginProgress(
                title: job.progressTitle, message: "Asking \(job.request.agent ?? "the agents")",
                clientToken: job.progressToken)
        } else {
            progress = WorkDoneProgressReporter(connection: context.connection, token: nil)
        }
        var request = job.request
        let sessionID = request.sessionID ?? service.freshSessionID()
        request.sessionID = sessionID
        let emitter = ChatEventEmitter(context: context, token: job.token, sessionID: sessionID, edits: edits)
        do {
            let result = try await service.run(request, on: surface) { event in
                emitter.send(event)
                switch event {
                case .delta(_, let text): await job.onDelta?(text)
                case .toolCall(let agent, let call): progress.report(message: "\(agent): \(call.function.name)")
                case .progress(let agent, let update):
                    progress.report(message: "\(agent): \(update.toolName) \(update.summary)")
                case .handoff(_, let to): progress.report(message: "Handed to \(to)")
                default: break
                }
            }
            if let notice = result.notice { context.showMessage(.warning, "Spark: \(notice)") }
            progress.end(message: "Done")
            return ChatResult(
                sessionId: result.sessionID, agent: result.agent, content: result.content,
                edits: result.edits.map(edits.chatEdit), usage: result.usage)
        } catch is CancellationError {
            progress.end(message: "Cancelled")
            throw CancellationError()
        } catch let error as ChatError {
            progress.end(message: "Failed")
            throw ResponseError(error, context: context)
        }
    }
}
