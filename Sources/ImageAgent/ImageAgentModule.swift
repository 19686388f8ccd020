import AgentCore
import CodingAgent

/// The image agent's registration (`image`, its model from `IMAGE_MODEL` or `agents.image`): reads,
/// describes and compares images in the workspace and those attached to the conversation, with libvips,
/// Tesseract and the vision model.
public struct ImageAgentModule: AgentModule {
    /// The agent's name and settings key.
    public static let name = "image"

    public init() {}

    public var name: String { Self.name }

    public func makeAgent(for run: AgentRunContext) throws -> Agent {
        var agent = run.configuredAgent(name)
        agent.description =
            "Looks at images: screenshots (error text, UI), charts, diagrams and photos in the workspace or attached to the message; reads their text (OCR), describes, compares and inspects them."
        agent.instructions = .text(
            run.prompts.renderedOrEmbedded(ImagePrompts.system, values: ["workspace": run.workspace]))
        agent.tools = try Self.tools(for: run)
        return agent
    }

    /// The five image tools for one run.
    package static func tools(for run: AgentRunContext) throws -> [any AgentTool] {
        let settings = run.configuration.settings(for: name)
        let vision = run.client.map {
            VisionModel(
                client: $0, model: settings.model, endpoint: run.configuration.modelEndpoint(for: name),
                maxTokens: settings.maxTokens ?? 1024)
        }
        let toolkit = ImageToolkit(
            locator: ImageLocator(
                workspacePath: run.workspace,
                attachments: ImageAttachmentStore(workspace: run.workspace, dataDirectory: run.dataDirectory).directory),
            limits: run.configuration.imageLimits, vision: vision,
            tesseract: TesseractReader(searchPath: run.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"))
        return [
            AnalyzeImageTool(toolkit: toolkit),
            ExtractTextTool(toolkit: toolkit),
            DescribeImageTool(toolkit: toolkit),
            CompareImagesTool(
                toolkit: toolkit, protected: ProtectedPaths(additional: run.configuration.protectedPaths)),
            GetImageMetadataTool(toolkit: toolkit),
        ]
    }
}
