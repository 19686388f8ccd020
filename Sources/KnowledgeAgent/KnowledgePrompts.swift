import AgentCore

/// The knowledge agent's prompts (`Sources/KnowledgeAgent/Prompts/*.md`, embedded at build time).
enum KnowledgePrompts {
    /// The system prompt.
    static let system = EmbeddedPrompt(name: "rag_system", bytes: PackageResources.rag_system_md)
}
