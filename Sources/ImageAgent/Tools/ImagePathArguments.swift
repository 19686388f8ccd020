import AgentCore

/// The arguments of `get_image_metadata`.
struct ImagePathArguments: ToolArguments {
    var imagePath: String

    enum CodingKeys: String, CodingKey { case imagePath = "image_path" }

    static let argumentDescriptions = [
        "image_path": ImageToolkit.pathDescription
    ]
}

extension ImageToolkit {
    static let pathDescription =
        "The image: a path relative to the workspace (or absolute inside it), or an attachment reference "
        + "(attachment:<sha256>.<ext>) from the user's message."
}
