extension SwarmEngine {
    /// The request the agent's next model call sends.
    func makeRequest(for agent: Agent, state: RunState) -> ChatRequest {
        let handoffs = registry.handoffTargets(of: agent).map(Handoff.definition(for:))
        let tools = agent.tools.map(\.definition) + handoffs
        var toolChoice = tools.isEmpty ? nil : agent.toolChoice
        if options.resetToolChoice, state.agentsThatUsedTools.contains(agent.name) {
            switch toolChoice {
            case .required?, .function?: toolChoice = .auto
            default: break
            }
        }
        let instructions = agent.instructions.render(state.contextVariables)
        let system: [ChatMessage] = instructions.isEmpty ? [] : [.system(instructions)]
        return ChatRequest(
            model: state.modelSubstitutions[Self.substitutionKey(agent)] ?? agent.model,
            messages: system + state.history,
            tools: tools,
            toolChoice: toolChoice,
            parallelToolCalls: tools.isEmpty ? nil : agent.parallelToolCalls,
            maxTokens: agent.maxTokens,
            temperature: agent.temperature,
            seed: agent.seed,
            stream: true,
            includeUsage: true,
            extraBody: agent.extraBody
        )
    }

    static func substitutionKey(_ agent: Agent) -> String {
        agent.endpoint.baseURL + "|" + agent.model
    }

    /// Streams one completion and returns the assistant message it makes; falls back to the
    /// server's first model once when the configured one is not served.
    func complete(agent: Agent, turn: Int, state: inout RunState, emit: RunEmitter) async throws -> ChatMessage {
        let request = makeRequest(for: agent, state: state)
        do {
            return try await streamCompletion(request, agent: agent, turn: turn, state: &state, emit: emit)
        } catch let error as LLMError where error.code == .modelNotFound && options.modelFallback {
            guard let models = try? await client.listModels(endpoint: agent.endpoint),
                let substitute = models.first, substitute != request.model
            else { throw error }
            logger.warning(
                "model not served; falling back to the server's first model",
                metadata: [
                    "agent": "\(agent.name)", "model": "\(request.model)", "fallback": "\(substitute)",
                    "endpoint": "\(agent.endpoint.baseURL)",
                ])
            state.modelSubstitutions[Self.substitutionKey(agent)] = substitute
            var retry = request
            retry.model = substitute
            return try await streamCompletion(retry, agent: agent, turn: turn, state: &state, emit: emit)
        }
    }

    private func streamCompletion(
        _ request: ChatRequest, agent: Agent, turn: Int, state: inout RunState, emit: RunEmitter
    ) async throws -> ChatMessage {
        var text = ""
        var reasoning = ""
        var assembler = ToolCallAssembler(idPrefix: "call_\(turn)")
        var started: Set<Int> = []
        let knownTools = Set(
            agent.tools.map(\.name) + registry.handoffTargets(of: agent).map { Handoff.toolName(for: $0.name) })
        let parsesText = options.parseTextToolCalls && !knownTools.isEmpty
        var gate = ToolCallTextGate(enabled: parsesText)
        for try await event in client.streamChat(request, endpoint: agent.endpoint) {
            switch event {
            case .contentDelta(let delta):
                text += delta
                if let released = gate.pass(delta) { emit(.textDelta(agent: agent.name, text: released)) }
            case .reasoningDelta(let delta):
                reasoning += delta
                emit(.reasoningDelta(agent: agent.name, text: delta))
            case .toolCallDelta(let delta):
                let id = assembler.add(delta)
                if !started.contains(delta.index), let name = delta.name {
                    started.insert(delta.index)
                    emit(.toolCallStarted(agent: agent.name, index: delta.index, id: id, name: name))
                }
                if let fragment = delta.argumentsFragment, !fragment.isEmpty {
                    emit(.toolCallArguments(agent: agent.name, index: delta.index, id: id, fragment: fragment))
                }
            case .usage(let usage):
                state.usage = state.usage + usage
                emit(.usage(usage))
            case .finished:
                break
            }
        }
        try Task.checkCancellation()
        var calls = assembler.toolCalls
        var content: String? = text
        let held = gate.flush()
        if calls.isEmpty, parsesText, !text.isEmpty {
            let parsed = TextToolCallParser(knownTools: knownTools).parse(text)
            for (index, call) in parsed.calls.enumerated() {
                let id = "call_\(turn)_text_\(index)"
                calls.append(ToolCall(id: id, name: call.name, arguments: call.arguments))
                emit(.toolCallStarted(agent: agent.name, index: index, id: id, name: call.name))
                emit(.toolCallArguments(agent: agent.name, index: index, id: id, fragment: call.arguments))
            }
            if !calls.isEmpty {
                logger.debug(
                    "parsed tool calls from text", metadata: ["agent": "\(agent.name)", "count": "\(calls.count)"])
                content = parsed.text
            }
        }
        if let held {
            // Release held text that was no call; around parsed calls, show only prose not yet streamed.
            if calls.isEmpty {
                emit(.textDelta(agent: agent.name, text: held))
            } else if !gate.releasedAny, let prose = content, !prose.isEmpty {
                emit(.textDelta(agent: agent.name, text: prose))
            }
        }
        if !calls.isEmpty, content?.isEmpty == true { content = nil }
        return ChatMessage(
            role: .assistant,
            content: content.map { .text($0) },
            toolCalls: calls.isEmpty ? nil : calls,
            reasoningContent: reasoning.isEmpty ? nil : reasoning,
            agent: agent.name
        )
    }
}
