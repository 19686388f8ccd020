import SparkJSON

/// An agent: a model, its instructions, the tools it may call and the agents it may hand off to.
///
/// Handoffs appear to the model as `transfer_to_<name>` tools whose descriptions come from the
/// target agent's `description` (see `AgentRegistry`).
public struct Agent: Sendable {
    /// The unique name, for example `coding`. Also the suffix of its `transfer_to_<name>` tool.
    public var name: String
    /// What the agent is for, written for other agents' models (the transfer tool's description).
    public var description: String
    /// The model id the server serves, for example `meta-llama/Llama-3.1-8B-Instruct`.
    public var model: String
    /// The server the model lives on.
    public var endpoint: ModelEndpoint
    /// The system prompt, fixed or computed from the run's context variables.
    public var instructions: AgentInstructions
    /// The tools the model may call.
    public var tools: [any AgentTool]
    /// Names of the agents this agent may transfer the conversation to.
    public var handoffs: [String]
    /// Offers a transfer to every other agent in the registry (the supervisor's routes), in
    /// addition to `handoffs`, so new specialists slot in without code changes.
    public var handsOffToAllAgents: Bool
    /// `tool_choice`; `nil` leaves the server's default (`auto`).
    public var toolChoice: ToolChoice?
    /// Whether the model may call several tools in one turn, run concurrently.
    public var parallelToolCalls: Bool
    public var maxTokens: Int?
    public var temperature: Double?
    public var seed: Int?
    /// The turn limit of runs that start with this agent; `nil` uses `RunOptions.maxTurns`.
    public var maxTurns: Int?
    /// Members merged into the request body (vLLM's `top_k`, `repetition_penalty`, ...).
    public var extraBody: [String: JSONValue]

    public init(
        name: String,
        description: String = "",
        model: String,
        endpoint: ModelEndpoint,
        instructions: AgentInstructions = .text("You are a helpful agent."),
        tools: [any AgentTool] = [],
        handoffs: [String] = [],
        handsOffToAllAgents: Bool = false,
        toolChoice: ToolChoice? = nil,
        parallelToolCalls: Bool = true,
        maxTokens: Int? = nil,
        temperature: Double? = nil,
        seed: Int? = nil,
        maxTurns: Int? = nil,
        extraBody: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.description = description
        self.model = model
        self.endpoint = endpoint
        self.instructions = instructions
        self.tools = tools
        self.handoffs = handoffs
        self.handsOffToAllAgents = handsOffToAllAgents
        self.toolChoice = toolChoice
        self.parallelToolCalls = parallelToolCalls
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.seed = seed
        self.maxTurns = maxTurns
        self.extraBody = extraBody
    }

    /// The tool named `name`, if the agent has one.
    public func tool(named name: String) -> (any AgentTool)? {
        tools.first { $0.name == name }
    }
}
