import SparkJSON

extension SwarmEngine {
    /// Runs a turn's tool calls, appends one tool message per call in call order, applies
    /// context updates, and returns the agent to hand off to (the first handoff wins).
    func runTools(
        _ calls: [ToolCall], agent: Agent, sessionID: String, state: inout RunState, emit: @escaping RunEmitter
    ) async throws -> Agent? {
        let targets = registry.handoffTargets(of: agent)
        let plans = calls.map { plan($0, agent: agent, targets: targets) }
        var results: [ToolResult?] = Array(repeating: nil, count: calls.count)
        let runnable = plans.indices.filter { if case .tool = plans[$0] { true } else { false } }
        let runsInParallel = agent.parallelToolCalls && runnable.count > 1
        if runsInParallel {
            for index in runnable { emit(.toolCall(agent: agent.name, call: calls[index])) }
            let variables = state.contextVariables
            results = try await withThrowingTaskGroup(of: (Int, ToolResult).self) { group in
                for index in runnable {
                    guard case .tool(let tool, let arguments) = plans[index] else { continue }
                    let context = toolContext(
                        for: calls[index], agent: agent, variables: variables, sessionID: sessionID, emit: emit)
                    group.addTask { (index, try await invoke(tool, arguments, context: context)) }
                }
                var collected = results
                for try await (index, result) in group { collected[index] = result }
                return collected
            }
        }

        var winner: Agent?
        for (index, call) in calls.enumerated() {
            if !(runsInParallel && runnable.contains(index)) { emit(.toolCall(agent: agent.name, call: call)) }
            var result: ToolResult
            switch plans[index] {
            case .handoff(let target):
                result = ToolResult(
                    "Transferred to \(target.name). The \(target.name) agent continues the conversation.",
                    handoff: target.name)
            case .answered(let answer):
                result = answer
            case .tool(let tool, let arguments):
                if let done = results[index] {
                    result = done
                } else {
                    let context = toolContext(
                        for: call, agent: agent, variables: state.contextVariables, sessionID: sessionID, emit: emit)
                    result = try await invoke(tool, arguments, context: context)
                }
            }
            if let requested = result.handoff {
                if let first = winner {
                    result.handoff = nil
                    let note =
                        "Transfer to \(requested) was not made: this turn already transferred the conversation to \(first.name) (only the first transfer of a turn counts)."
                    result.content = plans[index].isHandoff ? note : result.content + "\n" + note
                } else if let target = registry[requested] {
                    winner = target
                } else {
                    result.handoff = nil
                    result.content += "\nerror: no agent named '\(requested)'; the conversation was not transferred."
                    result.isError = true
                }
            }
            state.contextVariables.merge(result.contextUpdates) { _, new in new }
            state.append(.tool(callID: call.id, name: call.function.name, result.content))
            emit(.toolResult(agent: agent.name, call: call, result: result))
        }
        return winner
    }

    /// What `call`'s tool is handed: the run's variables and ids, and a progress reporter that emits the call's
    /// `toolProgress` events.
    private func toolContext(
        for call: ToolCall, agent: Agent, variables: [String: JSONValue], sessionID: String, emit: @escaping RunEmitter
    ) -> ToolContext {
        let agentName = agent.name
        return ToolContext(
            variables: variables, sessionID: sessionID, agentName: agentName, toolCallID: call.id,
            reportProgress: { progress, total, message in
                emit(
                    .toolProgress(
                        agent: agentName,
                        progress: ToolProgress(
                            toolCallID: call.id, toolName: call.function.name, progress: progress, total: total,
                            message: message)))
            })
    }

    /// Decides how to answer a call: a handoff, a tool with parsed arguments, or an error
    /// message the model can learn from.
    func plan(_ call: ToolCall, agent: Agent, targets: [Agent]) -> ToolCallPlan {
        let name = call.function.name
        if name.hasPrefix(Handoff.toolPrefix),
            let target = targets.first(where: { Handoff.toolName(for: $0.name) == name })
        {
            return .handoff(target)
        }
        guard let tool = agent.tool(named: name) else {
            let available = agent.tools.map(\.name) + targets.map { Handoff.toolName(for: $0.name) }
            return .answered(
                .error(
                    "unknown tool `\(name)`. Available tools: "
                        + (available.isEmpty ? "none" : available.joined(separator: ", ")) + "."))
        }
        switch Self.parseArguments(call.function.arguments, tool: name) {
        case .success(let arguments):
            return .tool(tool, arguments)
        case .failure(let error):
            return .answered(
                .error(
                    "the arguments of `\(name)` are not valid JSON (\(error.problem)). Call `\(name)` again with a JSON object that matches its schema. You sent: \(String(call.function.arguments.prefix(500)))"
                ))
        }
    }

    /// Parses arguments text; empty text is `{}`, JSON text inside a JSON string is unwrapped.
    static func parseArguments(_ text: String, tool: String) -> Result<JSONValue, ArgumentsError> {
        if text.allSatisfy(\.isWhitespace) { return .success([:]) }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            return .failure(ArgumentsError(tool: tool, String(describing: error)))
        }
        if case .string(let inner) = value, let unwrapped = try? JSONValue(parsing: inner), unwrapped.objectValue != nil
        {
            return .success(unwrapped)
        }
        guard value.objectValue != nil else {
            return .failure(ArgumentsError(tool: tool, "expected a JSON object, got \(value.serialized().prefix(80))"))
        }
        return .success(value)
    }

    /// Runs one tool; a thrown error becomes an error result, cancellation propagates.
    func invoke(_ tool: any AgentTool, _ arguments: JSONValue, context: ToolContext) async throws -> ToolResult {
        do {
            return try await tool.call(arguments, context: context)
        } catch {
            if error is CancellationError || Task.isCancelled { throw CancellationError() }
            logger.debug("tool failed", metadata: ["tool": "\(tool.name)", "error": "\(error)"])
            return .error("`\(tool.name)` failed: \(error)")
        }
    }
}
