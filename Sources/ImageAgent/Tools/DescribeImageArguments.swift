import AgentCore

/// The arguments of `describe_image`.
struct DescribeImageArguments: ToolArguments {
    /// How much to say.
    enum DetailLevel: String, SchemaEnumeration, Sendable {
        case brief, detailed, exhaustive

        var instruction: String {
            switch self {
            case .brief: "Describe this image in one or two sentences."
            case .detailed: "Describe this image in a paragraph: the subject, the layout, the text and the notable details."
            case .exhaustive:
                "Describe this image exhaustively: every region from top to bottom and left to right, every piece of text verbatim, colours, and anything unusual."
            }
        }
    }

    var imagePath: String
    var detailLevel: DetailLevel?

    enum CodingKeys: String, CodingKey {
        case imagePath = "image_path"
        case detailLevel = "detail_level"
    }

    static let argumentDescriptions = [
        "image_path": ImageToolkit.pathDescription,
        "detail_level": "How much to say: brief (a sentence or two), detailed (default), exhaustive.",
    ]
}
