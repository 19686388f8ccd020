import AgentCore
import SparkJSON
import Testing

@testable import ImageAgent

extension ImageAgentTests {
    /// The exact request the vision model receives: OpenAI `image_url` parts with data URLs, within
    /// `image.maxPixels` and `image.maxBytes`, with no metadata; and what a text-only model's 400 becomes.
    @Suite struct VisionRequestTests {
        @Test func describeImageSendsOneUserMessageWithTheQuestionAndADataURL() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "shot.png", pixels: ImageWorkspace.pixels(width: 120, height: 80), width: 120, height: 80, suffix: ".png")
            workspace.model.enqueue(.text("A grey page with a gradient."))
            let result = try await workspace.call("describe_image", ["image_path": "shot.png", "detail_level": "brief"])
            #expect(result.content == "A grey page with a gradient.")
            let request = try #require(workspace.model.requests.last)
            #expect(request.path == "/v1/chat/completions")
            let body = try #require(request.body)
            #expect(body["model"] == "vision" && body["stream"] == false && body["temperature"]?.doubleValue == 0)
            guard case .array(let messages)? = body["messages"], messages.count == 1,
                case .array(let parts)? = messages[0]["content"]
            else { Issue.record("unexpected messages: \(request.bodyText.prefix(300))"); return }
            #expect(messages[0]["role"] == "user")
            #expect(parts.count == 2 && parts[0]["type"] == "text")
            #expect(parts[0]["text"]?.stringValue?.hasPrefix("Describe this image in one or two sentences.") == true)
            let url = try #require(SentImages.urls(in: body).first)
            #expect(url.hasPrefix("data:image/png;base64,"))
            let sent = try #require(SentImages.bytes(of: url))
            #expect(ImageFormat(sniffing: sent) == .png)
        }

        @Test func aLargePhotoIsShrunkToTheLimitsAndStrippedOfItsMetadata() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "photo.jpg", pixels: ImageWorkspace.pixels(width: 1600, height: 1200), width: 1600, height: 1200,
                suffix: ".jpg[Q=95]")
            try await workspace.run(
                "/usr/bin/exiftool",
                ["-q", "-overwrite_original", "-Make=Canon", "-GPSLatitude=48.85", "-GPSLatitudeRef=N", "photo.jpg"])
            workspace.model.enqueue(.text("A photo."))
            let limits = ImageLimits(maxPixels: 200_000, maxBytes: 60_000)
            let result = try await workspace.call("analyze_image", ["image_path": "photo.jpg"], limits: limits)
            #expect(!result.isError, "\(result.content)")
            let (metadata, width, height) = try await sentImage(workspace, maxBytes: limits.maxBytes)
            #expect(width * height <= limits.maxPixels && width > 300, "\(metadata.content)")
            #expect(metadata.value?["exif"]?["present"] == false, "\(metadata.content)")
        }

        /// The model sees a photo upright: EXIF orientation 6 (turned 90 degrees) is applied while shrinking, and
        /// the box the limits allow turns with it.
        @Test func aRotatedPhotoIsSentUprightWithinTheLimits() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "turned.jpg", pixels: ImageWorkspace.pixels(width: 800, height: 400), width: 800, height: 400,
                suffix: ".jpg[Q=90]")
            try await workspace.run("/usr/bin/exiftool", ["-q", "-overwrite_original", "-Orientation#=6", "turned.jpg"])
            workspace.model.enqueue(.text("A photo."))
            let limits = ImageLimits(maxPixels: 80_000, maxBytes: 1_000_000)
            let result = try await workspace.call("describe_image", ["image_path": "turned.jpg"], limits: limits)
            #expect(!result.isError, "\(result.content)")
            let (metadata, width, height) = try await sentImage(workspace, maxBytes: limits.maxBytes)
            // 800 x 400 turned is 400 x 800; 80,000 pixels at that shape is 200 x 400.
            #expect(height > width && width * height <= limits.maxPixels && width >= 195, "\(metadata.content)")
        }

        /// The metadata of the image the last vision request carried (checked to be within `maxBytes`).
        func sentImage(_ workspace: ImageWorkspace, maxBytes: Int) async throws -> (
            metadata: ToolResult, width: Int, height: Int
        ) {
            let sent = try #require(SentImages.firstImage(in: workspace.model.requests.last?.body))
            #expect(sent.count <= maxBytes)
            try workspace.write(sent, to: "sent.bin")
            let metadata = try await workspace.call("get_image_metadata", ["image_path": "sent.bin"])
            let width = try #require(metadata.value?["width"]?.intValue)
            let height = try #require(metadata.value?["height"]?.intValue)
            return (metadata, width, height)
        }

        @Test func aTextOnlyModelsRefusalSaysToSetAVisionModel() async throws {
            let workspace = try ImageWorkspace()
            defer { workspace.remove() }
            try await workspace.writeImage(
                "a.png", pixels: ImageWorkspace.pixels(width: 8, height: 8), width: 8, height: 8, suffix: ".png")
            // vLLM's answer, word for word, from a text-only model (REAL_VLLM.md).
            workspace.model.enqueue(.error(status: 400, message: "vision is not a multimodal model"))
            let result = try await workspace.call("describe_image", ["image_path": "a.png"])
            #expect(result.isError)
            #expect(
                result.content.hasPrefix(
                    "error: IMAGE_MODEL vision does not accept images: set IMAGE_MODEL to a vision model"),
                "\(result.content)")
        }
    }
}
