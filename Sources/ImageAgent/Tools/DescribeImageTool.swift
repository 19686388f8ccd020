import AgentCore

/// `describe_image(image_path, detail_level)`: a description at the level asked, by the vision model.
struct DescribeImageTool: TypedAgentTool {
    let toolkit: ImageToolkit

    var name: String { "describe_image" }

    var description: String {
        "Describe an image with the vision model, `brief`, `detailed` (default) or `exhaustive`."
    }

    func run(_ arguments: DescribeImageArguments, context: ToolContext) async throws -> ToolResult {
        let level = arguments.detailLevel ?? .detailed
        let question = level.instruction + " Say plainly what you cannot make out instead of guessing."
        do {
            let (answer, images) = try await toolkit.ask(question, about: [arguments.imagePath])
            return ToolResult(ImageToolkit.notes(images) + answer, value: ["detail_level": .string(level.rawValue)])
        } catch {
            return ImageToolkit.failure(error)
        }
    }
}
