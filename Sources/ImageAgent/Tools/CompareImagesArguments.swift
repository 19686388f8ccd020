import AgentCore
import SparkJSON

/// The arguments of `compare_images`.
struct CompareImagesArguments: ToolArguments {
    var imagePaths: [String]
    var differenceImage: String?

    enum CodingKeys: String, CodingKey {
        case imagePaths = "image_paths"
        case differenceImage = "difference_image"
    }

    static let argumentDescriptions = [
        "image_paths": "Two or more images (workspace paths or attachment references); each is compared with the first.",
        "difference_image":
            "A workspace path (.png) to write a picture of the difference between the first two images to (optional).",
    ]

    static let argumentConstraints: [String: JSONValue] = ["image_paths": ["minItems": 2, "maxItems": 8]]
}
