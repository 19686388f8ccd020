/// The name of a prompt resource: `coding_system` is `Prompts/coding_system.md`.
public struct PromptName: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    /// The coding agent's system prompt; placeholder `{{workspace}}`.
    public static let codingSystem: PromptName = "coding_system"
    /// Workflow: reviewing code.
    public static let codeReview: PromptName = "code_review"
    /// Workflow: building a feature.
    public static let featureDevelopment: PromptName = "feature_development"
    /// Workflow: understanding or planning architecture.
    public static let codeArchitecture: PromptName = "code_architecture"
    /// Workflow: finding and fixing a bug.
    public static let debugging: PromptName = "debugging"
    /// The supervisor's system prompt; placeholder `{{specialists}}`.
    public static let supervisorSystem: PromptName = "supervisor_system"
    /// The RAG agent's system prompt.
    public static let ragSystem: PromptName = "rag_system"
    /// The image agent's system prompt.
    public static let imageSystem: PromptName = "image_system"

    /// Every prompt the package ships.
    public static let bundled: [PromptName] = [
        .codingSystem, .codeReview, .featureDevelopment, .codeArchitecture, .debugging, .supervisorSystem, .ragSystem,
        .imageSystem,
    ]
}
