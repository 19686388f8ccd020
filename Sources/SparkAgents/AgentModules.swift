import AgentCore
import CodingAgent

/// The specialists the supervisor routes to, in the order its prompt lists them. A new agent is one module
/// and one line here.
enum AgentModules {
    static func all() -> [any AgentModule] {
        [
            CodingAgentModule()
        ]
    }
}
