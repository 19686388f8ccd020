import AgentCore

/// The coding agent's prompts (`Sources/CodingAgent/Prompts/*.md`, embedded at build time).
enum CodingPrompts {
    /// The system prompt; placeholder `{{workspace}}`.
    static let system = EmbeddedPrompt(name: "coding_system", bytes: PackageResources.coding_system_md)
    /// Workflow: reviewing code.
    static let codeReview = EmbeddedPrompt(name: "code_review", bytes: PackageResources.code_review_md)
    /// Workflow: building a feature.
    static let featureDevelopment = EmbeddedPrompt(
        name: "feature_development", bytes: PackageResources.feature_development_md)
    /// Workflow: understanding or planning architecture.
    static let codeArchitecture = EmbeddedPrompt(
        name: "code_architecture", bytes: PackageResources.code_architecture_md)
    /// Workflow: finding and fixing a bug.
    static let debugging = EmbeddedPrompt(name: "debugging", bytes: PackageResources.debugging_md)

    /// Every prompt the coding agent ships.
    static let all = [system, codeReview, featureDevelopment, codeArchitecture, debugging]
}

extension PromptLibrary {
    /// The coding agent's instructions for a workflow: the system prompt, then the workflow's prompt; the
    /// embedded copy of a prompt whose override is broken.
    /// - Parameter values: placeholder values, for example `["workspace": "/home/me/project"]`.
    package func codingInstructions(for workflow: PromptWorkflow, values: [String: String] = [:]) -> String {
        let system = renderedOrEmbedded(CodingPrompts.system, values: values)
        guard let extra = workflow.prompt else { return system }
        return system + "\n\n" + renderedOrEmbedded(extra, values: values)
    }
}
