import AgentCore
import CodingAgent

/// The image agent's pipeline steps for the benchmark (`spark-bench image`), which times them against the
/// command-line tools: preparing an image for the model, and making test images with libvips.
package enum ImagePipeline {
    /// Prepares the workspace image `path` for the vision model within `limits`, as the tools do; returns
    /// what would be sent.
    package static func prepareForModel(workspace: String, path: String, limits: ImageLimits) async throws
        -> (width: Int, height: Int, bytes: Int, mimeType: String)
    {
        let locator = ImageLocator(workspacePath: workspace, attachments: workspace)
        let image = try await Vips.run { try ModelImage.prepare(try locator.open(path), limits: limits) }
        return (image.width, image.height, image.bytes.count, image.mimeType)
    }

    /// 8-bit RGB pixels encoded by the saver `suffix` names (`.png`, `.jpg[Q=90]`).
    package static func encode(rgb pixels: [UInt8], width: Int, height: Int, suffix: String) async throws -> [UInt8] {
        try await Vips.run { try VipsImage.fromPixels(pixels, width: width, height: height, bands: 3).encode(suffix) }
    }

    /// `text` rendered dark on light at `dpi`, as a PNG.
    package static func renderText(_ text: String, dpi: Int) async throws -> [UInt8] {
        try await Vips.run { try VipsImage.renderText(text, dpi: dpi).encode(".png") }
    }
}
