extension AgentRegistry {
    /// The agents of one run: the supervisor, then the agent of each module, in order. Every specialist may
    /// hand back to the supervisor. A module whose agent cannot be built is left out (logged), so one broken
    /// specialist does not take the others down.
    /// - Throws: a `ChatError` of code `invalidRequest` that a module raised for the request itself.
    public static func composing(_ modules: [any AgentModule], run: AgentRunContext) throws(ChatError) -> AgentRegistry
    {
        var specialists: [Agent] = []
        for module in modules where module.name != Supervisor.name {
            do {
                var agent = try module.makeAgent(for: run)
                if !agent.handoffs.contains(Supervisor.name) { agent.handoffs.append(Supervisor.name) }
                specialists.append(agent)
            } catch let error as ChatError where error.code == .invalidRequest {
                throw error
            } catch {
                run.logger.error("The \(module.name) agent is unavailable: \(error)")
            }
        }
        return AgentRegistry([Supervisor.agent(routingTo: specialists, run: run)] + specialists)
    }
}
