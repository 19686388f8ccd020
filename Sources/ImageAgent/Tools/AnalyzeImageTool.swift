import AgentCore

/// `analyze_image(image_path, question)`: what the image shows and what stands out, by the vision model.
struct AnalyzeImageTool: TypedAgentTool {
    let toolkit: ImageToolkit

    var name: String { "analyze_image" }

    var description: String {
        """
        Analyse an image with the vision model: what it shows and what stands out. For a screenshot: the \
        application, the UI and any error or warning text, quoted exactly; for a chart: its type, axes, series \
        and trend; for a diagram: its parts and how they connect. Pass `question` to focus the analysis.
        """
    }

    func run(_ arguments: AnalyzeImageArguments, context: ToolContext) async throws -> ToolResult {
        var question = """
            Analyse this image. Say what kind of image it is, then what it shows and what stands out. \
            For a screenshot: the application, the visible UI and every error or warning message, quoted exactly. \
            For a chart: its type, axes, series and the trend. For a diagram: its parts and the links between them. \
            Say plainly what you cannot make out.
            """
        if let focus = arguments.question, !focus.isEmpty { question += "\nThe user wants to know: \(focus)" }
        do {
            let (answer, images) = try await toolkit.ask(question, about: [arguments.imagePath])
            return ToolResult(ImageToolkit.notes(images) + answer)
        } catch {
            return ImageToolkit.failure(error)
        }
    }
}
