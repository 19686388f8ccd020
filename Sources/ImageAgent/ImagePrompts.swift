import AgentCore

/// The image agent's prompt (`Sources/ImageAgent/Prompts/image_system.md`, embedded at build time).
enum ImagePrompts {
    /// The system prompt; placeholder `{{workspace}}`.
    static let system = EmbeddedPrompt(name: "image_system", bytes: PackageResources.image_system_md)
}
