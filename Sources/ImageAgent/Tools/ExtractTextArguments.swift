import AgentCore

/// The arguments of `extract_text`.
struct ExtractTextArguments: ToolArguments {
    var imagePath: String
    var language: String?

    enum CodingKeys: String, CodingKey {
        case imagePath = "image_path"
        case language
    }

    static let argumentDescriptions = [
        "image_path": ImageToolkit.pathDescription,
        "language": "Tesseract language codes joined by +, for example `eng` (default) or `deu+eng`.",
    ]
}
