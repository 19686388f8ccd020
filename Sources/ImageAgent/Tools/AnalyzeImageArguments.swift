import AgentCore

/// The arguments of `analyze_image`.
struct AnalyzeImageArguments: ToolArguments {
    var imagePath: String
    var question: String?

    enum CodingKeys: String, CodingKey {
        case imagePath = "image_path"
        case question
    }

    static let argumentDescriptions = [
        "image_path": ImageToolkit.pathDescription,
        "question": "What to find out (optional), for example `what does the error dialog say?`.",
    ]
}
