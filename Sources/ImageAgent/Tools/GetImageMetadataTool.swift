import AgentCore

/// `get_image_metadata(image_path)`: format, dimensions, colour space, bit depth, frames, file size and EXIF
/// (camera, lens, date, orientation, GPS present), from the headers without decoding the pixels.
struct GetImageMetadataTool: TypedAgentTool {
    let toolkit: ImageToolkit

    var name: String { "get_image_metadata" }

    var description: String {
        """
        Read an image's headers without decoding it: format, width and height, colour space, bit depth, \
        frames (animation or pages), file size, and EXIF (camera, lens, date taken, orientation, whether a GPS \
        position is recorded). Fast; use it first to check what an image is.
        """
    }

    func run(_ arguments: ImagePathArguments, context: ToolContext) async throws -> ToolResult {
        do {
            let metadata = try await toolkit.metadata(arguments.imagePath)
            return ToolResult(metadata.text, value: metadata.json)
        } catch {
            return ImageToolkit.failure(error)
        }
    }
}
