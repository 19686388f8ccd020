import AgentCore
import CodingAgent
import KnowledgeAgent

/// The specialists the supervisor routes to, in the order its prompt lists them; the language server, the
/// command line and the HTTP service all compose this list. A new agent is one module and one line here.
public enum AgentModules {
    /// A fresh instance of every agent module.
    public static func all() -> [any AgentModule] {
        [
            CodingAgentModule(),
            KnowledgeAgentModule(),
        ]
    }
}
